import { banner, h, replace } from './dom';
import { t } from './i18n';
import { findRoute, type RouteInstance } from './routes';
import { hasAnyRole, user } from './session';

/**
 * Hash router: `#/path?query`. Shows the matching registered route in the outlet, sends signed-out users to
 * the login page, and keeps a screen with unsaved work from being left by accident (in-app links, the
 * language switch, reload and tab close).
 */
export class Router {
  private current: RouteInstance | null = null;
  private controller: AbortController | null = null;
  private shownHash = '';
  private revertingTo: string | null = null;

  constructor(
    private readonly outlet: HTMLElement,
    private readonly onShown: (path: string) => void,
  ) {
    window.addEventListener('hashchange', () => void this.onHashChange());
    window.addEventListener('beforeunload', (event) => {
      if (this.isDirty()) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
  }

  start(): Promise<void> {
    return this.show();
  }

  /** Where we are: the path part of the hash (`/designer/complaint`). */
  path(): string {
    return parseHash(location.hash).path;
  }

  navigate(hash: string): void {
    if (location.hash === hash) void this.refresh();
    else location.hash = hash;
  }

  /** Renders the current route again (after the language changed, for example), asking first if dirty. */
  async refresh(): Promise<boolean> {
    if (!this.confirmLeave()) return false;
    await this.show();
    return true;
  }

  isDirty(): boolean {
    return this.current?.isDirty?.() ?? false;
  }

  /** Asks the user whether to drop unsaved work; true when there is none or they agree. */
  confirmLeave(): boolean {
    return !this.isDirty() || window.confirm(t('app.leaveUnsaved'));
  }

  private async onHashChange(): Promise<void> {
    if (this.revertingTo !== null && location.hash === this.revertingTo) {
      this.revertingTo = null;
      return;
    }
    if (!this.confirmLeave()) {
      this.revertingTo = this.shownHash;
      location.hash = this.shownHash;
      return;
    }
    await this.show();
  }

  private async show(): Promise<void> {
    this.current?.dispose?.();
    this.current = null;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;

    const { path, query } = parseHash(location.hash);
    const match = findRoute(path);
    if (!match) {
      this.navigate(user() ? '#/' : '#/login');
      return;
    }
    const { route, params } = match;
    if (!route.public && !user()) {
      const next = location.hash && location.hash !== '#/' ? `?next=${encodeURIComponent(location.hash)}` : '';
      this.navigate(`#/login${next}`);
      return;
    }

    this.shownHash = location.hash || '#/';
    document.title = `${t(route.titleKey)} · ${t('app.name')}`;
    this.onShown(path);
    replace(this.outlet);
    if (!route.public && !hasAnyRole(route.roles)) {
      replace(this.outlet, banner('error', t('app.forbidden')));
      return;
    }
    try {
      const instance = await route.render({ params, query, user: user(), outlet: this.outlet, signal: controller.signal });
      if (controller.signal.aborted) instance?.dispose?.();
      else this.current = instance ?? null;
    } catch (error) {
      if (controller.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      replace(this.outlet, banner('error', t('app.unexpectedError', { message })));
      console.error(error);
    }
  }
}

export function parseHash(hash: string): { path: string; query: URLSearchParams } {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?', 2);
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) };
}

/** Placeholder shown while a screen loads its data. */
export function loading(): HTMLElement {
  return h('p', { class: 'muted' }, t('app.loading'));
}
