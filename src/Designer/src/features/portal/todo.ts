// 待我处理 on the portal: the tasks assigned to me and those I may claim (a candidate by group or by name, in my
// jurisdiction — the server decides, GET /api/tasks?candidate=true), each claimable one with 领取并办理.
import { api } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { definitionName, type DefinitionSummary } from '../common/definitions';
import { dueBadge } from '../tasks/inbox';
import type { Task, TaskPage } from '../tasks/types';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Assigned first, then claimable, each as the server ordered them (soonest due first); a task listed once. */
export function mergeTodo(assigned: readonly Task[], claimable: readonly Task[]): { task: Task; claimable: boolean }[] {
  const seen = new Set(assigned.map((task) => task.id));
  return [
    ...assigned.map((task) => ({ task, claimable: false })),
    ...claimable.filter((task) => !seen.has(task.id) && !task.assignee).map((task) => ({ task, claimable: true })),
  ];
}

/** Fills the 待我处理 section. */
export async function renderPortalTodo(section: HTMLElement, definitions: readonly DefinitionSummary[], signal: AbortSignal): Promise<void> {
  const heading = h('h2', null, t('portal.todo'));
  try {
    const [assigned, claimable] = await Promise.all([
      api.get<TaskPage>('/api/tasks', { signal, query: { assignedToMe: true, pageSize: 50 } }),
      api.get<TaskPage>('/api/tasks', { signal, query: { candidate: true, pageSize: 50 } }),
    ]);
    if (signal.aborted) return;
    const rows = mergeTodo(assigned.items, claimable.items);
    const status = h('div', { 'aria-live': 'polite' });
    replace(section, heading, status, rows.length === 0 ? h('p', { class: 'muted' }, t('portal.noTodo'))
      : h('ul', { class: 'portal-todo', 'data-testid': 'portal-todo' }, rows.map(({ task, claimable: open }) => {
          const claim = h('button', { type: 'button', class: 'primary small', 'data-testid': 'claim-and-handle' }, t('portal.claimAndHandle'));
          claim.addEventListener('click', async () => {
            claim.disabled = true;
            try {
              await api.post(`/api/tasks/${encodeURIComponent(task.id)}/claim`);
              location.hash = `/tasks/${encodeURIComponent(task.id)}`;
            } catch (error) {
              replace(status, banner('error', message(error)));
              claim.disabled = false;
            }
          });
          return h('li', { 'data-task': task.id, 'data-claimable': open ? 'true' : null },
            open ? h('strong', null, task.name ?? t('tasks.unnamed'))
              : h('a', { href: `#/tasks/${task.id}`, class: 'button primary small' }, task.name ?? t('tasks.unnamed')), ' ',
            h('span', null, definitionName(definitions, task.definitionKey)), ' ',
            open ? h('span', { class: 'badge' }, t('portal.claimable')) : null, ' ',
            task.dueAt ? h('span', { class: 'muted' }, t('tasks.dueAt', { at: formatDateTime(task.dueAt) })) : null, ' ', dueBadge(task.dueAt, task.createdAt),
            open ? h('div', { class: 'todo-actions' }, claim) : null);
        })));
  } catch (error) {
    if (!signal.aborted) replace(section, heading, banner('error', message(error)));
  }
}
