import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { loading } from '../../app/router';
import type { RouteContext, RouteInstance } from '../../app/routes';
import { definitionsApi } from './definitions-api';
import { fileUpdateSection, sourceLabel } from './file-update';
import { renderDiff } from './version-diff';

/** Versions of one process (newest first) and a side-by-side diff of two of them (`?left=1&right=2`). */
export async function renderHistory({ outlet, params, query, signal }: RouteContext): Promise<RouteInstance> {
  replace(outlet, loading());
  const key = params.key!;
  const definition = await definitionsApi.versions(key, signal);
  const versions = definition.versions;
  const newest = versions[0]?.version ?? 1;
  let left = Number(query.get('left') ?? versions[1]?.version ?? newest);
  let right = Number(query.get('right') ?? newest);
  let disposeDiff = () => {};

  const radio = (side: 'left' | 'right', version: number) =>
    h('input', {
      type: 'radio',
      name: side,
      value: version,
      checked: (side === 'left' ? left : right) === version,
      'aria-label': `${side === 'left' ? t('designer.compareLeft') : t('designer.compareRight')} ${version}`,
      onchange: () => {
        if (side === 'left') left = version;
        else right = version;
      },
    });

  const table = h(
    'table',
    { class: 'grid', 'data-testid': 'versions' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, t('designer.versionColumn')),
        h('th', null, t('designer.deployedAt')),
        h('th', null, t('designer.deployedBy')),
        h('th', null, t('designer.source')),
        h('th', null, t('designer.note')),
        h('th', null, t('designer.compareLeft')),
        h('th', null, t('designer.compareRight')),
        h('th', null, ''),
      ),
    ),
    h(
      'tbody',
      null,
      versions.map((v) =>
        h(
          'tr',
          { 'data-version': v.version },
          h('td', null, t('designer.version', { version: v.version })),
          h('td', null, formatDateTime(v.deployedAt)),
          h('td', null, v.deployedBy ?? ''),
          h('td', { class: 'source' }, sourceLabel(v.source)),
          h('td', { class: 'note' }, v.note ?? ''),
          h('td', null, radio('left', v.version)),
          h('td', null, radio('right', v.version)),
          h('td', null, h('a', { class: 'button', href: `#/designer/${encodeURIComponent(key)}?version=${v.version}` }, t('designer.open'))),
        ),
      ),
    ),
  );

  const diffArea = h('div', { class: 'diff-area' });
  const message = h('div');
  const showDiff = async () => {
    disposeDiff();
    replace(message);
    if (left === right) {
      replace(diffArea);
      return;
    }
    const [older, newer] = left < right ? [left, right] : [right, left];
    replace(diffArea, loading());
    try {
      const [olderXml, newerXml] = await Promise.all([definitionsApi.xml(key, older), definitionsApi.xml(key, newer)]);
      disposeDiff = await renderDiff(
        diffArea,
        { label: t('designer.version', { version: older }), xml: olderXml },
        { label: t('designer.version', { version: newer }), xml: newerXml },
      );
    } catch (error) {
      replace(diffArea, banner('error', t('app.unexpectedError', { message: error instanceof Error ? error.message : String(error) })));
    }
  };

  // After 采用 or 忽略 the page opens again, saying what was done.
  const fileUpdate = fileUpdateSection(key, definition, (outcome) => {
    const done = 'adopted' in outcome ? `adopted=${outcome.adopted}` : 'ignored=1';
    window.location.hash = `#/designer/${encodeURIComponent(key)}/history?${done}`;
  });
  const adopted = query.get('adopted');
  const outcome = adopted
    ? banner('success', t('designer.fileUpdate.adopted', { version: Number(adopted) }))
    : query.get('ignored')
      ? banner('success', t('designer.fileUpdate.ignored'))
      : null;

  replace(
    outlet,
    h(
      'div',
      { class: 'page-header' },
      h('h1', null, t('designer.historyOf', { name: definition.name ?? key })),
      h('span', { class: 'spacer' }),
      h('a', { class: 'button', href: `#/designer/${encodeURIComponent(key)}` }, t('designer.open')),
      h('a', { class: 'button', href: '#/designer' }, t('designer.backToList')),
    ),
    outcome,
    fileUpdate?.element ?? null,
    table,
    h('div', { class: 'designer-toolbar' }, h('button', { type: 'button', class: 'primary', 'data-testid': 'compare', onclick: () => void showDiff() }, t('designer.compare'))),
    message,
    diffArea,
  );
  if (fileUpdate) await fileUpdate.show();
  else if (versions.length > 1) await showDiff();
  return {
    dispose: () => {
      disposeDiff();
      fileUpdate?.dispose();
    },
  };
}
