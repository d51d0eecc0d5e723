// The generic start pages: 发起事项 lists the procedures the server says the user may start, and each one's page is
// built from its start form (startform.ts). The filer gets the case number at once and a link to the case.
import { api, ApiError } from '../../app/api';
import { banner, h, replace } from '../../app/dom';
import { hasMessage, t } from '../../app/i18n';
import { jurisdictionName, jurisdictions, loadJurisdictions } from '../../app/jurisdictions';
import { loading } from '../../app/router';
import type { RouteContext, RouteInstance } from '../../app/routes';
import { hasAnyRole, user } from '../../app/session';
import { loadDefinitions, loadXml, type DefinitionSummary } from '../common/definitions';
import { filingOutcome, filings } from '../portal/filings';
import { collectVariables, generateForm } from '../tasks/form';
import type { Instance } from '../tasks/types';
import { requiredNow, startForm, validateStart, type StartField } from './startform';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the card says under the name (a sentence per known procedure). */
function hint(key: string): string {
  const id = `start.hint.${key}`;
  return hasMessage(id) ? t(id) : '';
}

/** Startable procedures that have no dedicated filing page of the portal (those have their own cards). */
export function genericStartables(definitions: readonly DefinitionSummary[]): DefinitionSummary[] {
  return definitions.filter((d) => d.canStart && !filings.some((f) => f.key === d.key));
}

/** Portal cards for the procedures only the generic start page offers. */
export function startCards(definitions: readonly DefinitionSummary[]): HTMLElement[] {
  return genericStartables(definitions).map((d) =>
    h('a', { class: 'card home-card portal-card', href: `#/start/${encodeURIComponent(d.key)}`, 'data-testid': `start-${d.key}` },
      h('strong', null, d.name || d.key), h('span', { class: 'muted' }, hint(d.key))));
}

/** 发起事项: every procedure the user may start (GET /api/definitions?startable=true). */
export async function renderStartList({ outlet, signal }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('start.title')), loading());
  try {
    const definitions = await api.get<DefinitionSummary[]>('/api/definitions', { signal, query: { startable: true } });
    if (signal.aborted) return;
    const list = definitions.filter((d) => d.canStart);
    replace(outlet, h('h1', null, t('start.title')), list.length === 0
      ? h('p', { class: 'muted', 'data-testid': 'nothing-to-start' }, t('start.none'))
      : h('div', { class: 'home-cards', 'data-testid': 'startables' }, list.map((d) => {
          const filing = filings.find((f) => f.key === d.key);
          return h('a', { class: 'card home-card portal-card', href: filing ? `#/portal/new/${d.key}` : `#/start/${encodeURIComponent(d.key)}`, 'data-testid': `start-${d.key}` },
            h('strong', null, d.name || d.key), h('span', { class: 'muted' }, filing ? t(filing.hintKey) : hint(d.key)));
        })));
  } catch (error) {
    if (!signal.aborted) replace(outlet, h('h1', null, t('start.title')), banner('error', message(error)));
  }
}

/** The compounds at or below the user's jurisdictions. */
function compoundsOf(): { path: string; name: string }[] {
  const mine = user()?.jurisdictions ?? [];
  return jurisdictions()
    .filter((j) => j.kind === 'compound' && mine.some((m) => j.path === m || j.path.startsWith(`${m}/`)))
    .map((j) => ({ path: j.path, name: jurisdictionName(j.path) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Adds "（…为…时必填）" under a conditionally required field that has no hint of its own. */
function withConditionHints(fields: StartField[]): StartField[] {
  return fields.map((field) => {
    // A label that says when it is required already ("（违法决定时必填）") needs no hint.
    if (!field.requiredWhen || field.hint || field.label.includes('必填')) return field;
    const other = fields.find((f) => f.id === field.requiredWhen!.field);
    const names = field.requiredWhen.values.map((v) => other?.enumValues?.find((e) => e.id === v)?.name ?? v);
    return { ...field, hint: t('start.requiredWhen', { field: other?.label ?? field.requiredWhen.field, values: names.join('、') }) };
  });
}

/** Where "back" leads: the portal for its users (they cannot open the list), else the list. */
function backLink(): string {
  return hasAnyRole(['owner', 'property-firm', 'owners-committee', 'community', 'street-office']) ? '#/portal' : '#/start';
}

/** One procedure's start page, generated from its start form. */
export async function renderStart({ outlet, params, signal }: RouteContext): Promise<RouteInstance | void> {
  const key = params.key ?? '';
  replace(outlet, h('h1', null, t('start.title')), loading());
  let definition: DefinitionSummary | undefined;
  try {
    definition = (await loadDefinitions()).find((d) => d.key === key);
  } catch (error) {
    if (!signal.aborted) replace(outlet, h('h1', null, t('start.title')), banner('error', message(error)));
    return;
  }
  if (signal.aborted) return;
  if (!definition || !definition.canStart) {
    replace(outlet, h('h1', null, t('start.title')), h('div', { class: 'banner banner-error', role: 'alert', 'data-testid': 'not-startable' }, t('start.notAllowed')));
    return;
  }
  const title = definition.name || key;
  let xml: string;
  try {
    await loadJurisdictions();
    xml = await loadXml(key);
  } catch (error) {
    if (signal.aborted) return;
    replace(outlet, h('h1', null, title), banner(error instanceof ApiError && error.status === 404 ? 'info' : 'error',
      error instanceof ApiError && error.status === 404 ? t('portal.notDeployed') : message(error)));
    return;
  }
  if (signal.aborted) return;

  const parsed = startForm(xml, user()?.roles ?? []);
  const fields = withConditionHints(parsed.fields);
  const compounds = parsed.needsCompound ? compoundsOf() : [];
  const compound = h('select', { id: 'start-compound', 'data-testid': 'start-compound' },
    compounds.length > 1 ? h('option', { value: '' }, t('form.choose')) : null,
    compounds.map((c) => h('option', { value: c.path }, c.name)));
  const compoundError = h('div', { class: 'field-error', hidden: true, role: 'alert' });
  const form = generateForm(fields, { idPrefix: 'start' });
  // A conditionally required field gets its * while its condition holds.
  const markConditional = () => {
    const values = form.values();
    for (const field of fields.filter((f) => f.requiredWhen)) {
      const label = form.element.querySelector(`[data-field="${field.id}"] .field-label`);
      const mark = label?.querySelector('.required-when');
      if (requiredNow(field, values) && label && !mark) label.append(h('span', { class: 'required required-when', title: t('form.requiredMark') }, ' *'));
      else if (!requiredNow(field, values)) mark?.remove();
    }
  };
  form.element.addEventListener('change', markConditional);
  markConditional();
  const status = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'start-submit' }, t('portal.submit'));
  let sent = false;

  const element = h('form', {
    class: 'card filing-form', novalidate: true,
    onsubmit: async (event: Event) => {
      event.preventDefault();
      replace(status);
      const compoundMissing = compounds.length > 0 && !compound.value;
      compoundError.textContent = compoundMissing ? t('form.error.required') : '';
      compoundError.hidden = !compoundMissing;
      const values = form.values();
      const errors = validateStart(fields, values);
      if (form.showErrors(errors) > 0 || compoundMissing) {
        replace(status, banner('error', t('form.fixErrors')));
        return;
      }
      submit.disabled = true;
      try {
        const instance = await api.post<Instance>(`/api/definitions/${encodeURIComponent(key)}/instances`, {
          jurisdiction: compound.value || undefined,
          variables: collectVariables(fields, values),
        });
        sent = true;
        const failed = filingOutcome(instance) === 'failed';
        replace(outlet, h('h1', null, title),
          failed
            ? h('div', { class: 'banner banner-error', role: 'alert', 'data-testid': 'start-failed' }, t('portal.filingFailed'))
            : banner('success', t('start.started')),
          !failed && (instance.caseNumber ?? instance.businessKey)
            ? h('p', { class: 'case-number' }, t('portal.caseNumber'), ' ', h('strong', { 'data-testid': 'case-number' }, instance.caseNumber ?? instance.businessKey))
            : null,
          h('p', null, h('a', { class: 'button primary', href: `#/cases/${instance.id}`, 'data-testid': 'follow' }, t('portal.progress')), ' ',
            h('a', { class: 'button', href: backLink() }, t('start.back'))));
      } catch (error) {
        if (error instanceof ApiError && Object.keys(error.problem.fieldErrors).length > 0) {
          form.showErrors(error.problem.fieldErrors);
          if (error.problem.fieldErrors.jurisdiction) {
            compoundError.textContent = error.problem.fieldErrors.jurisdiction.join(' ');
            compoundError.hidden = false;
          }
          replace(status, banner('error', error.problem.detail || t('form.fixErrors')));
        } else {
          replace(status, banner('error', message(error)));
        }
      } finally {
        submit.disabled = false;
      }
    },
  },
  compounds.length
    ? h('div', { class: 'field' }, h('label', { for: 'start-compound', class: 'field-caption' },
        h('span', { class: 'field-label' }, t('portal.compound'), h('span', { class: 'required' }, ' *'))), compound, compoundError)
    : null,
  form.element,
  status,
  h('div', { class: 'form-actions' }, submit, ' ', h('a', { class: 'button', href: backLink() }, t('app.cancel'))));

  replace(outlet, h('p', null, h('a', { href: backLink() }, `← ${t('start.back')}`)), h('h1', null, title),
    hint(key) ? h('p', { class: 'muted' }, hint(key)) : null, element);
  return { isDirty: () => !sent && form.isDirty() };
}
