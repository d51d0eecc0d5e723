import { describe, expect, it } from 'vitest';
import { calendarBanner, parseDates, type CalendarStatus } from '../../../src/features/calendar';
import { estimateBadge } from '../../../src/features/tasks/inbox';

const status = (banner: boolean): CalendarStatus => ({
  today: '2026-11-01', nextYear: 2027, nextYearPresent: !banner, bannerFrom: '2026-11-01', degradedFrom: '2026-12-01', banner, degraded: false, years: [2024, 2025, 2026],
});

describe('working-day calendar', () => {
  it('reads dates written one a line, or separated by commas and spaces', () => {
    expect(parseDates('2027-01-01\n2027-01-02, 2027-01-03，2027-02-06  \n\n')).toEqual(['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06']);
    expect(parseDates('  ')).toEqual([]);
  });

  it('shows the banner only when the server says the next year is missing and due', () => {
    expect(calendarBanner(status(false))).toBeNull();
    const shown = calendarBanner(status(true));
    expect(shown?.textContent).toContain('2027');
    expect(shown?.querySelector('a')?.getAttribute('href')).toBe('#/calendar');
  });

  it('marks an estimated due date and nothing else', () => {
    expect(estimateBadge(undefined)).toBeNull();
    expect(estimateBadge(false)).toBeNull();
    expect(estimateBadge(true)?.getAttribute('data-testid')).toBe('due-estimate');
  });
});
