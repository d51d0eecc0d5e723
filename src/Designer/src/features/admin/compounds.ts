import type { CompoundsResponse, CompoundsView, ListChangesItem, ListChangesResponse } from '../../api/schema';
import { api } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t, type MessageKey } from '../../app/i18n';
import { loading } from '../../app/router';
import type { RouteContext } from '../../app/routes';
import { byPath, fetchTree, jurisdictionOptions, pathName } from './common';
import { field, openDialog } from './dialog';
import { changedFields, formatArea } from './logic';

/** GET /api/registry/compounds items. */
export type CompoundView = CompoundsView;

type CompoundPage = CompoundsResponse;

/** GET /api/registry/changes items: who changed what when, the values before and after. */
export type ChangeItem = ListChangesItem;

const committeeStatuses = ['none', 'owners-committee', 'management-committee'] as const;

function committeeName(status: string): string {
  const key = `admin.committee.${status}` as MessageKey;
  const text = t(key);
  return text === key ? status : text;
}

/** A field name of a registry record in words, or the name itself. */
export function fieldName(name: string): string {
  const key = `admin.field.${name}` as MessageKey;
  const text = t(key);
  return text === key ? name : text;
}

/** Keys and paths the log's reader does not need (the record is named by the dialog's title). */
const hiddenFields = new Set(['id', 'owner', 'path', 'communityPath', 'streetPath', 'confirmedBy', 'confirmedAt']);

/** A logged value in words where it is a code: committee status, delivered share, owner kind. */
function fieldValue(name: string, value: string): string {
  if (value === '—') return value;
  if (name === 'committeeStatus') return committeeName(value);
  if (name === 'deliveredShare' || name === 'tolerance') return `${Math.round(Number(value) * 10000) / 100}%`;
  if (name === 'ownerKind') {
    const key = `register.kind.${value}` as MessageKey;
    const text = t(key);
    return text === key ? value : text;
  }
  return value;
}

/** A change log snapshot (any JSON in the API's description; the Host writes an object or null). */
function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The change log of one registry key as a list: who, when (Beijing time), field: before → after. */
export function changeList(items: readonly ChangeItem[], testId: string): HTMLElement {
  if (items.length === 0) return h('p', { class: 'muted', 'data-testid': testId }, t('admin.log.none'));
  return h('ul', { class: 'change-log', 'data-testid': testId }, items.map((item) => {
    const changes = changedFields(asRecord(item.before), asRecord(item.after)).filter((c) => !hiddenFields.has(c.field))
      .map((c) => ({ ...c, before: fieldValue(c.field, c.before), after: fieldValue(c.field, c.after) }));
    const what = item.before === null ? t('admin.log.created') : item.after === null ? t('admin.log.removed') : t('admin.log.changed');
    return h('li', null,
      h('div', { class: 'comment-meta' }, `${formatDateTime(item.changedAt)} · ${item.changedBy} · ${what}`),
      changes.length === 0 ? null : h('div', null, changes.map((c) => h('div', null, `${fieldName(c.field)}：${c.before} → ${c.after}`))));
  }));
}

/** 小区登记: each compound's registered area and unit count; edit (administrators) with the change log. */
export async function renderCompounds({ outlet, query, signal }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('admin.compounds.title')), loading());
  const nodes = await fetchTree(signal);
  if (signal.aborted) return;
  const names = byPath(nodes);
  const text = h('input', { type: 'search', id: 'compounds-text', value: query.get('text') ?? '', placeholder: t('admin.compounds.searchHint'), maxlength: '100' }) as HTMLInputElement;
  const area = h('select', { id: 'compounds-jurisdiction' }, h('option', { value: '' }, t('admin.users.anyJurisdiction')),
    jurisdictionOptions(nodes.filter((n) => n.kind !== 'compound'), [query.get('jurisdiction') ?? ''])) as HTMLSelectElement;
  const message = h('div', { 'data-testid': 'compounds-message' });
  const list = h('div', null, loading());
  let page = 1;

  const load = async () => {
    replace(list, loading());
    try {
      const result = await api.get<CompoundPage>('/api/registry/compounds', { signal, query: { text: text.value.trim(), jurisdiction: area.value, page, pageSize: 50 } });
      if (signal.aborted) return;
      replace(list, table(result), pager(result));
    } catch (error) {
      replace(list, banner('error', error instanceof Error ? error.message : String(error)));
    }
  };

  const table = (result: CompoundPage) => {
    if (result.items.length === 0) return h('p', { class: 'empty' }, t('admin.compounds.none'));
    const heads = ['admin.compounds.col.name', 'admin.compounds.col.area', 'admin.compounds.floorArea', 'admin.compounds.units', 'admin.compounds.col.firm', 'admin.compounds.committee', 'admin.users.col.actions'] as const;
    return h('table', { class: 'grid stack', 'data-testid': 'compounds-table' },
      h('thead', null, h('tr', null, heads.map((k) => h('th', null, t(k))))),
      h('tbody', null, result.items.map((c) => h('tr', { 'data-compound': c.path },
        h('td', { 'data-label': t(heads[0]) }, h('span', { class: 'user-name' }, c.name), h('span', { class: 'user-login' }, c.id)),
        h('td', { 'data-label': t(heads[1]) }, pathName(c.communityPath, names)),
        h('td', { 'data-label': t(heads[2]), class: 'num' }, `${formatArea(c.floorArea)} m²`),
        h('td', { 'data-label': t(heads[3]), class: 'num' }, String(c.units)),
        h('td', { 'data-label': t(heads[4]) }, c.propertyFirm ?? '—'),
        h('td', { 'data-label': t(heads[5]) }, committeeName(c.committeeStatus)),
        h('td', { 'data-label': t(heads[6]) }, h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'small', onclick: () => edit(c) }, t('admin.compounds.edit')),
          h('button', { type: 'button', class: 'small', onclick: () => void showLog(c) }, t('admin.compounds.log')),
          h('a', { class: 'button small', href: `#/register?compound=${encodeURIComponent(c.path)}` }, t('register.title'))))))));
  };

  const pager = (result: CompoundPage) => {
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    return h('div', { class: 'pager' },
      h('span', { class: 'muted' }, t('admin.compounds.count', { total: result.total })),
      h('button', { type: 'button', disabled: page <= 1, onclick: () => { page -= 1; void load(); } }, t('admin.previous')),
      h('span', null, `${page} / ${pages}`),
      h('button', { type: 'button', disabled: page >= pages, onclick: () => { page += 1; void load(); } }, t('admin.next')));
  };

  const edit = (c: CompoundView) => {
    const input = (name: string, value: string | number | null, type = 'text', extra: Record<string, string> = {}) =>
      h('input', { type, name, value: value === null ? '' : String(value), ...extra }) as HTMLInputElement;
    const name = input('name', c.name, 'text', { maxlength: '100' });
    const firm = input('propertyFirm', c.propertyFirm, 'text', { maxlength: '200' });
    const manager = input('projectManager', c.projectManager, 'text', { maxlength: '100' });
    const committee = h('select', { name: 'committeeStatus' }, committeeStatuses.map((s) => h('option', { value: s, selected: s === c.committeeStatus }, committeeName(s)))) as HTMLSelectElement;
    const floorArea = input('floorArea', c.floorArea, 'number', { min: '0', step: '0.01' });
    const units = input('units', c.units, 'number', { min: '0', step: '1' });
    const delivered = input('deliveredShare', Math.round(c.deliveredShare * 10000) / 100, 'number', { min: '0', max: '100', step: '0.01' });
    const firstDelivered = input('firstDeliveredOn', c.firstDeliveredOn, 'date');
    openDialog({
      title: t('admin.compounds.editTitle', { name: c.name }), testId: 'compound-edit', confirmLabel: t('admin.save'),
      body: [
        h('p', { class: 'muted' }, t('admin.compounds.editExplain')),
        field('name', t('admin.field.name'), name),
        field('floorArea', t('admin.compounds.floorArea'), floorArea),
        field('units', t('admin.compounds.units'), units),
        field('propertyFirm', t('admin.field.propertyFirm'), firm),
        field('projectManager', t('admin.field.projectManager'), manager),
        field('committeeStatus', t('admin.compounds.committee'), committee),
        field('deliveredShare', t('admin.compounds.delivered'), delivered),
        field('firstDeliveredOn', t('admin.field.firstDeliveredOn'), firstDelivered),
      ],
      async onConfirm() {
        const saved = await api.put<CompoundView>(`/api/registry/compounds/${c.path}`, {
          name: name.value,
          propertyFirm: firm.value,
          projectManager: manager.value,
          committeeStatus: committee.value,
          floorArea: floorArea.value === '' ? null : Number(floorArea.value),
          units: units.value === '' ? null : Number(units.value),
          deliveredShare: delivered.value === '' ? null : Math.round(Number(delivered.value) * 100) / 10000,
          firstDeliveredOn: firstDelivered.value || null,
        });
        replace(message, banner('success', t('admin.compounds.saved', { name: saved.name })));
        await load();
      },
    });
  };

  const showLog = async (c: CompoundView) => {
    const result = await api.get<ListChangesResponse>('/api/registry/changes', { query: { entity: 'compound', key: c.path, pageSize: 50 } });
    openDialog({
      title: t('admin.compounds.logTitle', { name: c.name }), testId: 'compound-log', confirmLabel: t('admin.close'), noCancel: true,
      body: [changeList(result.items, 'compound-changes')],
      async onConfirm() {},
    });
  };

  const filter = h('form', { class: 'admin-toolbar' },
    h('label', { for: 'compounds-text' }, t('admin.users.search'), text),
    h('label', { for: 'compounds-jurisdiction' }, t('admin.users.jurisdiction'), area),
    h('button', { type: 'submit' }, t('admin.users.filter')));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 1;
    void load();
  });
  area.addEventListener('change', () => { page = 1; void load(); });

  replace(outlet, h('div', { class: 'admin-page' },
    h('p', null, h('a', { href: '#/admin' }, t('admin.back'))),
    h('h1', null, t('admin.compounds.title')),
    h('p', { class: 'muted' }, t('admin.compounds.intro')),
    filter, message, list));
  await load();
}
