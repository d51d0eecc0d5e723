import { api } from '../../app/api';
import type { BulkResponse, CountInstancesResponse, ListInstancesItem, ListInstancesResponse } from '../../api/schema';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { jurisdictionName, jurisdictions, loadJurisdictions } from '../../app/jurisdictions';
import type { RouteContext } from '../../app/routes';
import { cardsOnPhone } from '../../app/responsive';
import { loading } from '../../app/router';
import { hasAnyRole, user } from '../../app/session';
import { definitionName, loadDefinitions, type DefinitionSummary } from '../common/definitions';
import { statusBadge } from '../common/status';
import { bulkResultsView, repairDialog } from './repair';
import { migrateHref, type BulkResult } from './repair-logic';

/** A case in the list (GET /api/instances), with its number (受理编号) and one line about it. */
type InstanceItem = ListInstancesItem;

/** GET /api/instances/counts (src/Host/Features/Instances/CountInstances.cs). */
export type InstanceCounts = CountInstancesResponse;

const statuses = ['active', 'incident', 'completed', 'terminated'] as const;

export function monitorTabs(active: 'instances' | 'board' | 'statistics'): HTMLElement {
  return h('div', { class: 'tabs', role: 'tablist' },
    h('a', { href: '#/monitor', class: active === 'instances' ? 'active' : null, role: 'tab' }, t('monitor.tab.instances')),
    h('a', { href: '#/monitor/board', class: active === 'board' ? 'active' : null, role: 'tab' }, t('monitor.tab.board')),
    h('a', { href: '#/monitor/statistics', class: active === 'statistics' ? 'active' : null, role: 'tab' }, t('monitor.tab.statistics')));
}

/** Areas a filter may offer: towns/streets and communities within the user's reach. */
export function areaOptions(selected: string): HTMLSelectElement {
  const mine = user()?.jurisdictions ?? [];
  const areas = jurisdictions()
    .filter((j) => j.kind !== 'compound' && (mine.length === 0 || mine.some((m) => j.path === m || j.path.startsWith(`${m}/`))))
    .sort((a, b) => a.path.localeCompare(b.path));
  return h('select', { id: 'filter-area' }, h('option', { value: '' }, t('tasks.allAreas')),
    areas.map((j) => h('option', { value: j.path, selected: j.path === selected }, jurisdictionName(j.path))));
}

/** 流程监控: counts per procedure and status, and the instances, filtered by procedure, status and area. */
export async function renderMonitor({ outlet, query, signal }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('monitor.title')), monitorTabs('instances'), loading());
  await loadJurisdictions();
  let definitions: DefinitionSummary[] = [];
  try {
    definitions = await loadDefinitions();
  } catch {
    // keys
  }
  if (signal.aborted) return;
  const state = {
    definitionKey: query.get('procedure') ?? '',
    status: query.get('status') ?? '',
    area: query.get('area') ?? '',
    q: query.get('q') ?? '',
    page: Number(query.get('page') ?? 1) || 1,
  };
  const procedure = h('select', { id: 'filter-procedure' }, h('option', { value: '' }, t('tasks.allProcedures')),
    definitions.map((d) => h('option', { value: d.key, selected: d.key === state.definitionKey }, d.name || d.key)));
  const status = h('select', { id: 'filter-status' }, h('option', { value: '' }, t('monitor.allStatuses')),
    statuses.map((s) => h('option', { value: s, selected: s === state.status }, t(`status.${s}`))));
  const area = areaOptions(state.area);
  const searchBox = h('input', { type: 'search', id: 'filter-q', value: state.q, maxlength: 100, placeholder: t('search.placeholder'), 'data-testid': 'case-search' });
  const apply = (page = 1) => {
    const next = new URLSearchParams();
    if (searchBox.value.trim()) next.set('q', searchBox.value.trim());
    if (procedure.value) next.set('procedure', procedure.value);
    if (status.value) next.set('status', status.value);
    if (area.value) next.set('area', area.value);
    if (page > 1) next.set('page', String(page));
    const search = next.toString();
    location.hash = `#/monitor${search ? `?${search}` : ''}`;
  };
  for (const select of [procedure, status, area]) select.addEventListener('change', () => apply());
  searchBox.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') apply();
  });

  const countsBox = h('div', { class: 'counts' }, loading());
  const listBox = h('div', null, loading());
  replace(outlet, h('h1', null, t('monitor.title')), monitorTabs('instances'),
    h('div', { class: 'filters' },
      h('label', { for: 'filter-procedure' }, t('tasks.filter.procedure'), procedure),
      h('label', { for: 'filter-status' }, t('monitor.filter.status'), status),
      h('label', { for: 'filter-area' }, t('tasks.filter.area'), area),
      h('label', { for: 'filter-q' }, t('search.label'), searchBox),
      state.definitionKey && user()?.roles.includes('admin')
        ? h('a', { class: 'button small', href: `#/monitor/migrate?procedure=${encodeURIComponent(state.definitionKey)}`, 'data-testid': 'migrate-link' }, t('monitor.migrate'))
        : null),
    countsBox, listBox);

  const filter = { definitionKey: state.definitionKey || undefined, jurisdiction: state.area || undefined };
  try {
    const counts = await api.get<InstanceCounts>('/api/instances/counts', { signal, query: filter });
    replace(countsBox,
      h('div', { class: 'count-cards' },
        h('div', { class: 'count-card' }, h('div', { class: 'count' }, String(counts.total)), h('div', null, t('monitor.countTotal'))),
        statuses.map((s) => h('a', { class: `count-card status-${s}`, href: `#/monitor?${new URLSearchParams({ ...(state.definitionKey ? { procedure: state.definitionKey } : {}), ...(state.area ? { area: state.area } : {}), status: s })}` },
          h('div', { class: 'count', 'data-testid': `count-${s}` }, String(counts.byStatus[s] ?? 0)), h('div', null, t(`status.${s}`))))),
      counts.byDefinition.length
        ? h('table', { class: 'grid compact', 'data-testid': 'counts-by-procedure' },
            h('thead', null, h('tr', null, h('th', null, t('monitor.col.procedure')), h('th', null, t('monitor.countTotal')), statuses.map((s) => h('th', null, t(`status.${s}`))))),
            h('tbody', null, counts.byDefinition.map((row) => h('tr', null,
              h('td', null, h('a', { href: `#/monitor?procedure=${encodeURIComponent(row.definitionKey)}` }, definitionName(definitions, row.definitionKey))),
              h('td', null, String(row.total)), statuses.map((s) => h('td', null, String(row[s])))))))
        : null);
  } catch (error) {
    if (!signal.aborted) replace(countsBox, banner('error', error instanceof Error ? error.message : String(error)));
  }

  const pageSize = 20;
  let result: ListInstancesResponse;
  try {
    result = await api.get<ListInstancesResponse>('/api/instances', { signal, query: { ...filter, status: state.status || undefined, q: state.q || undefined, page: state.page, pageSize } });
  } catch (error) {
    if (!signal.aborted) replace(listBox, banner('error', error instanceof Error ? error.message : String(error)));
    return;
  }
  if (signal.aborted) return;
  if (result.items.length === 0) {
    replace(listBox, h('div', { class: 'empty card' }, t('monitor.empty')));
    return;
  }
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const admin = hasAnyRole(['admin']);
  const selection = admin ? bulkSelection(result.items, definitions) : null;
  replace(listBox,
    selection?.toolbar ?? null,
    cardsOnPhone(h('table', { class: 'grid', 'data-testid': 'instances' },
      h('thead', null, h('tr', null, selection ? h('th', null, selection.all) : null, h('th', null, t('monitor.col.procedure')), h('th', null, t('monitor.col.businessKey')), h('th', null, t('monitor.col.area')),
        h('th', null, t('monitor.col.status')), h('th', null, t('monitor.col.startedAt')), h('th', null, t('monitor.col.endedAt')), h('th', null, ''))),
      h('tbody', null, result.items.map((i) => h('tr', { 'data-instance': i.id },
        selection ? h('td', null, selection.box(i)) : null,
        h('td', null, definitionName(definitions, i.definitionKey)),
        h('td', { class: 'case-number', 'data-testid': 'case-number' }, i.caseNumber ?? i.businessKey ?? '—',
          i.caseSummary ? h('div', { class: 'case-summary muted' }, i.caseSummary) : null),
        h('td', null, i.jurisdiction ? jurisdictionName(i.jurisdiction) : '—'),
        h('td', null, statusBadge(i.status)),
        h('td', null, formatDateTime(i.startedAt)),
        h('td', null, i.endedAt ? formatDateTime(i.endedAt) : '—'),
        h('td', null, h('a', { class: 'button small', href: `#/cases/${i.id}` }, t('monitor.open')))))))),
    pages > 1 ? h('div', { class: 'pager' },
      h('button', { type: 'button', disabled: state.page <= 1, onclick: () => apply(state.page - 1) }, t('app.previous')),
      h('span', null, t('app.pageOf', { page: state.page, pages })),
      h('button', { type: 'button', disabled: state.page >= pages, onclick: () => apply(state.page + 1) }, t('app.next'))) : null);
}

/**
 * The administrators' multi-select: a checkbox per open case, and for the selected ones bulk cancel and retry (a
 * result per case) and a link to migrate them (part of one version of one procedure only).
 */
function bulkSelection(items: readonly InstanceItem[], definitions: DefinitionSummary[]) {
  const selected = new Map<string, InstanceItem>();
  const open = (i: InstanceItem) => i.status === 'active' || i.status === 'incident';
  const boxes: HTMLInputElement[] = [];
  const count = h('span', { 'data-testid': 'selected-count' });
  const cancel = h('button', { type: 'button', class: 'danger', 'data-testid': 'bulk-cancel' }, t('repair.bulkCancel'));
  const retry = h('button', { type: 'button', 'data-testid': 'bulk-retry' }, t('repair.bulkRetry'));
  const migrate = h('a', { class: 'button', 'data-testid': 'bulk-migrate' }, t('repair.migrate'));
  const all = h('input', { type: 'checkbox', 'aria-label': t('repair.selectAll') });
  const label = (id: string) => {
    const item = items.find((i) => i.id === id);
    return item ? `${definitionName(definitions, item.definitionKey)} · ${item.caseNumber ?? item.businessKey ?? '—'}` : id;
  };
  const update = () => {
    const list = [...selected.values()];
    count.textContent = t('repair.selected', { count: list.length });
    cancel.disabled = list.length === 0;
    retry.disabled = !list.some((i) => i.status === 'incident');
    const href = migrateHref(list);
    if (href) {
      migrate.setAttribute('href', href);
      migrate.removeAttribute('aria-disabled');
      migrate.removeAttribute('title');
    } else {
      migrate.removeAttribute('href');
      migrate.setAttribute('aria-disabled', 'true');
      if (list.length) migrate.setAttribute('title', t('repair.migrateMixed'));
    }
    all.checked = boxes.length > 0 && boxes.every((b) => b.checked);
  };
  const bulk = (kind: 'cancel' | 'retry') => {
    const list = [...selected.values()].filter((i) => kind === 'cancel' || i.status === 'incident');
    const ids = list.map((i) => i.id);
    repairDialog({
      title: t(kind === 'cancel' ? 'repair.bulkCancelTitle' : 'repair.bulkRetryTitle'),
      testId: `bulk-${kind}-dialog`,
      confirmLabel: t(kind === 'cancel' ? 'repair.bulkCancel' : 'repair.bulkRetry'),
      body: [h('p', null, t(kind === 'cancel' ? 'repair.bulkCancelIntro' : 'repair.bulkRetryIntro', { count: ids.length })),
        h('ul', null, ids.map((id) => h('li', null, label(id))))],
      run: async (reason) => {
        const answer = kind === 'cancel'
          ? await api.post<BulkResponse>('/api/instances/bulk/cancel', { instanceIds: ids, reason })
          : await api.post<BulkResponse>('/api/incidents/bulk/retry', { instanceIds: ids, reason });
        return bulkResultsView(answer.results, label);
      },
    });
  };
  cancel.addEventListener('click', () => bulk('cancel'));
  retry.addEventListener('click', () => bulk('retry'));
  all.addEventListener('change', () => {
    for (const b of boxes) {
      b.checked = all.checked;
      b.dispatchEvent(new Event('change'));
    }
  });
  const box = (item: InstanceItem) => {
    if (!open(item)) return null;
    const input = h('input', { type: 'checkbox', 'aria-label': `${t('repair.select')} ${label(item.id)}`, 'data-testid': 'select-instance' });
    input.addEventListener('change', () => {
      if (input.checked) selected.set(item.id, item);
      else selected.delete(item.id);
      update();
    });
    boxes.push(input);
    return input;
  };
  const toolbar = h('div', { class: 'bulk-toolbar', 'data-testid': 'bulk-toolbar' }, count, cancel, retry, migrate);
  update();
  return { toolbar, all, box };
}
