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

/**
 * The header's slot for small widgets of other features (the notification bell): between the brand and the
 * user's name, on every screen, kept across the header's redraws. Widgets decide themselves whether to show
 * (e.g. only when signed in: see `user()` and `onSessionChange`), and should be touch-sized (at least 40 px).
 */
const headerWidgets = h('div', { class: 'header-widgets', 'data-testid': 'header-widgets' });

/**
 * Puts a widget into the header (e.g. the notification bell); returns a function removing it again. Call it
 * from a feature's index.ts; the widget stays through route changes and language switches (redraw its own text
 * on `onLanguageChange`).
 */
export function registerHeaderWidget(element: HTMLElement): () => void {
  headerWidgets.append(element);
  return () => element.remove();
}

/**
 * The frame around every screen: header (name, roles, jurisdiction, language, logout), role-aware nav, outlet.
 * Narrow screens (phones, up to 700 px) get a compact header: the menu button, the brand, the widgets and the
 * name in one row; the navigation, roles, jurisdiction, language and logout in the menu it opens.
 */
export class Layout {
  readonly outlet = h('main', { class: 'outlet', id: 'outlet' });
  private readonly header = h('header', { class: 'app-header' });
  private menuOpen = false;

  constructor(root: HTMLElement, private readonly actions: LayoutActions) {
    replace(root, this.header, this.outlet);
    // Escape closes the phone menu and gives the focus back to its button.
    document.addEventListener('keydown', (event) => {
      const button = this.header.querySelector<HTMLButtonElement>('.menu-button');
      if (event.key !== 'Escape' || !this.menuOpen || !button) return;
      this.setMenu(false, button);
      button.focus();
    });
  }

  private setMenu(open: boolean, button: HTMLButtonElement): void {
    this.menuOpen = open;
    this.header.classList.toggle('menu-open', open);
    button.setAttribute('aria-expanded', String(open));
  }

  /** Redraws the header for the current user, language and path (and closes the phone menu). */
  update(path: string): void {
    const signedIn = user();
    const brand = h('a', { class: 'brand', href: '#/' }, h('strong', null, t('app.name')), h('span', null, t('app.subtitle')));

    const nav = h('nav', { class: 'app-nav', id: 'app-nav', 'aria-label': 'main' });
    if (signedIn) {
      const items = routes()
        .filter((r) => r.nav && !r.public && hasAnyRole(r.roles))
        .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
      for (const route of items) {
        const active = path === route.path || path.startsWith(`${route.path}/`);
        nav.append(h('a', { href: `#${route.path}`, class: active ? 'active' : null, 'data-route': route.path, 'aria-current': active ? 'page' : null }, t(route.titleKey)));
      }
    }

    const menu = h('button', {
      type: 'button', class: 'menu-button', 'aria-controls': 'app-nav', 'aria-expanded': 'false', 'aria-label': t('app.menu'),
      'data-testid': 'menu', hidden: !signedIn,
    }, h('span', { class: 'menu-icon', 'aria-hidden': 'true' }));
    menu.addEventListener('click', () => this.setMenu(!this.menuOpen, menu));

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

    this.menuOpen = false;
    this.header.classList.remove('menu-open');
    this.header.classList.toggle('signed-in', signedIn !== null);
    // The notification bell: the same element on every redraw (null when signed out), kept in the widget slot.
    const bell = notificationBell();
    for (const old of headerWidgets.querySelectorAll('.bell')) if (old !== bell) old.remove();
    if (bell && bell.parentElement !== headerWidgets) headerWidgets.prepend(bell);
    replace(this.header, h('div', { class: 'header-top' }, menu, brand, headerWidgets, h('div', { class: 'header-right' }, who, select)), nav);
  }
}
