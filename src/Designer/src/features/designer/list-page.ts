import { banner, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { loading } from '../../app/router';
import type { RouteContext } from '../../app/routes';
import { definitionsApi } from './definitions-api';

/** 流程设计 landing page: every deployed process with its latest version; open, history, new. */
export async function renderList({ outlet, signal }: RouteContext): Promise<void> {
  replace(outlet, loading());
  const definitions = await definitionsApi.list(signal);
  const header = h(
    'div',
    { class: 'page-header' },
    h('h1', null, t('designer.title')),
    h('a', { class: 'button primary', href: '#/designer/new', 'data-testid': 'new-process' }, t('designer.new')),
  );
  if (definitions.length === 0) {
    replace(outlet, header, banner('info', t('designer.list.empty')));
    return;
  }
  const rows = definitions.map((d) =>
    h(
      'tr',
      { 'data-key': d.key },
      h(
        'td',
        null,
        d.name ?? '',
        d.fileUpdate
          ? h('a', { class: 'badge badge-amber', href: `#/designer/${encodeURIComponent(d.key)}/history`, 'data-testid': 'file-update-badge' }, t('designer.fileUpdate.badge'))
          : null,
      ),
      h('td', null, h('code', null, d.key)),
      h('td', null, t('designer.version', { version: d.latestVersion })),
      h(
        'td',
        { class: 'actions' },
        h('a', { class: 'button', href: `#/designer/${encodeURIComponent(d.key)}` }, t('designer.open')),
        h('a', { class: 'button', href: `#/designer/${encodeURIComponent(d.key)}/history` }, t('designer.history')),
      ),
    ),
  );
  replace(
    outlet,
    header,
    h(
      'table',
      { class: 'grid', 'data-testid': 'definitions' },
      h(
        'thead',
        null,
        h('tr', null, h('th', null, t('designer.list.name')), h('th', null, t('designer.list.key')), h('th', null, t('designer.list.latest')), h('th', null, t('designer.list.actions'))),
      ),
      h('tbody', null, rows),
    ),
  );
}
