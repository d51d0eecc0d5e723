/** Due-date state of an open task: overdue (red), due soon (amber), or neither. */
export type DueState = 'overdue' | 'soon' | null;

/** The longest "due soon" stretch: the last 24 hours of a task's time limit. */
export const soonHours = 24;

/**
 * How long before its due date a task counts as due soon: the last quarter of its time limit (created → due) or
 * the last 24 hours, whichever is shorter — a one-working-day task is not due soon when it is created. Without the
 * creation time, the last 24 hours.
 */
export function soonWindowMs(dueAt: number, createdAt?: number): number {
  const day = soonHours * 3_600_000;
  if (createdAt === undefined || Number.isNaN(createdAt) || createdAt >= dueAt) return day;
  return Math.min(day, (dueAt - createdAt) / 4);
}

export function dueState(dueAt: string | null | undefined, now: number = Date.now(), createdAt?: string | null): DueState {
  if (!dueAt) return null;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  if (due < now) return 'overdue';
  if (due - now <= soonWindowMs(due, createdAt ? Date.parse(createdAt) : undefined)) return 'soon';
  return null;
}
