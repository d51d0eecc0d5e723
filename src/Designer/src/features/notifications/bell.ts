// The bell in the header: the signed-in user's unread count (GET /api/notifications/unread-count), a link to the
// notification centre. Polled at most once every 30 s in the background, and on navigation (throttled the same way
// unless the count is known to have changed, e.g. after marking read).
import type { MyNotificationsCount } from '../../api/schema';
import { api } from '../../app/api';
import { h } from '../../app/dom';
import { t } from '../../app/i18n';
import { user } from '../../app/session';

/** Background poll interval. */
export const pollMs = 60_000;
/** No two background or navigation reads closer than this. */
export const minIntervalMs = 30_000;

const bellSvg = '<svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.73 21a2 2 0 0 1-3.46 0"/></svg>';

let element: HTMLAnchorElement | null = null;
let badge: HTMLSpanElement | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
let lastRead = 0;
let unread = 0;
let owner: string | null = null;

/** What the badge says: nothing for 0, the count up to 99, "99+" above. */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 99 ? '99+' : String(count);
}

function show(count: number): void {
  unread = count;
  if (!element || !badge) return;
  badge.textContent = badgeText(count);
  badge.hidden = count <= 0;
  element.setAttribute('aria-label', count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell'));
  element.title = element.getAttribute('aria-label') ?? '';
}

/** Reads the count now when `force`, else only if the last read is older than {@link minIntervalMs}. */
export async function refreshBell(force = false): Promise<void> {
  if (!user() || !element) return;
  const now = Date.now();
  if (!force && now - lastRead < minIntervalMs) return;
  lastRead = now;
  try {
    const result = await api.get<MyNotificationsCount>('/api/notifications/unread-count');
    show(result.unread);
  } catch {
    // keep the last count; the next poll tries again
  }
}

/** Sets the count without asking the server (the list page knows it). */
export function setUnread(count: number): void {
  show(count);
}

function stop(): void {
  if (timer !== null) clearInterval(timer);
  timer = null;
}

/**
 * The bell for the header, or null when nobody is signed in. The same element is returned on every call (the header
 * is redrawn on each navigation); each call is also a navigation, which refreshes the count (throttled).
 */
export function notificationBell(): HTMLElement | null {
  const me = user();
  if (!me) {
    stop();
    owner = null;
    return null;
  }
  if (!element || owner !== me.username) {
    owner = me.username;
    lastRead = 0;
    badge = h('span', { class: 'bell-count', 'data-testid': 'bell-count', hidden: true });
    const icon = h('span', { class: 'bell-icon', 'aria-hidden': 'true' });
    // A drawn bell: an emoji needs a colour font the phone or the server may not have.
    icon.innerHTML = bellSvg;
    element = h('a', { class: 'bell', href: '#/notifications', 'data-testid': 'bell' }, icon, badge);
    show(0);
  } else {
    show(unread);
  }
  if (timer === null) {
    timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void refreshBell();
    }, pollMs);
  }
  void refreshBell();
  return element;
}
