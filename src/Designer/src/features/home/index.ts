import type { BallotView, ListNoticesView } from '../../api/schema';
import { api } from '../../app/api';
import { formatDateTime, h, replace } from '../../app/dom';
import { t, type MessageKey } from '../../app/i18n';
import { jurisdictionName } from '../../app/jurisdictions';
import { registerRoute, routes } from '../../app/routes';
import { hasAnyRole } from '../../app/session';
import { loadCalendarBanner } from '../calendar';
import './home.css';

/** A public notice (公示) as GET /api/notices returns it (src/Host/Features/Notifications/ListNotices.cs). */
type Notice = ListNoticesView;

/** Whether this user may open the screen registered at `path` (the same rule the navigation uses). */
function mayOpen(path: string): boolean {
  const route = routes().find((r) => r.path === path);
  return route !== undefined && hasAnyRole(route.roles);
}

/** One count of the user's work: a big number, what it counts, a link to the list. */
function workCard(testId: string, labelKey: MessageKey, link: string, count: Promise<number | null>, signal: AbortSignal): HTMLElement {
  const number = h('span', { class: 'count' }, '…');
  const card = h('a', { class: 'count-card work-card', href: link, 'data-testid': testId }, number, h('span', { class: 'work-label' }, t(labelKey)));
  void count.then((n) => {
    if (signal.aborted) return;
    number.textContent = n === null ? '—' : String(n);
    card.classList.toggle('work-zero', n === 0);
  });
  return card;
}

async function total(path: string, query: Record<string, string | number | boolean | undefined>, signal: AbortSignal): Promise<number | null> {
  try {
    return (await api.get<{ total: number }>(path, { signal, query })).total;
  } catch {
    return null;
  }
}

/** Landing page after login: the user's work (counts), the notices of their area, and a card per screen. */
registerRoute({
  path: '/',
  titleKey: 'home.title',
  roles: [],
  async render({ outlet, user, signal }) {
    const cards = routes()
      .filter((r) => r.nav && !r.public && hasAnyRole(r.roles))
      .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
      .map((r) => h('a', { class: 'card home-card', href: `#${r.path}` }, t(r.titleKey)));

    // My work: what waits for me, what I filed and is still running, the ballots I have not voted in yet.
    const work: HTMLElement[] = [];
    if (mayOpen('/tasks')) {
      work.push(workCard('work-todo', 'home.work.todo', '#/tasks', total('/api/tasks', { pageSize: 1 }, signal), signal));
      work.push(workCard('work-overdue', 'home.work.overdue', '#/tasks?due=overdue', total('/api/tasks', { overdue: true, pageSize: 1 }, signal), signal));
    } else if (mayOpen('/portal')) {
      work.push(workCard('work-todo', 'home.work.answer', '#/portal', total('/api/tasks', { assignedToMe: true, pageSize: 1 }, signal), signal));
    }
    if (mayOpen('/portal')) {
      work.push(workCard('work-cases', 'home.work.myCases', '#/portal', total('/api/instances', { status: 'active', pageSize: 1 }, signal), signal));
    }
    if (mayOpen('/portal/ballots')) {
      const openBallots = api.get<BallotView[]>('/api/ballots', { signal, query: { status: 'open' } })
        .then((list) => list.filter((b) => b.canVote && !b.myVote).length)
        .catch(() => null);
      work.push(workCard('work-ballots', 'home.work.ballots', '#/portal/ballots', openBallots, signal));
    }

    const notices = h('section', { class: 'card home-notices', 'data-testid': 'home-notices' }, h('h2', null, t('home.notices')), h('p', { class: 'muted' }, t('app.loading')));
    // Administrators: the working-day calendar's missing next year (from 1 November).
    const calendarBanner = hasAnyRole(['admin']) ? await loadCalendarBanner(signal) : null;
    if (signal.aborted) return;
    replace(
      outlet,
      calendarBanner,
      h('h1', null, t('home.welcome', { name: user?.displayName ?? '' })),
      work.length ? h('section', { class: 'home-work', 'aria-label': t('home.work') }, h('h2', null, t('home.work')), h('div', { class: 'count-cards' }, work)) : null,
      notices,
      h('h2', null, t('home.screens')),
      h('div', { class: 'home-cards' }, cards),
    );

    try {
      const list = await api.get<Notice[]>('/api/notices', { signal });
      if (signal.aborted) return;
      const shown = list.slice(0, 5);
      replace(notices, h('h2', null, t('home.notices')),
        shown.length === 0 ? h('p', { class: 'muted', 'data-testid': 'no-notices' }, t('home.noNotices'))
          : h('ul', { class: 'notice-list' }, shown.map((n) => h('li', { 'data-notice': n.id },
              h('strong', null, n.title),
              h('div', { class: 'muted notice-meta' }, `${n.jurisdictionName ?? jurisdictionName(n.jurisdiction)} · ${t('home.noticePosted', { at: formatDateTime(n.postedAt) })} · ${t('home.noticeUntil', { at: formatDateTime(n.until) })}`),
              n.body ? h('p', { class: 'notice-body' }, n.body) : null))),
        list.length > shown.length ? h('p', { class: 'muted' }, t('home.moreNotices', { count: list.length - shown.length })) : null);
    } catch {
      if (!signal.aborted) replace(notices, h('h2', null, t('home.notices')), h('p', { class: 'muted' }, t('home.noticesFailed')));
    }
  },
});
