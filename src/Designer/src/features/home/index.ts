import { h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { registerRoute, routes } from '../../app/routes';
import { hasAnyRole } from '../../app/session';
import { loadCalendarBanner } from '../calendar';

/** Landing page after login: a card per screen this user may open. */
registerRoute({
  path: '/',
  titleKey: 'home.title',
  roles: [],
  async render({ outlet, user, signal }) {
    const cards = routes()
      .filter((r) => r.nav && !r.public && hasAnyRole(r.roles))
      .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
      .map((r) => h('a', { class: 'card home-card', href: `#${r.path}` }, t(r.titleKey)));
    // Administrators: the working-day calendar's missing next year (from 1 November).
    const calendarBanner = hasAnyRole(['admin']) ? await loadCalendarBanner(signal) : null;
    if (signal.aborted) return;
    replace(
      outlet,
      calendarBanner,
      h('h1', null, t('home.welcome', { name: user?.displayName ?? '' })),
      h('p', { class: 'muted' }, t('home.pick')),
      h('div', { class: 'home-cards' }, cards),
    );
  },
});
