import { h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { registerRoute, routes } from '../../app/routes';
import { hasAnyRole } from '../../app/session';

/** Landing page after login: a card per screen this user may open. */
registerRoute({
  path: '/',
  titleKey: 'home.title',
  roles: [],
  render({ outlet, user }) {
    const cards = routes()
      .filter((r) => r.nav && !r.public && hasAnyRole(r.roles))
      .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
      .map((r) => h('a', { class: 'card home-card', href: `#${r.path}` }, t(r.titleKey)));
    replace(
      outlet,
      h('h1', null, t('home.welcome', { name: user?.displayName ?? '' })),
      h('p', { class: 'muted' }, t('home.pick')),
      h('div', { class: 'home-cards' }, cards),
    );
  },
});
