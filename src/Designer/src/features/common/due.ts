/** Due-date state of an open task: overdue (red), due within `soonHours` (amber), or neither. */
export type DueState = 'overdue' | 'soon' | null;

export const soonHours = 24;

export function dueState(dueAt: string | null | undefined, now: number = Date.now()): DueState {
  if (!dueAt) return null;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  if (due < now) return 'overdue';
  if (due - now <= soonHours * 3_600_000) return 'soon';
  return null;
}
