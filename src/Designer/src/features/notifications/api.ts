import type { MyNotificationsReadAll, MyNotificationsResponse, MyNotificationsView } from '../../api/schema';
import { api } from '../../app/api';

/** One message; `ballotId` is the ballot a "ballot" or "ballot-result" message is about. */
export type NotificationItem = MyNotificationsView;

/** GET /api/notifications: a page of messages and the unread count. */
export type NotificationPage = MyNotificationsResponse;

export function listNotifications(page: number, unreadOnly: boolean, signal?: AbortSignal): Promise<NotificationPage> {
  return api.get<NotificationPage>('/api/notifications', { signal, query: { page, pageSize: 20, unread: unreadOnly ? true : undefined } });
}

export function markRead(id: string): Promise<NotificationItem> {
  return api.post<NotificationItem>(`/api/notifications/${encodeURIComponent(id)}/read`);
}

export function markAllRead(): Promise<{ marked: number }> {
  return api.post<MyNotificationsReadAll>('/api/notifications/read-all');
}

/**
 * Where a message leads: the ballot for ballot messages (owners vote there), the task for a new task, else the case.
 * Null when it is about nothing one can open (a notice's text is the whole message).
 */
export function notificationLink(item: NotificationItem, roles: readonly string[]): string | null {
  if ((item.kind === 'ballot' || item.kind === 'ballot-result') && item.ballotId && roles.includes('owner')) {
    return `#/portal/ballots/${encodeURIComponent(item.ballotId)}`;
  }
  if (item.taskId) return `#/tasks/${encodeURIComponent(item.taskId)}`;
  if (item.kind === 'notice') return null;
  if (item.instanceId) return `#/cases/${encodeURIComponent(item.instanceId)}`;
  return null;
}
