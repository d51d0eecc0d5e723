import type { MessageKey } from './i18n';
import type { User } from './session';

/** What a screen gets when the router shows it. */
export interface RouteContext {
  /** Named segments of the path (`/designer/:key` → `{ key }`), URI-decoded. */
  params: Record<string, string>;
  /** The hash's query string (`#/designer?new=1`). */
  query: URLSearchParams;
  /** The signed-in user; null only on public routes. */
  user: User | null;
  /** The element to render into (emptied before render). */
  outlet: HTMLElement;
  /** Aborted when the user navigates away: pass it to fetches and check it after awaits. */
  signal: AbortSignal;
}

/** What a screen may hand back: cleanup, and a guard against losing unsaved work. */
export interface RouteInstance {
  dispose?(): void;
  /** True when leaving would lose work; the router then asks before navigating or closing the tab. */
  isDirty?(): boolean;
}

export interface RouteDefinition {
  /** Hash path pattern, e.g. `/designer` or `/designer/:key`. */
  path: string;
  titleKey: MessageKey;
  /** Roles that may open it; empty = every signed-in user. Ignored when `public`. */
  roles: readonly string[];
  /** Shown in the navigation bar (only to users with one of `roles`). */
  nav?: boolean;
  /** Reachable without signing in (the login page). */
  public?: boolean;
  /** Position in the navigation bar; lower first. */
  order?: number;
  render(context: RouteContext): void | RouteInstance | Promise<void | RouteInstance>;
}

const registry: RouteDefinition[] = [];

/** Each feature calls this from its index.ts (see src/features/index.ts). */
export function registerRoute(route: RouteDefinition): void {
  if (registry.some((r) => r.path === route.path)) throw new Error(`Route ${route.path} registered twice`);
  registry.push(route);
}

export function routes(): readonly RouteDefinition[] {
  return registry;
}

/** Matches `/designer/complaint` against `/designer/:key`. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}

export function findRoute(path: string): { route: RouteDefinition; params: Record<string, string> } | null {
  for (const route of registry) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

/** Builds a hash link: href('/designer/:key', { key: 'complaint' }) → '#/designer/complaint'. */
export function href(pattern: string, params: Record<string, string> = {}, query?: Record<string, string>): string {
  const path = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = query ? new URLSearchParams(query).toString() : '';
  return `#${path}${search ? `?${search}` : ''}`;
}
