import { h, replace } from './dom';
import { language, languages, roleName, setLanguage, t, type Language } from './i18n';
import { routes } from './routes';
import { jurisdictionName } from './jurisdictions';
import { hasAnyRole, user } from './session';
import { notificationBell } from '../features/notifications/bell';

export interface LayoutActions {
  onLogout(): void;
  /** Returns false when the user chose to stay on a screen with unsaved work. */
  onLanguage(next: Language): Promise<boolean>;
}

/** The frame around every screen: header (name, roles, jurisdiction, language, logout), role-aware nav, outlet. */
export class Layout {
  readonly outlet = h('main', { class: 'outlet', id: 'outlet' });
  private readonly header = h('header', { class: 'app-header' });

  constructor(root: HTMLElement, private readonly actions: LayoutActions) {
    replace(root, this.header, this.outlet);
  }

  /** Redraws the header for the current user, language and path. */
  update(path: string): void {
    const signedIn = user();
    const brand = h('a', { class: 'brand', href: '#/' }, h('strong', null, t('app.name')), h('span', null, t('app.subtitle')));

    const nav = h('nav', { class: 'app-nav', 'aria-label': 'main' });
    if (signedIn) {
      const items = routes()
        .filter((r) => r.nav && !r.public && hasAnyRole(r.roles))
        .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
      for (const route of items) {
        const active = path === route.path || path.startsWith(`${route.path}/`);
        nav.append(h('a', { href: `#${route.path}`, class: active ? 'active' : null, 'data-route': route.path }, t(route.titleKey)));
      }
    }

    const select = h('select', {
      'aria-label': t('app.language'),
      'data-testid': 'language',
      onchange: async (event: Event) => {
        const target = event.target as HTMLSelectElement;
        const next = target.value as Language;
        if (!(await this.actions.onLanguage(next))) target.value = language();
      },
    });
    for (const lang of languages) {
      select.append(h('option', { value: lang, selected: lang === language() }, lang === 'zh-CN' ? '中文' : 'English'));
    }

    const who = signedIn
      ? h(
          'div',
          { class: 'who', 'data-testid': 'who' },
          h('span', { class: 'who-name' }, signedIn.displayName),
          h('span', { class: 'who-roles', title: t('app.roles') }, signedIn.roles.map(roleName).join('、')),
          signedIn.jurisdictions.length > 0
            ? h('span', { class: 'who-jurisdiction', title: t('app.jurisdiction') }, signedIn.jurisdictions.map(jurisdictionName).join('、'))
            : null,
          h('button', { type: 'button', class: 'link', 'data-testid': 'logout', onclick: () => this.actions.onLogout() }, t('app.logout')),
        )
      : null;

    replace(this.header, h('div', { class: 'header-top' }, brand, h('div', { class: 'header-right' }, notificationBell(), who, select)), nav);
  }
}
