import type { CalendarEndpointsCalendarView, CalendarEndpointsYearView, CalendarStatus as ApiCalendarStatus } from '../../api/schema';
import { api, ApiError } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import type { RouteContext } from '../../app/routes';
import { loading } from '../../app/router';
import { registerRoute } from '../../app/routes';

/** GET /api/calendar/status: the next year's state (administrators). */
export type CalendarStatus = ApiCalendarStatus;

type CalendarYear = CalendarEndpointsYearView;

type CalendarView = CalendarEndpointsCalendarView;

/** Splits a textarea of dates (lines, commas or spaces) into a list. */
export function parseDates(text: string): string[] {
  return text.split(/[\s,，、]+/).map((d) => d.trim()).filter((d) => d.length > 0);
}

/** The administrators' banner for a missing next year (null when none is due). */
export function calendarBanner(status: CalendarStatus): HTMLElement | null {
  if (!status.banner) return null;
  const note = banner('error', t('calendar.banner', { year: status.nextYear }));
  note.setAttribute('data-testid', 'calendar-banner');
  note.append(' ', h('a', { href: '#/calendar' }, t('calendar.bannerLink')));
  return note;
}

/** Fetches the status and returns the banner, or null (not an administrator, nothing missing, or an error). */
export async function loadCalendarBanner(signal?: AbortSignal): Promise<HTMLElement | null> {
  try {
    return calendarBanner(await api.get<CalendarStatus>('/api/calendar/status', { signal }));
  } catch {
    return null;
  }
}

async function renderCalendar({ outlet, signal }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('calendar.title')), loading());
  const view = await api.get<CalendarView>('/api/calendar', { signal });
  if (signal.aborted) return;

  const message = h('div', { class: 'calendar-message' });
  const year = h('input', { id: 'calendar-year', type: 'number', min: '2000', max: '2100', value: String(view.status.nextYear), required: true }) as HTMLInputElement;
  const holidays = h('textarea', { id: 'calendar-holidays', rows: 8 }) as HTMLTextAreaElement;
  const workdays = h('textarea', { id: 'calendar-workdays', rows: 4 }) as HTMLTextAreaElement;
  const notice = h('input', { id: 'calendar-notice', type: 'text', maxlength: '300', required: true }) as HTMLInputElement;
  const fill = (entry: CalendarYear) => {
    year.value = String(entry.year);
    holidays.value = entry.holidays.join('\n');
    workdays.value = entry.workdays.join('\n');
    notice.value = entry.notice;
    year.focus();
  };

  const form = h('form', { class: 'card calendar-form', 'data-testid': 'calendar-form' },
    h('h2', null, t('calendar.form.title')),
    h('label', { for: 'calendar-year' }, t('calendar.form.year'), year),
    h('label', { for: 'calendar-holidays' }, t('calendar.form.holidays'), holidays),
    h('label', { for: 'calendar-workdays' }, t('calendar.form.workdays'), workdays),
    h('label', { for: 'calendar-notice' }, t('calendar.form.notice'), notice),
    h('button', { type: 'submit', class: 'button primary' }, t('calendar.form.save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const saved = await api.put<CalendarYear>(`/api/calendar/years/${encodeURIComponent(year.value)}`, {
        holidays: parseDates(holidays.value),
        workdays: parseDates(workdays.value),
        notice: notice.value,
      });
      await renderCalendar({ outlet, signal } as RouteContext);
      outlet.querySelector('.calendar-message')?.append(banner('success', t('calendar.saved', { year: saved.year })));
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      const details = problem ? Object.entries(problem.fieldErrors).map(([field, list]) => `${field}: ${list.join(' ')}`).join(' ') : '';
      replace(message, banner('error', `${error instanceof ApiError ? error.message : String(error)} ${details}`.trim()));
    }
  });

  const rows = view.years.map((entry) => h('tr', { 'data-year': String(entry.year) },
    h('td', null, String(entry.year)),
    h('td', { title: entry.holidays.join(' ') }, t('calendar.days', { count: entry.holidays.length })),
    h('td', { title: entry.workdays.join(' ') }, entry.workdays.join('、') || '—'),
    h('td', null, entry.notice),
    h('td', null, entry.changedAt ? `${entry.changedBy} ${formatDateTime(entry.changedAt)}` : t('calendar.shipped')),
    h('td', null, h('button', { type: 'button', class: 'button small', onclick: () => fill(entry) }, t('calendar.edit')))));

  replace(outlet,
    h('h1', null, t('calendar.title')),
    calendarBanner(view.status),
    h('p', { class: 'muted' }, t('calendar.intro')),
    message,
    h('table', { class: 'table', 'data-testid': 'calendar-years' },
      h('thead', null, h('tr', null, (['calendar.col.year', 'calendar.col.holidays', 'calendar.col.workdays', 'calendar.col.notice', 'calendar.col.changed'] as const).map((k) => h('th', null, t(k))), h('th', null, ''))),
      h('tbody', null, rows)),
    form);
}

registerRoute({ path: '/calendar', titleKey: 'calendar.title', roles: ['admin'], nav: true, order: 60, render: renderCalendar });
