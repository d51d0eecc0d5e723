import type { ActivityStatisticsActivityCount, OverdueStatisticsResponse } from '../../api/schema';
import { api } from '../../app/api';
import { banner, h, replace } from '../../app/dom';
import { roleName, t } from '../../app/i18n';
import { jurisdictionName, loadJurisdictions } from '../../app/jurisdictions';
import type { RouteContext, RouteInstance } from '../../app/routes';
import { loading } from '../../app/router';
import { loadDefinitions, loadXml, type DefinitionSummary } from '../common/definitions';
import { showDiagram } from '../common/diagram';
import { monitorTabs } from './list';

/** GET /api/supervision/overdue (src/Host/Features/Supervision/OverdueStatistics.cs). */
type OverdueStatistics = OverdueStatisticsResponse;

/** GET /api/definitions/{key}/statistics (src/Host/Features/Definitions/ActivityStatistics.cs). */
type ActivityCount = ActivityStatisticsActivityCount;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function groupName(group: string, name: string | null): string {
  if (name) return name;
  return group.startsWith('dept:') ? group.slice(5) : roleName(group);
}

/** 督办看板: open and overdue tasks per town/street and per department or role, within the caller's reach. */
export async function renderBoard({ outlet, signal }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('monitor.title')), monitorTabs('board'), loading());
  await loadJurisdictions();
  let stats: OverdueStatistics;
  try {
    stats = await api.get<OverdueStatistics>('/api/supervision/overdue', { signal });
  } catch (error) {
    if (!signal.aborted) replace(outlet, h('h1', null, t('monitor.title')), monitorTabs('board'), banner('error', message(error)));
    return;
  }
  if (signal.aborted) return;
  const bar = (overdue: number, open: number) => {
    const share = open === 0 ? 0 : Math.round((overdue / open) * 100);
    return h('div', { class: 'bar', title: `${share}%` }, h('div', { class: 'bar-fill', style: `width:${share}%` }));
  };
  const table = (title: string, rows: { name: string; link?: string; open: number; overdue: number; dueSoon: number }[], testid: string) =>
    h('section', { class: 'card' }, h('h2', null, title),
      rows.length === 0 ? h('p', { class: 'muted' }, t('board.empty'))
        : h('table', { class: 'grid', 'data-testid': testid },
            h('thead', null, h('tr', null, h('th', null, t('board.unit')), h('th', null, t('board.open')), h('th', null, t('board.overdue')), h('th', null, t('board.dueSoon')), h('th', null, t('board.overdueShare')))),
            h('tbody', null, rows.map((r) => h('tr', { class: r.overdue > 0 ? 'row-overdue' : null },
              h('td', null, r.link ? h('a', { href: r.link }, r.name) : r.name), h('td', null, String(r.open)),
              h('td', null, r.overdue > 0 ? h('span', { class: 'badge badge-overdue' }, String(r.overdue)) : '0'),
              h('td', null, r.dueSoon > 0 ? h('span', { class: 'badge badge-soon' }, String(r.dueSoon)) : '0'),
              h('td', null, bar(r.overdue, r.open)))))));
  replace(outlet, h('h1', null, t('monitor.title')), monitorTabs('board'),
    h('p', { class: 'muted' }, t('board.hint')),
    h('div', { class: 'board' },
      table(t('board.byArea'), stats.byArea.map((a) => ({ ...a, name: jurisdictionName(a.path), link: `#/tasks?due=overdue&area=${encodeURIComponent(a.path)}` })), 'board-area'),
      table(t('board.byGroup'), stats.byGroup.map((g) => ({ ...g, name: groupName(g.group, g.name) })), 'board-group')));
}

/** Per-activity counts on a procedure's diagram: cases waiting at each step, passed through it, stuck with an incident. */
export async function renderStatistics({ outlet, query, signal }: RouteContext): Promise<RouteInstance | void> {
  replace(outlet, h('h1', null, t('monitor.title')), monitorTabs('statistics'), loading());
  let definitions: DefinitionSummary[];
  try {
    definitions = await loadDefinitions();
  } catch (error) {
    if (!signal.aborted) replace(outlet, banner('error', message(error)));
    return;
  }
  if (signal.aborted) return;
  if (definitions.length === 0) {
    replace(outlet, h('h1', null, t('monitor.title')), monitorTabs('statistics'), h('div', { class: 'empty card' }, t('monitor.noDefinitions')));
    return;
  }
  const key = query.get('procedure') || definitions[0]!.key;
  const definition = definitions.find((d) => d.key === key) ?? definitions[0]!;
  const select = h('select', { id: 'stat-procedure', onchange: (e: Event) => { location.hash = `#/monitor/statistics?procedure=${encodeURIComponent((e.target as HTMLSelectElement).value)}`; } },
    definitions.map((d) => h('option', { value: d.key, selected: d.key === definition.key }, d.name || d.key)));
  const diagram = h('div', { class: 'diagram-box diagram-large', 'data-testid': 'statistics-diagram' });
  const legend = h('div', { class: 'diagram-legend' },
    h('span', { class: 'legend legend-active' }, t('diagram.countActive')),
    h('span', { class: 'legend legend-completed' }, t('diagram.countCompleted')),
    h('span', { class: 'legend legend-incident' }, t('diagram.countIncidents')));
  replace(outlet, h('h1', null, t('monitor.title')), monitorTabs('statistics'),
    h('div', { class: 'filters' }, h('label', { for: 'stat-procedure' }, t('tasks.filter.procedure'), select),
      h('span', { class: 'muted' }, t('monitor.version', { version: definition.latestVersion }))),
    h('section', { class: 'card' }, diagram, legend));
  try {
    const [xml, counts] = await Promise.all([
      loadXml(definition.key, definition.latestVersion),
      api.get<ActivityCount[]>(`/api/definitions/${encodeURIComponent(definition.key)}/statistics`, { signal, query: { version: definition.latestVersion } }),
    ]);
    if (signal.aborted) return;
    const dispose = await showDiagram(diagram, xml, { counts: Object.fromEntries(counts.map((c) => [c.activityId, c])) });
    return { dispose };
  } catch (error) {
    if (!signal.aborted) replace(diagram, banner('error', message(error)));
  }
}
