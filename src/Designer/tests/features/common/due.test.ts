import { describe, expect, it } from 'vitest';
import { dueState, soonWindowMs } from '../../../src/features/common/due';
import { dueBadge } from '../../../src/features/tasks/inbox';

const hour = 3_600_000;

describe('due soon relative to the time limit', () => {
  it('a one-working-day task is not due soon when it is created', () => {
    const created = '2026-12-07T01:00:00Z'; // Monday 09:00 Beijing
    const due = '2026-12-08T01:00:00Z'; // Tuesday 09:00 Beijing: 24 hours
    expect(dueState(due, Date.parse(created), created)).toBeNull();
    // After three quarters of the limit (18 h) it is.
    expect(dueState(due, Date.parse(created) + 17 * hour, created)).toBeNull();
    expect(dueState(due, Date.parse(created) + 18 * hour, created)).toBe('soon');
    expect(dueState(due, Date.parse(due) + 1, created)).toBe('overdue');
  });

  it('a long task is due soon in its last 24 hours only', () => {
    const created = '2026-12-01T00:00:00Z';
    const due = '2026-12-11T00:00:00Z'; // ten days: a quarter is 60 h, longer than 24 h
    expect(soonWindowMs(Date.parse(due), Date.parse(created))).toBe(24 * hour);
    expect(dueState(due, Date.parse(due) - 25 * hour, created)).toBeNull();
    expect(dueState(due, Date.parse(due) - 23 * hour, created)).toBe('soon');
  });

  it('a task over a weekend (Friday 17:00 to Monday 17:00) gets the last 18 hours', () => {
    const created = '2026-12-04T09:00:00Z';
    const due = '2026-12-07T09:00:00Z';
    expect(soonWindowMs(Date.parse(due), Date.parse(created))).toBe(18 * hour);
    expect(dueState(due, Date.parse(due) - 20 * hour, created)).toBeNull();
    expect(dueState(due, Date.parse(due) - 17 * hour, created)).toBe('soon');
  });

  it('without a creation time, the last 24 hours', () => {
    const due = '2026-12-08T01:00:00Z';
    expect(dueState(due, Date.parse(due) - 23 * hour)).toBe('soon');
    expect(dueState(due, Date.parse(due) - 23 * hour, null)).toBe('soon');
  });

  it('the badge uses the creation time: no amber badge on a fresh one-day task', () => {
    const created = new Date().toISOString();
    const due = new Date(Date.now() + 24 * hour - 60_000).toISOString();
    expect(dueBadge(due, created)).toBeNull();
    expect(dueBadge(due)?.textContent).toBe('即将到期');
    const almost = new Date(Date.now() - 20 * hour).toISOString();
    expect(dueBadge(new Date(Date.now() + 3 * hour).toISOString(), almost)?.className).toContain('badge-soon');
  });
});
