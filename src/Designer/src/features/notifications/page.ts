import { banner, formatDateTime, h, replace } from '../../app/dom';
import { hasMessage, t } from '../../app/i18n';
import { loading } from '../../app/router';
import type { RouteContext } from '../../app/routes';
import { user } from '../../app/session';
import { listNotifications, markAllRead, markRead, notificationLink, type NotificationItem } from './api';
import { refreshBell, setUnread } from './bell';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The kind in words (投票, 公示, 新任务 ...). */
export function kindName(kind: string): string {
  const key = `notifications.kind.${kind}`;
  return hasMessage(key) ? t(key) : t('notifications.kind.info');
}

/** 消息: the signed-in user's notifications, newest first, unread marked; opening one marks it read. */
export async function renderNotifications({ outlet, signal, query }: RouteContext): Promise<void> {
  const unreadOnly = query.get('unread') === '1';
  let page = 1;
  const list = h('ul', { class: 'notification-list', 'data-testid': 'notifications' });
  const status = h('div', { 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => void load(page + 1) }, t('notifications.more'));
  const allRead = h('button', { type: 'button', 'data-testid': 'read-all', onclick: () => void readAll() }, t('notifications.readAll'));
  const filter = h('a', { class: 'button', href: unreadOnly ? '#/notifications' : '#/notifications?unread=1', 'data-testid': 'filter' },
    unreadOnly ? t('notifications.showAll') : t('notifications.showUnread'));
  const summary = h('p', { class: 'muted', 'data-testid': 'notifications-summary' });
  const wait = loading();
  replace(outlet, h('h1', null, t('notifications.title')), h('div', { class: 'notification-actions' }, summary, h('span', null, filter, ' ', allRead)),
    status, list, wait);

  const roles = user()?.roles ?? [];

  function row(item: NotificationItem): HTMLElement {
    const link = notificationLink(item, roles);
    const li = h('li', { class: `notification${item.readAt ? '' : ' unread'}`, 'data-notification': item.id, 'data-kind': item.kind });
    const open = async (event: Event) => {
      if (item.readAt) return;
      event.preventDefault();
      try {
        await markRead(item.id);
      } catch {
        // opening matters more than the mark
      }
      item.readAt = new Date().toISOString();
      li.classList.remove('unread');
      void refreshBell(true);
      if (link) location.hash = link.slice(1);
    };
    const title = link
      ? h('a', { href: link, class: 'notification-title', onclick: open }, item.title)
      : h('strong', { class: 'notification-title' }, item.title);
    replace(li,
      h('div', { class: 'notification-head' },
        h('span', { class: `badge kind-${item.kind}` }, kindName(item.kind)),
        item.readAt ? null : h('span', { class: 'badge badge-unread' }, t('notifications.unread')),
        h('span', { class: 'muted notification-time' }, formatDateTime(item.createdAt))),
      title,
      item.body ? h('p', { class: 'notification-body' }, item.body) : null,
      !link && !item.readAt
        ? h('button', { type: 'button', class: 'small', 'data-testid': 'mark-read', onclick: open }, t('notifications.markRead'))
        : null);
    return li;
  }

  async function load(number: number): Promise<void> {
    try {
      const result = await listNotifications(number, unreadOnly, signal);
      if (signal.aborted) return;
      wait.remove();
      page = result.page;
      setUnread(result.unread);
      summary.textContent = t('notifications.summary', { total: result.total, unread: result.unread });
      if (number === 1) replace(list);
      for (const item of result.items) list.append(row(item));
      if (result.total === 0) replace(list, h('li', { class: 'muted', 'data-testid': 'no-notifications' }, t('notifications.none')));
      more.hidden = result.page * result.pageSize >= result.total;
    } catch (error) {
      if (!signal.aborted) {
        wait.remove();
        replace(status, banner('error', message(error)));
      }
    }
  }

  async function readAll(): Promise<void> {
    allRead.disabled = true;
    try {
      const result = await markAllRead();
      replace(status, banner('success', t('notifications.allReadDone', { count: result.marked })));
      await load(1);
      void refreshBell(true);
    } catch (error) {
      replace(status, banner('error', message(error)));
    } finally {
      allRead.disabled = false;
    }
  }

  outlet.append(more);
  await load(1);
}
