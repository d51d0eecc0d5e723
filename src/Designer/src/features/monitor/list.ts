import { api } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { jurisdictionName, jurisdictions, loadJurisdictions } from '../../app/jurisdictions';
import type { RouteContext } from '../../app/routes';
import { loading } from '../../app/router';
import { user } from '../../app/session';
import { definitionName, loadDefinitions, type DefinitionSummary } from '../common/definitions';
import { statusBadge } from '../common/status';
import type { Page } from '../tasks/types';

interface InstanceItem {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  jurisdiction: string | null;
  status: string;
  startedAt: string;
  endedAt: string | null;
}

/** GET /api/instances/counts (src/Host/Features/Instances/CountInstances.cs). */
export interface InstanceCounts {
  total: number;
  byStatus: Record<string, number>;
  byDefinition: { definitionKey: string; total: number; active: number; completed: number; terminated: number; incident: number }[];
}

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
    page: Number(query.get('page') ?? 1) || 1,
  };
  const procedure = h('select', { id: 'filter-procedure' }, h('option', { value: '' }, t('tasks.allProcedures')),
    definitions.map((d) => h('option', { value: d.key, selected: d.key === state.definitionKey }, d.name || d.key)));
  const status = h('select', { id: 'filter-status' }, h('option', { value: '' }, t('monitor.allStatuses')),
    statuses.map((s) => h('option', { value: s, selected: s === state.status }, t(`status.${s}`))));
  const area = areaOptions(state.area);
  const apply = (page = 1) => {
    const next = new URLSearchParams();
    if (procedure.value) next.set('procedure', procedure.value);
    if (status.value) next.set('status', status.value);
    if (area.value) next.set('area', area.value);
    if (page > 1) next.set('page', String(page));
    const search = next.toString();
    location.hash = `#/monitor${search ? `?${search}` : ''}`;
  };
  for (const select of [procedure, status, area]) select.addEventListener('change', () => apply());

  const countsBox = h('div', { class: 'counts' }, loading());
  const listBox = h('div', null, loading());
  replace(outlet, h('h1', null, t('monitor.title')), monitorTabs('instances'),
    h('div', { class: 'filters' },
      h('label', { for: 'filter-procedure' }, t('tasks.filter.procedure'), procedure),
      h('label', { for: 'filter-status' }, t('monitor.filter.status'), status),
      h('label', { for: 'filter-area' }, t('tasks.filter.area'), area),
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
  let result: Page<InstanceItem>;
  try {
    result = await api.get<Page<InstanceItem>>('/api/instances', { signal, query: { ...filter, status: state.status || undefined, page: state.page, pageSize } });
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
  replace(listBox,
    h('table', { class: 'grid', 'data-testid': 'instances' },
      h('thead', null, h('tr', null, h('th', null, t('monitor.col.procedure')), h('th', null, t('monitor.col.businessKey')), h('th', null, t('monitor.col.area')),
        h('th', null, t('monitor.col.status')), h('th', null, t('monitor.col.startedAt')), h('th', null, t('monitor.col.endedAt')), h('th', null, ''))),
      h('tbody', null, result.items.map((i) => h('tr', { 'data-instance': i.id },
        h('td', null, definitionName(definitions, i.definitionKey)),
        h('td', null, i.businessKey ?? '—'),
        h('td', null, i.jurisdiction ? jurisdictionName(i.jurisdiction) : '—'),
        h('td', null, statusBadge(i.status)),
        h('td', null, formatDateTime(i.startedAt)),
        h('td', null, i.endedAt ? formatDateTime(i.endedAt) : '—'),
        h('td', null, h('a', { class: 'button small', href: `#/cases/${i.id}` }, t('monitor.open'))))))),
    pages > 1 ? h('div', { class: 'pager' },
      h('button', { type: 'button', disabled: state.page <= 1, onclick: () => apply(state.page - 1) }, t('app.previous')),
      h('span', null, t('app.pageOf', { page: state.page, pages })),
      h('button', { type: 'button', disabled: state.page >= pages, onclick: () => apply(state.page + 1) }, t('app.next'))) : null);
}
