import { describe, expect, it } from 'vitest';
import { notificationLink, type NotificationItem } from '../../../src/features/notifications/api';
import { badgeText } from '../../../src/features/notifications/bell';
import { kindName } from '../../../src/features/notifications/page';
import { mergeTodo } from '../../../src/features/portal/todo';
import type { Task } from '../../../src/features/tasks/types';

const item = (over: Partial<NotificationItem>): NotificationItem => ({
  id: 'n1', kind: 'info', title: 't', body: null, instanceId: 'i1', taskId: null, createdAt: '2026-12-07T02:00:00Z', readAt: null, ...over,
});

describe('notifications', () => {
  it('lead an owner to the ballot, a new task to the task, a notice nowhere, others to the case', () => {
    expect(notificationLink(item({ kind: 'ballot', ballotId: 'b1' }), ['owner'])).toBe('#/portal/ballots/b1');
    expect(notificationLink(item({ kind: 'ballot-result', ballotId: 'b1' }), ['owner'])).toBe('#/portal/ballots/b1');
    expect(notificationLink(item({ kind: 'new-task', taskId: 'k1' }), ['property-firm'])).toBe('#/tasks/k1');
    expect(notificationLink(item({ kind: 'notice' }), ['owner'])).toBeNull();
    expect(notificationLink(item({ kind: 'result' }), ['owner'])).toBe('#/cases/i1');
    expect(notificationLink(item({ kind: 'info', instanceId: null }), ['owner'])).toBeNull();
  });

  it('show the unread count, capped at 99+', () => {
    expect([badgeText(0), badgeText(3), badgeText(99), badgeText(100)]).toEqual(['', '3', '99', '99+']);
  });

  it('name their kinds in Chinese', () => {
    expect([kindName('ballot'), kindName('notice'), kindName('new-task'), kindName('something-new')]).toEqual(['投票', '公示', '新任务', '通知']);
  });
});

describe('the portal to-do list', () => {
  const task = (id: string, assignee: string | null) => ({ id, assignee }) as Task;

  it('lists assigned tasks first, then claimable ones not yet listed or taken', () => {
    const rows = mergeTodo([task('a', 'me')], [task('a', 'me'), task('b', null), task('c', 'other')]);
    expect(rows.map((r) => [r.task.id, r.claimable])).toEqual([['a', false], ['b', true]]);
  });
});
