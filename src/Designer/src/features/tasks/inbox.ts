import { api, ApiError } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { jurisdictionName, jurisdictions, loadJurisdictions } from '../../app/jurisdictions';
import type { RouteContext } from '../../app/routes';
import { cardsOnPhone } from '../../app/responsive';
import { loading } from '../../app/router';
import { user } from '../../app/session';
import { definitionName, loadDefinitions, type DefinitionSummary } from '../common/definitions';
import { dueState, soonHours } from '../common/due';
import type { DoneTask, DoneTaskPage, Task, TaskPage } from './types';

/** The red / amber badge of a due date; amber in the last quarter of the time limit (at most its last 24 hours). */
export function dueBadge(dueAt: string | null, createdAt?: string | null): HTMLElement | null {
  const state = dueState(dueAt, Date.now(), createdAt);
  if (state === 'overdue') return h('span', { class: 'badge badge-overdue' }, t('tasks.overdue'));
  if (state === 'soon') return h('span', { class: 'badge badge-soon' }, t('tasks.dueSoon'));
  return null;
}

/** The marker of a due date counted over a year the working-day calendar has no data for. */
export function estimateBadge(estimate: boolean | undefined): HTMLElement | null {
  return estimate
    ? h('span', { class: 'badge badge-estimate', title: t('tasks.dueEstimateHint'), 'data-testid': 'due-estimate' }, t('tasks.dueEstimate'))
    : null;
}

function tabs(active: 'todo' | 'done'): HTMLElement {
  return h(
    'div',
    { class: 'tabs', role: 'tablist' },
    h('a', { href: '#/tasks', role: 'tab', class: active === 'todo' ? 'active' : null, 'aria-selected': String(active === 'todo') }, t('tasks.todo')),
    h('a', { href: '#/tasks/done', role: 'tab', class: active === 'done' ? 'active' : null, 'aria-selected': String(active === 'done') }, t('tasks.done')),
  );
}

/** 我的待办: tasks assigned to me and tasks offered to my groups, soonest due first. */
export async function renderInbox({ outlet, query, signal }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('tasks.title')), tabs('todo'), loading());
  await loadJurisdictions();
  let definitions: DefinitionSummary[] = [];
  try {
    definitions = await loadDefinitions();
  } catch {
    // names fall back to keys
  }
  if (signal.aborted) return;

  const state = {
    scope: query.get('scope') ?? 'all',
    definitionKey: query.get('procedure') ?? '',
    due: query.get('due') ?? '',
    jurisdiction: query.get('area') ?? '',
    text: query.get('text') ?? '',
    page: Number(query.get('page') ?? 1) || 1,
  };

  const procedure = h('select', { id: 'filter-procedure' }, h('option', { value: '' }, t('tasks.allProcedures')),
    definitions.map((d) => h('option', { value: d.key, selected: d.key === state.definitionKey }, d.name || d.key)));
  const scope = h('select', { id: 'filter-scope' },
    (['all', 'mine', 'claimable'] as const).map((s) => h('option', { value: s, selected: s === state.scope }, t(`tasks.scope.${s}`))));
  const due = h('select', { id: 'filter-due' },
    (['', 'overdue', 'soon'] as const).map((s) => h('option', { value: s, selected: s === state.due }, t(s ? `tasks.due.${s}` : 'tasks.due.all'))));
  const mine = user()?.jurisdictions ?? [];
  const areas = jurisdictions()
    .filter((j) => j.kind !== 'compound' && j.kind !== 'city' && (mine.length === 0 || mine.some((m) => j.path === m || j.path.startsWith(`${m}/`))))
    .sort((a, b) => a.path.localeCompare(b.path));
  const area = h('select', { id: 'filter-area' }, h('option', { value: '' }, t('tasks.allAreas')),
    areas.map((j) => h('option', { value: j.path, selected: j.path === state.jurisdiction }, jurisdictionName(j.path))));
  const text = h('input', { id: 'filter-text', type: 'search', placeholder: t('search.placeholder'), maxlength: 100, value: state.text });

  const apply = () => {
    const next = new URLSearchParams();
    if (scope.value !== 'all') next.set('scope', scope.value);
    if (procedure.value) next.set('procedure', procedure.value);
    if (due.value) next.set('due', due.value);
    if (area.value) next.set('area', area.value);
    if (text.value.trim()) next.set('text', text.value.trim());
    const search = next.toString();
    location.hash = `#/tasks${search ? `?${search}` : ''}`;
  };
  for (const select of [procedure, scope, due, area]) select.addEventListener('change', apply);

  const filters = h('form', { class: 'filters', onsubmit: (e: Event) => { e.preventDefault(); apply(); } },
    h('label', { for: 'filter-scope' }, t('tasks.filter.scope'), scope),
    h('label', { for: 'filter-procedure' }, t('tasks.filter.procedure'), procedure),
    h('label', { for: 'filter-due' }, t('tasks.filter.due'), due),
    areas.length > 1 ? h('label', { for: 'filter-area' }, t('tasks.filter.area'), area) : null,
    h('label', { for: 'filter-text' }, t('tasks.filter.text'), text),
    h('button', { type: 'submit' }, t('tasks.search')),
  );

  const list = h('div', { class: 'task-list' }, loading());
  replace(outlet, h('h1', null, t('tasks.title')), tabs('todo'), filters, list);

  const pageSize = 20;
  let result: TaskPage;
  try {
    result = await api.get<TaskPage>('/api/tasks', {
      signal,
      query: {
        assignedToMe: state.scope === 'mine' ? true : undefined,
        candidate: state.scope === 'claimable' ? true : undefined,
        definitionKey: state.definitionKey || undefined,
        overdue: state.due === 'overdue' ? true : state.due === 'soon' ? false : undefined,
        dueBefore: state.due === 'soon' ? new Date(Date.now() + soonHours * 3_600_000).toISOString() : undefined,
        jurisdiction: state.jurisdiction || undefined,
        text: state.text || undefined,
        page: state.page,
        pageSize,
      },
    });
  } catch (error) {
    if (signal.aborted) return;
    replace(list, banner('error', error instanceof Error ? error.message : String(error)));
    return;
  }
  if (signal.aborted) return;

  if (result.items.length === 0) {
    replace(list, h('div', { class: 'empty card', 'data-testid': 'tasks-empty' }, h('p', null, t('tasks.empty')), h('p', { class: 'muted' }, t('tasks.emptyHint'))));
    return;
  }

  const me = user()?.username;
  const rows = result.items.map((task) => {
    const claim = h('button', { type: 'button', class: 'small' }, t('tasks.claim'));
    claim.addEventListener('click', async () => {
      claim.disabled = true;
      try {
        await api.post(`/api/tasks/${task.id}/claim`);
        location.hash = `#/tasks/${task.id}`;
      } catch (error) {
        claim.disabled = false;
        list.prepend(banner('error', error instanceof ApiError ? error.message : String(error)));
      }
    });
    const state = dueState(task.dueAt, Date.now(), task.createdAt);
    return h(
      'tr',
      { class: state ? `row-${state}` : null, 'data-task': task.id },
      h('td', null, h('a', { href: `#/tasks/${task.id}`, class: 'task-name' }, task.name || t('tasks.unnamed')),
        task.caseSummary ? h('div', { class: 'case-summary muted', 'data-testid': 'case-summary' }, task.caseSummary) : null),
      h('td', null, task.procedure || definitionName(definitions, task.definitionKey)),
      h('td', { class: 'case-number', 'data-testid': 'case-number' }, task.caseNumber ?? task.businessKey ?? '—'),
      h('td', null, task.jurisdiction ? jurisdictionName(task.jurisdiction) : '—'),
      h('td', null, task.assignee ? (task.assignee === me ? t('tasks.me') : task.assignee) : h('span', { class: 'muted' }, t('tasks.unclaimed'))),
      h('td', { class: 'due' }, task.dueAt ? formatDateTime(task.dueAt) : h('span', { class: 'muted' }, t('tasks.noDue')), ' ', dueBadge(task.dueAt, task.createdAt), ' ', estimateBadge(task.dueIsEstimate)),
      h('td', { class: 'actions' },
        h('a', { class: 'button primary small', href: `#/tasks/${task.id}` }, t('tasks.open')),
        task.assignee ? null : claim),
    );
  });

  const exact = result.totalExact !== false;
  // Past the counted total the next page exists while this one is full.
  const pages = exact ? Math.max(1, Math.ceil(result.total / pageSize)) : Math.max(state.page + (result.items.length === pageSize ? 1 : 0), 1);
  const goto = (page: number) => {
    const next = new URLSearchParams(query);
    next.set('page', String(page));
    location.hash = `#/tasks?${next.toString()}`;
  };
  replace(
    list,
    h('p', { class: 'muted', 'data-testid': 'tasks-total' }, exact ? t('tasks.total', { total: result.total }) : t('tasks.totalMore', { total: result.total })),
    cardsOnPhone(h('table', { class: 'grid', 'data-testid': 'task-list' },
      h('thead', null, h('tr', null, ['tasks.col.name', 'tasks.col.procedure', 'tasks.col.businessKey', 'tasks.col.area', 'tasks.col.assignee', 'tasks.col.due', 'tasks.col.actions'].map((k) => h('th', null, t(k as 'tasks.col.name'))))),
      h('tbody', null, rows))),
    pages > 1
      ? h('div', { class: 'pager' },
          h('button', { type: 'button', disabled: state.page <= 1, onclick: () => goto(state.page - 1) }, t('app.previous')),
          h('span', null, exact ? t('app.pageOf', { page: state.page, pages }) : t('app.pageOnly', { page: state.page })),
          h('button', { type: 'button', disabled: state.page >= pages, onclick: () => goto(state.page + 1) }, t('app.next')))
      : null,
  );
}

/** 已办: tasks I completed, newest first. */
export async function renderDone({ outlet, signal }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('tasks.title')), tabs('done'), loading());
  await loadJurisdictions();
  let definitions: DefinitionSummary[] = [];
  try {
    definitions = await loadDefinitions();
  } catch {
    // keys then
  }
  let result: DoneTaskPage;
  try {
    result = await api.get<DoneTaskPage>('/api/tasks/done', { signal, query: { pageSize: 50 } });
  } catch (error) {
    if (signal.aborted) return;
    replace(outlet, h('h1', null, t('tasks.title')), tabs('done'), banner('error', error instanceof Error ? error.message : String(error)));
    return;
  }
  if (signal.aborted) return;
  const body = result.items.length === 0
    ? h('div', { class: 'empty card' }, t('tasks.doneEmpty'))
    : cardsOnPhone(h('table', { class: 'grid', 'data-testid': 'done-list' },
        h('thead', null, h('tr', null, h('th', null, t('tasks.col.name')), h('th', null, t('tasks.col.procedure')), h('th', null, t('tasks.col.businessKey')), h('th', null, t('tasks.col.area')), h('th', null, t('tasks.col.completedAt')), h('th', null, ''))),
        h('tbody', null, result.items.map((d) => h('tr', null,
          h('td', { 'data-testid': 'done-step' }, d.name || t('tasks.unnamed'),
            d.caseSummary ? h('div', { class: 'case-summary muted' }, d.caseSummary) : null),
          h('td', null, d.procedure || definitionName(definitions, d.definitionKey)),
          h('td', { class: 'case-number' }, d.caseNumber ?? d.businessKey ?? '—'),
          h('td', null, d.jurisdiction ? jurisdictionName(d.jurisdiction) : '—'),
          h('td', null, formatDateTime(d.completedAt)),
          h('td', null, h('a', { href: `#/cases/${d.instanceId}` }, t('tasks.viewCase'))))))));
  replace(outlet, h('h1', null, t('tasks.title')), tabs('done'), body);
}
