import { afterEach, describe, expect, it, vi } from 'vitest';
import { minIntervalMs, notificationBell, pollMs, refreshBell } from '../../../src/features/notifications/bell';
import { restore } from '../../../src/app/session';

describe('the notification bell', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reads the unread count at most once every 30 s on navigation and in the background, at once when told', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    let unread = 3;
    const counts: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url.startsWith('/api/me')) {
        return new Response(JSON.stringify({ username: 'owner.li', displayName: '业主 李先生', roles: ['owner'], jurisdictions: [] }), { status: 200 });
      }
      counts.push(url);
      return new Response(JSON.stringify({ unread }), { status: 200 });
    }));
    await restore();

    const bell = notificationBell()!;
    await vi.waitFor(() => expect(bell.querySelector('[data-testid=bell-count]')!.textContent).toBe('3'));
    expect(counts).toHaveLength(1);

    // Navigating again at once, or 29 s later, does not ask again.
    expect(notificationBell()).toBe(bell);
    vi.advanceTimersByTime(minIntervalMs - 1000);
    notificationBell();
    expect(counts).toHaveLength(1);

    // The background poll (every minute) asks; so does a navigation 30 s after the last read.
    unread = 0;
    vi.advanceTimersByTime(pollMs - (minIntervalMs - 1000));
    await vi.waitFor(() => expect(counts).toHaveLength(2));
    await vi.waitFor(() => expect((bell.querySelector('[data-testid=bell-count]') as HTMLElement).hidden).toBe(true));
    vi.advanceTimersByTime(minIntervalMs);
    notificationBell();
    await vi.waitFor(() => expect(counts).toHaveLength(3));

    // After marking read the page asks at once.
    unread = 120;
    await refreshBell(true);
    expect(counts).toHaveLength(4);
    expect(bell.querySelector('[data-testid=bell-count]')!.textContent).toBe('99+');
    expect(counts.every((u) => u === '/api/notifications/unread-count')).toBe(true);
  });
});
