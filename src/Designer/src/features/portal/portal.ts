import { api, ApiError } from '../../app/api';
import type { ListInstancesItem, ListInstancesResponse } from '../../api/schema';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { jurisdictionName, jurisdictions, loadJurisdictions } from '../../app/jurisdictions';
import type { RouteContext, RouteInstance } from '../../app/routes';
import { cardsOnPhone } from '../../app/responsive';
import { loading } from '../../app/router';
import { hasAnyRole, user } from '../../app/session';
import { startFormFromXml } from '../common/caseinfo';
import { definitionName, loadDefinitions, loadXml, type DefinitionSummary } from '../common/definitions';
import { filePicker } from '../common/files';
import { residentStatusBadge } from '../common/timeline';
import { collectVariables, generateForm } from '../tasks/form';
import { dueBadge } from '../tasks/inbox';
import type { Instance, Task } from '../tasks/types';
import { startCards } from '../start';
import { renderPortalTodo } from './todo';
import { fieldsFromStartForm, filedForSomeone, filingFor, filingOutcome, filings } from './filings';

/** A case of mine (GET /api/instances): 受理编号 and one line about it (compound · first words of the description). */
type InstanceItem = ListInstancesItem;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether the user may file this (the server's canStart; the filing's roles when the list could not be loaded). */
function mayFile(definitions: readonly DefinitionSummary[], filing: { key: string; roles: readonly string[] }): boolean {
  const definition = definitions.find((d) => d.key === filing.key);
  return definition ? definition.canStart : definitions.length === 0 && hasAnyRole(filing.roles);
}

/** 办事大厅: what I can file, my tasks to answer (the owner's review), and my cases with their progress. */
export async function renderPortal({ outlet, signal }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('portal.title')), loading());
  await loadJurisdictions();
  let definitions: DefinitionSummary[] = [];
  try {
    definitions = await loadDefinitions();
  } catch {
    // keys
  }
  if (signal.aborted) return;
  // What the server says this user may start; the filing's own role list only while the definitions cannot be read.
  const mine = filings.filter((f) => mayFile(definitions, f));
  const cards = h('div', { class: 'home-cards' }, mine.map((f) =>
    h('a', { class: 'card home-card portal-card', href: `#/portal/new/${f.key}`, 'data-testid': `file-${f.key}` },
      h('strong', null, t(f.titleKey)), h('span', { class: 'muted' }, t(f.hintKey)))),
    startCards(definitions),
    hasAnyRole(['owner']) ? h('a', { class: 'card home-card portal-card', href: '#/portal/ballots', 'data-testid': 'ballots' },
      h('strong', null, t('portal.ballots')), h('span', { class: 'muted' }, t('portal.ballotsHint'))) : null);

  const todo = h('section', { class: 'card' }, h('h2', null, t('portal.todo')), loading());
  const cases = h('section', { class: 'card' }, h('h2', null, t('portal.myCases')), loading());
  replace(outlet, h('h1', null, t('portal.title')), cards, todo, cases);

  await renderPortalTodo(todo, definitions, signal);

  const search = h('input', { type: 'search', id: 'my-cases-search', maxlength: 100, placeholder: t('search.placeholder'), 'aria-label': t('search.label'), 'data-testid': 'my-cases-search' });
  const list = h('div', null);
  const show = (q: string) => renderMyCases(list, definitions, q, signal);
  const searchForm = h('form', {
    class: 'filters', role: 'search',
    onsubmit: (event: Event) => { event.preventDefault(); void show(search.value.trim()); },
  }, search,
  h('button', { type: 'submit', 'data-testid': 'my-cases-search-submit' }, t('tasks.search')));
  replace(cases, h('h2', null, t('portal.myCases')), searchForm, list);
  await show('');
}

/** 我的申报: the user's filings (the server decides which he may see), optionally searched (GET /api/instances?q=). */
async function renderMyCases(list: HTMLElement, definitions: DefinitionSummary[], q: string, signal: AbortSignal): Promise<void> {
  replace(list, loading());
  try {
    const keys = filings.map((f) => f.key);
    const query: Record<string, string | number> = { pageSize: 100 };
    if (q) query.q = q;
    const result = await api.get<ListInstancesResponse>('/api/instances', { signal, query });
    // Owners see only their own cases; a firm sees its compounds' filings of these kinds.
    const items = result.items.filter((i) => keys.includes(i.definitionKey));
    replace(list, items.length === 0
      ? h('p', { class: 'muted', 'data-testid': 'no-cases' }, q ? t('portal.noCasesFound') : t('portal.noCases'))
      : cardsOnPhone(h('table', { class: 'grid', 'data-testid': 'my-cases' },
          h('thead', null, h('tr', null, h('th', null, t('tasks.col.businessKey')), h('th', null, t('portal.col.kind')), h('th', null, t('monitor.col.area')), h('th', null, t('portal.col.filedAt')), h('th', null, t('monitor.col.status')), h('th', null, ''))),
          h('tbody', null, items.map((i) => h('tr', { 'data-instance': i.id },
            h('td', { class: 'case-number', 'data-testid': 'case-number' }, i.caseNumber ?? i.businessKey ?? '—'),
            h('td', null, definitionName(definitions, i.definitionKey),
              i.caseSummary ? h('div', { class: 'case-summary muted', 'data-testid': 'case-summary' }, i.caseSummary) : null),
            h('td', null, i.jurisdiction ? jurisdictionName(i.jurisdiction) : '—'),
            h('td', null, formatDateTime(i.startedAt)),
            h('td', null, residentStatusBadge({ status: i.status })),
            h('td', null, h('a', { href: `#/cases/${i.id}`, class: 'button small' }, t('portal.progress')))))))));
  } catch (error) {
    if (!signal.aborted) replace(list, banner('error', message(error)));
  }
}

/** The compounds the user files for: the compounds at or below his jurisdictions. */
function compoundsOf(): { path: string; name: string }[] {
  const mine = user()?.jurisdictions ?? [];
  const nodes = jurisdictions().filter((j) => j.kind === 'compound' && mine.some((m) => j.path === m || j.path.startsWith(`${m}/`)));
  return nodes.map((j) => ({ path: j.path, name: jurisdictionName(j.path) })).sort((a, b) => a.path.localeCompare(b.path));
}

/** Filing a case: the procedure's form, the compound, photos; validated before sending; server errors on the fields. */
export async function renderFiling({ outlet, params, signal }: RouteContext): Promise<RouteInstance | void> {
  const filing = filingFor(params.key ?? '');
  let definitions: DefinitionSummary[] = [];
  try {
    definitions = await loadDefinitions();
  } catch {
    // roles decide below
  }
  if (!filing || !mayFile(definitions, filing)) {
    replace(outlet, banner('error', t('app.notFound')));
    return;
  }
  replace(outlet, h('h1', null, t(filing.titleKey)), loading());
  await loadJurisdictions();
  let fields = filing.fields;
  try {
    const startForm = startFormFromXml(await loadXml(filing.key));
    if (startForm.length > 0) fields = fieldsFromStartForm(startForm, user()?.roles ?? []);
  } catch (error) {
    if (signal.aborted) return;
    if (error instanceof ApiError && error.status === 404) {
      replace(outlet, h('h1', null, t(filing.titleKey)), banner('info', t('portal.notDeployed')));
      return;
    }
  }
  if (signal.aborted) return;

  const compounds = compoundsOf();
  const compound = h('select', { id: 'filing-compound' },
    compounds.length > 1 ? h('option', { value: '' }, t('form.choose')) : null,
    compounds.map((c) => h('option', { value: c.path }, c.name)));
  const compoundError = h('div', { class: 'field-error', hidden: true, role: 'alert' });
  const form = generateForm(fields, { idPrefix: 'filing' });
  const photos = filePicker('filing-photos', 'image/jpeg,image/png,image/webp,application/pdf');
  const status = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'file-submit' }, t('portal.submit'));
  let sent = false;

  const element = h('form', {
    class: 'card filing-form', novalidate: true,
    onsubmit: async (event: Event) => {
      event.preventDefault();
      replace(status);
      const compoundMissing = compounds.length > 0 && !compound.value;
      compoundError.textContent = compoundMissing ? t('form.error.required') : '';
      compoundError.hidden = !compoundMissing;
      const valid = form.validate();
      if (!valid || compoundMissing) {
        replace(status, banner('error', t('form.fixErrors')));
        return;
      }
      const files = photos.files();
      const tooBig = files.find((f) => f.size > 10 * 1024 * 1024);
      if (tooBig) {
        replace(status, banner('error', t('portal.fileTooBig', { name: tooBig.name })));
        return;
      }
      submit.disabled = true;
      try {
        const instance = await api.post<Instance>(`/api/definitions/${encodeURIComponent(filing.key)}/instances`, {
          jurisdiction: compound.value || undefined,
          variables: collectVariables(fields, form.values()),
        });
        sent = true;
        const failed: string[] = [];
        for (const file of files) {
          const body = new FormData();
          body.append('file', file);
          try {
            await api.post(`/api/instances/${instance.id}/attachments`, undefined, { body });
          } catch (error) {
            failed.push(`${file.name}：${message(error)}`);
          }
        }
        replace(outlet, h('h1', null, t(filing.titleKey)),
          filingOutcome(instance) === 'failed'
            ? h('div', { class: 'banner banner-error', role: 'alert', 'data-testid': 'filing-failed' }, t('portal.filingFailed'))
            : banner('success', t('portal.filed')),
          // The case number the filer keeps, or reads out to a hotline caller (the server gives every filing one).
          filingOutcome(instance) === 'filed' && (instance.caseNumber ?? instance.businessKey)
            ? h('p', { class: 'case-number' }, t('portal.caseNumber'), ' ', h('strong', { 'data-testid': 'case-number' }, instance.caseNumber ?? instance.businessKey),
                filedForSomeone(fields, form.values()) ? h('span', { class: 'muted' }, ' ', t('portal.caseNumberTellCaller')) : null)
            : null,
          failed.length ? banner('error', t('portal.photosFailed', { list: failed.join('；') })) : null,
          h('p', null, h('a', { class: 'button primary', href: `#/cases/${instance.id}`, 'data-testid': 'follow' }, t('portal.progress')), ' ',
            h('a', { class: 'button', href: '#/portal' }, t('portal.back'))));
      } catch (error) {
        if (error instanceof ApiError && Object.keys(error.problem.fieldErrors).length > 0) {
          form.showErrors(error.problem.fieldErrors);
          replace(status, banner('error', error.problem.detail || t('form.fixErrors')));
        } else {
          replace(status, banner('error', message(error)));
        }
      } finally {
        submit.disabled = false;
      }
    },
  },
  compounds.length ? h('div', { class: 'field' }, h('label', { for: 'filing-compound', class: 'field-caption' }, h('span', { class: 'field-label' }, t('portal.compound'), h('span', { class: 'required' }, ' *'))), compound, compoundError) : null,
  form.element,
  filing.photos ? h('div', { class: 'field' }, h('div', { class: 'field-caption' }, t('portal.photos')), photos.element, h('div', { class: 'field-hint muted' }, t('portal.photosHint'))) : null,
  status,
  h('div', { class: 'form-actions' }, submit, ' ', h('a', { class: 'button', href: '#/portal' }, t('app.cancel'))));

  replace(outlet, h('p', null, h('a', { href: '#/portal' }, `← ${t('portal.back')}`)), h('h1', null, t(filing.titleKey)), h('p', { class: 'muted' }, t(filing.hintKey)), element);
  return { isDirty: () => !sent && form.isDirty() };
}
