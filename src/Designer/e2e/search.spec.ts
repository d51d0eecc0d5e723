import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { apiAs, expect, logIn, screenshot, test } from './support';

// Case numbers and case search (issue 18 item 2), at desktop size: an owner's complaint about the elevator gets a
// case number; the community finds it in 我的待办 by that number and by a word of the description, the row showing
// the number and a one-line summary; the monitor finds it too; another street finds nothing.

const binjiang = 'jiangyin/chengjiang/huangshan/binjiang-garden';

async function fileComplaint(owner: APIRequestContext, description: string): Promise<{ id: string; caseNumber: string }> {
  const response = await owner.post('/api/definitions/complaint-handling/instances', {
    data: { jurisdiction: binjiang, variables: { category: 'facilities', description, contact: '13900000000' } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; caseNumber: string };
}

async function cancel(admin: APIRequestContext, id: string): Promise<void> {
  const cancelled = await admin.post(`/api/instances/${id}/cancel`, { data: { reason: 'e2e: search test case' } });
  expect(cancelled.status(), await cancelled.text()).toBe(204);
}

test.use({ viewport: { width: 1440, height: 900 } });

/** Another user in a browser context of their own (the same tab would have to log out first). */
async function pageAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.ANJU_E2E_BASE_URL, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await logIn(page, username);
  return page;
}

test('按受理编号和问题描述中的词查找案件', async ({ page, browser, playwright }) => {
  const owner = await apiAs(playwright, 'owner.li');
  const admin = await apiAs(playwright, 'admin');
  // A word of its own, so that only this run's case matches; "电梯" is the word a clerk would type.
  const word = `电梯${Date.now().toString(36).slice(-5)}`;
  const filed = await fileComplaint(owner, `5幢${word}门关不上，老人出行困难`);
  const other = await fileComplaint(owner, '小区东门路灯不亮已有一周');
  try {
    expect(filed.caseNumber).toMatch(/^TS-\d{4}-\d{6}$/);

    await logIn(page, 'community.huangshan');
    await page.goto(`/#/tasks?text=${encodeURIComponent(filed.caseNumber)}`);
    const byNumber = page.locator('table.grid tbody tr');
    await expect(byNumber).toHaveCount(1);
    await expect(byNumber.getByTestId('case-number')).toHaveText(filed.caseNumber);
    await expect(byNumber.getByTestId('case-summary')).toHaveText(`滨江花园 · 5幢${word}门关不上，老人出行困难`);
    await screenshot(page, '80-inbox-search-case-number');

    // Typed into the search box: a word of the description.
    await page.goto('/#/tasks');
    await page.locator('#filter-text').fill(word);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(new RegExp(`text=${encodeURIComponent(word)}`));
    const byWord = page.locator('table.grid tbody tr');
    await expect(byWord).toHaveCount(1);
    await expect(byWord.getByTestId('case-number')).toHaveText(filed.caseNumber);
    await expect(page.getByText(other.caseNumber)).toHaveCount(0);
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await screenshot(page, '81-inbox-search-word');

    // The monitor (administrators) finds it by the word as well.
    const adminPage = await pageAs(browser, 'admin');
    await adminPage.goto('/#/monitor');
    await adminPage.getByTestId('case-search').fill(word);
    await adminPage.getByTestId('case-search').press('Enter');
    const monitorRows = adminPage.getByTestId('case-number');
    await expect(monitorRows).toHaveCount(1);
    await expect(monitorRows).toContainText(filed.caseNumber);
    await screenshot(adminPage, '82-monitor-search-word');
    await adminPage.context().close();

    // Another street sees nothing of it, by number or by word.
    const nanzha = await pageAs(browser, 'street.nanzha');
    for (const text of [filed.caseNumber, word]) {
      await nanzha.goto(`/#/tasks?text=${encodeURIComponent(text)}`);
      await expect(nanzha.getByTestId('tasks-empty')).toBeVisible();
    }
    await nanzha.context().close();

    // The owner finds it in 我的申报 by a word of its description, on a phone.
    const ownerPage = await pageAs(browser, 'owner.li');
    await ownerPage.setViewportSize({ width: 390, height: 844 });
    await ownerPage.goto('/#/portal');
    await ownerPage.getByTestId('my-cases-search').fill(word);
    await ownerPage.getByTestId('my-cases-search-submit').click();
    const mine = ownerPage.getByTestId('my-cases').locator('tbody tr');
    await expect(mine).toHaveCount(1);
    await expect(mine.getByTestId('case-number')).toHaveText(filed.caseNumber);
    await expect(mine.getByTestId('case-summary')).toContainText(word);
    await expect(ownerPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await screenshot(ownerPage, '83-my-cases-search-owner-phone');
    await ownerPage.getByTestId('my-cases-search').fill('没有这样的申报zzz');
    await ownerPage.getByTestId('my-cases-search-submit').click();
    await expect(ownerPage.getByTestId('no-cases')).toHaveText('没有找到符合条件的申报。');
    await ownerPage.context().close();
  } finally {
    await cancel(admin, filed.id);
    await cancel(admin, other.id);
    await owner.dispose();
    await admin.dispose();
  }
});
