import { apiAs, expect, logIn, screenshot, test } from './support';

// 工作日历: an administrator sees the banner when the next year is missing (the server decides, by today's date),
// opens the calendar, enters a year with its notice (2099, made up: entering the real next year is not the test's
// to do) and sees it listed; a non-administrator has no calendar in the menu.

test('an administrator enters a year of the working-day calendar from the console', async ({ page, playwright }) => {
  const admin = await apiAs(playwright, 'admin');
  const status = await (await admin.get('/api/calendar/status')).json() as { banner: boolean; nextYear: number };

  await logIn(page, 'admin');
  const banner = page.getByTestId('calendar-banner');
  if (status.banner) await expect(banner).toContainText(String(status.nextYear));
  else await expect(banner).toHaveCount(0);

  await page.locator('nav.app-nav a[data-route="/calendar"]').click();
  await expect(page.getByTestId('calendar-years').locator('tr[data-year="2026"]')).toContainText('2026');
  await page.locator('#calendar-year').fill('2099');
  await page.locator('#calendar-holidays').fill('2099-01-01\n2099-01-02');
  await page.locator('#calendar-workdays').fill('2099-01-03');
  await page.locator('#calendar-notice').fill('测试用数据（非国务院通知）');
  await page.getByTestId('calendar-form').getByRole('button').click();
  const row = page.getByTestId('calendar-years').locator('tr[data-year="2099"]');
  await expect(row).toContainText('测试用数据');
  await expect(row).toContainText('2099-01-03');
  await expect(row).toContainText('admin');
  await screenshot(page, 'calendar');

  // A Monday is not a make-up working day: refused, with the reason shown.
  await page.locator('#calendar-year').fill('2099');
  await page.locator('#calendar-workdays').fill('2099-01-05');
  await page.locator('#calendar-notice').fill('测试用数据');
  await page.getByTestId('calendar-form').getByRole('button').click();
  await expect(page.locator('.calendar-message .banner-error')).toContainText('2099-01-05');
  await admin.dispose();
});

test('the calendar is not in a street office\'s menu and its API refuses them', async ({ page, playwright }) => {
  await logIn(page, 'street.chengjiang');
  await expect(page.locator('nav.app-nav a[data-route="/calendar"]')).toHaveCount(0);
  const street = await apiAs(playwright, 'street.chengjiang');
  expect((await street.get('/api/calendar')).status()).toBe(403);
  await street.dispose();
});
