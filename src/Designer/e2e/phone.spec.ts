import type { APIRequestContext, Page } from '@playwright/test';
import { apiAs, expect, logIn, screenshot, test } from './support';

// The console on a phone (390×844): every main page of an owner, a firm, a community worker and an administrator
// fits the screen (the document never scrolls sideways) with touch-sized controls; a resident files a complaint
// on the phone and follows it; a firm opens a complaint dispatched to it and returns it with a reason.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const binjiang = 'jiangyin/chengjiang/huangshan/binjiang-garden';

interface TaskItem { id: string; activityId: string; name: string }

async function openTasks(api: APIRequestContext, instanceId: string): Promise<TaskItem[]> {
  const response = await api.get(`/api/tasks?instanceId=${instanceId}`);
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { items: TaskItem[] }).items;
}

/** An owner's complaint, accepted by the community and so dispatched to the firm (物业处理 waiting for firm.binjiang). */
async function complaintAtFirm(playwright: Parameters<typeof apiAs>[0], description: string): Promise<{ instanceId: string; handleId: string }> {
  const owner = await apiAs(playwright, 'owner.li');
  const filed = await owner.post('/api/definitions/complaint-handling/instances', {
    data: { jurisdiction: binjiang, variables: { category: 'facilities', description, location: '2幢1单元', contact: '13800001234' } },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const instanceId = ((await filed.json()) as { id: string }).id;
  const community = await apiAs(playwright, 'community.huangshan');
  const accept = (await openTasks(community, instanceId)).find((task) => task.activityId === 'accept')!;
  const accepted = await community.post(`/api/tasks/${accept.id}/complete`, { data: { variables: { decision: 'accept', category: 'facilities' } } });
  expect(accepted.status(), await accepted.text()).toBe(204);
  const firm = await apiAs(playwright, 'firm.binjiang');
  const handle = (await openTasks(firm, instanceId)).find((task) => task.activityId === 'handle')!;
  expect(handle, 'the firm sees 物业处理').toBeTruthy();
  for (const api of [owner, community, firm]) await api.dispose();
  return { instanceId, handleId: handle.id };
}

/**
 * The page has loaded (no "正在加载…" left), the document does not scroll sideways, and every visible control in
 * the page is at least 40 px tall (touch-sized); then a full-page screenshot.
 */
async function checkPhonePage(page: Page, name: string): Promise<void> {
  await expect(page.getByText('正在加载…').locator('visible=true')).toHaveCount(0);
  const fit = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(fit.scrollWidth, `${name}: the document scrolls sideways`).toBeLessThanOrEqual(fit.innerWidth);
  const small = await page.evaluate(() => {
    const controls = Array.from(document.querySelectorAll<HTMLElement>(
      '#outlet button, #outlet .button, #outlet select, #outlet input:not([type=checkbox]):not([type=radio]):not([type=file]), .app-header button, .app-header select'));
    return controls
      .filter((c) => !c.closest('.djs-container') && c.getClientRects().length > 0 && getComputedStyle(c).visibility !== 'hidden')
      .filter((c) => c.getBoundingClientRect().height < 40)
      .map((c) => `${c.tagName} "${(c.textContent ?? '').trim().slice(0, 20)}" ${Math.round(c.getBoundingClientRect().height)}px`);
  });
  expect(small, `${name}: controls smaller than 40 px`).toEqual([]);
  await screenshot(page, name);
}

async function visit(page: Page, hash: string, name: string, ready: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(`/${hash}`);
  await ready(page);
  await checkPhonePage(page, name);
}

async function logOutOnPhone(page: Page): Promise<void> {
  await page.getByTestId('menu').click();
  await page.getByTestId('logout').click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}

test('every main page fits a 390 px phone for owner, firm, community staff and administrator', async ({ page, playwright }) => {
  test.setTimeout(300_000);
  const { instanceId, handleId } = await complaintAtFirm(playwright, '手机检查：地下车库入口照明损坏。');
  const heading = (text: string) => async (p: Page) => { await expect(p.getByRole('heading', { name: text, level: 1 }).first()).toBeVisible(); };

  // The owner: home with his work, the portal, his filings (我的申报), a filing form, the case page, the ballots.
  await logIn(page, 'owner.li');
  await expect(page.getByTestId('menu')).toBeVisible();
  await visit(page, '#/', '70a-phone-owner-home', async (p) => {
    await expect(p.getByTestId('work-cases').locator('.count')).not.toHaveText('…');
    await expect(p.getByTestId('work-ballots')).toBeVisible();
    await expect(p.getByTestId('home-notices').locator('.notice-list, [data-testid=no-notices]')).toBeVisible();
  });
  // The compact header: one row, the menu opens the navigation, a link closes it again.
  const header = await page.locator('header.app-header').boundingBox();
  expect(header!.height).toBeLessThanOrEqual(64);
  await expect(page.locator('#app-nav')).toBeHidden();
  await page.getByTestId('menu').click();
  await expect(page.locator('#app-nav')).toBeVisible();
  await expect(page.getByTestId('menu')).toHaveAttribute('aria-expanded', 'true');
  await checkPhonePage(page, '70b-phone-owner-menu');
  await page.locator('#app-nav').getByRole('link', { name: '办事大厅' }).click();
  await expect(page.locator('#app-nav')).toBeHidden();
  await expect(page.getByTestId('my-cases')).toBeVisible();
  // 我的申报 as cards: the table's rows are stacked boxes, their cells captioned.
  const caseRow = page.locator(`[data-testid=my-cases] tr[data-instance="${instanceId}"]`);
  await expect(caseRow).toBeVisible();
  await expect(page.locator('[data-testid=my-cases] thead')).toBeHidden();
  await expect(caseRow.locator('td[data-label="状态"]')).toBeVisible();
  await checkPhonePage(page, '70c-phone-owner-portal');
  await visit(page, '#/portal/new/complaint-handling', '70d-phone-owner-filing-form', heading('我要投诉'));
  await visit(page, `#/cases/${instanceId}`, '70e-phone-owner-case', async (p) => {
    await expect(p.getByTestId('instance-status')).toHaveText('办理中');
  });
  await visit(page, '#/portal/ballots', '70f-phone-owner-ballots', async (p) => {
    await expect(p.getByTestId('no-ballots').or(p.locator('.ballot-list'))).toBeVisible();
  });
  const firstBallot = page.locator('.ballot-list a.button').first();
  if (await firstBallot.count()) {
    await firstBallot.click();
    await expect(page.locator('.ballot-question').first()).toBeVisible();
    await checkPhonePage(page, '70g-phone-owner-ballot-paper');
  }
  await logOutOnPhone(page);

  // The firm: home, portal, inbox (cards), the task page with the case first, done.
  await logIn(page, 'firm.binjiang');
  await visit(page, '#/', '71a-phone-firm-home', async (p) => {
    await expect(p.getByTestId('work-todo').locator('.count')).toHaveText(/^[1-9]\d*$/);
  });
  await visit(page, '#/portal', '71b-phone-firm-portal', async (p) => { await expect(p.getByTestId('file-emergency-repair')).toBeVisible(); });
  await visit(page, '#/tasks', '71c-phone-firm-inbox', async (p) => {
    await expect(p.locator(`[data-testid=task-list] tr[data-task="${handleId}"]`)).toBeVisible();
    await expect(p.locator('[data-testid=task-list] thead')).toBeHidden();
  });
  await visit(page, `#/tasks/${handleId}`, '71d-phone-firm-task', async (p) => {
    await expect(p.getByRole('heading', { name: '物业处理', level: 1 })).toBeVisible();
    await expect(p.locator('[data-testid=task-diagram] .djs-container')).toBeVisible();
  });
  // On a phone the case comes before the form.
  const caseBox = await page.getByTestId('task-case').boundingBox();
  const formBox = await page.locator('form.task-form').boundingBox();
  expect(caseBox!.y).toBeLessThan(formBox!.y);
  await visit(page, '#/tasks/done', '71e-phone-firm-done', heading('我的待办'));
  await logOutOnPhone(page);

  // Community staff: home, inbox, done, a task page, the case, the portal (filing for a caller).
  await logIn(page, 'community.huangshan');
  await visit(page, '#/', '72a-phone-community-home', async (p) => { await expect(p.getByTestId('work-overdue').locator('.count')).not.toHaveText('…'); });
  await visit(page, '#/tasks', '72b-phone-community-inbox', async (p) => { await expect(p.getByTestId('task-list').or(p.getByTestId('tasks-empty'))).toBeVisible(); });
  await visit(page, '#/tasks/done', '72c-phone-community-done', async (p) => { await expect(p.getByTestId('done-list')).toBeVisible(); });
  await visit(page, `#/cases/${instanceId}`, '72d-phone-community-case', async (p) => { await expect(p.getByTestId('instance-status')).toHaveText('办理中'); });
  await visit(page, '#/portal', '72e-phone-community-portal', heading('办事大厅'));
  await logOutOnPhone(page);

  // The administrator: home, the monitor list, a case in the monitor, the inbox.
  await logIn(page, 'admin');
  await visit(page, '#/', '73a-phone-admin-home', async (p) => { await expect(p.getByTestId('work-todo').locator('.count')).not.toHaveText('…'); });
  await visit(page, '#/monitor', '73b-phone-admin-monitor', async (p) => { await expect(p.getByTestId('instances')).toBeVisible(); });
  await visit(page, `#/cases/${instanceId}`, '73c-phone-admin-case', async (p) => {
    await expect(p.getByTestId('journal-check')).toBeVisible();
  });
  await visit(page, '#/tasks', '73d-phone-admin-inbox', async (p) => { await expect(p.getByTestId('task-list').or(p.getByTestId('tasks-empty'))).toBeVisible(); });
});

test.describe('on a small phone (360×740)', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the portal, the inbox, the task page and the case fit 360 px', async ({ page, playwright }) => {
    const { instanceId, handleId } = await complaintAtFirm(playwright, '小屏检查：6幢电梯轿厢照明不亮。');
    await logIn(page, 'owner.li');
    await visit(page, '#/', '79a-phone360-owner-home', async (p) => { await expect(p.getByTestId('work-cases').locator('.count')).not.toHaveText('…'); });
    await visit(page, '#/portal', '79b-phone360-owner-portal', async (p) => { await expect(p.getByTestId('my-cases')).toBeVisible(); });
    await visit(page, `#/cases/${instanceId}`, '79c-phone360-owner-case', async (p) => { await expect(p.getByTestId('instance-status')).toHaveText('办理中'); });
    await logOutOnPhone(page);
    await logIn(page, 'firm.binjiang');
    await visit(page, '#/tasks', '79d-phone360-firm-inbox', async (p) => { await expect(p.locator(`[data-testid=task-list] tr[data-task="${handleId}"]`)).toBeVisible(); });
    await visit(page, `#/tasks/${handleId}`, '79e-phone360-firm-task', async (p) => { await expect(p.getByTestId('task-case')).toContainText('轿厢照明'); });
    await page.getByTestId('menu').click();
    await checkPhonePage(page, '79f-phone360-firm-menu');
  });
});

test('a resident files a complaint on the phone and sees the case page', async ({ page }) => {
  await logIn(page, 'owner.li');
  await page.goto('/#/portal');
  await page.getByTestId('file-complaint-handling').click();
  await expect(page.getByRole('heading', { name: '我要投诉' })).toBeVisible();
  await page.getByLabel('投诉类别').selectOption({ label: '环境卫生' });
  await page.getByLabel('问题描述').fill('5幢门口垃圾桶满溢三天无人清运，气味很大。');
  await page.getByLabel('具体位置').fill('5幢门口');
  await page.getByLabel('联系电话').fill('13800001234');
  await checkPhonePage(page, '74a-phone-complaint-form');
  await page.getByTestId('file-submit').click();
  await expect(page.getByText('已提交，您可以随时查看办理进度。')).toBeVisible();
  await expect(page.getByTestId('case-number')).not.toBeEmpty();
  await checkPhonePage(page, '74b-phone-complaint-filed');
  await page.getByTestId('follow').click();
  await expect(page.getByTestId('instance-status')).toHaveText('办理中');
  await expect(page.locator('[data-variable=description]')).toContainText('垃圾桶满溢');
  await checkPhonePage(page, '74c-phone-complaint-case');
});

test('a firm opens a complaint dispatched to it on the phone and returns it with a reason', async ({ page, playwright }) => {
  test.setTimeout(180_000);
  const { instanceId, handleId } = await complaintAtFirm(playwright, '手机退回：3幢电梯按钮失灵，经查属于电梯维保单位责任。');

  await logIn(page, 'firm.binjiang');
  // From the menu to the inbox, the complaint's card, its task.
  await page.getByTestId('menu').click();
  await page.locator('#app-nav').getByRole('link', { name: '我的待办' }).click();
  const card = page.locator(`[data-testid=task-list] tr[data-task="${handleId}"]`);
  await expect(card).toBeVisible();
  await card.getByRole('link', { name: '办理' }).click();
  await expect(page.getByRole('heading', { name: '物业处理', level: 1 })).toBeVisible();
  await expect(page.getByTestId('task-case')).toContainText('电梯按钮失灵');
  await page.getByTestId('claim').click();
  await expect(page.getByTestId('unclaim')).toBeVisible();
  await checkPhonePage(page, '75a-phone-firm-task');

  await page.getByTestId('return-section').locator('summary').click();
  const targets = page.getByTestId('return-target');
  await expect(targets.locator('option', { hasText: '社区受理' })).toHaveCount(1);
  await targets.selectOption({ label: '社区受理（accept）' });
  await page.locator('#return-reason').fill('经现场查看，属电梯维保单位责任，请社区转交维保单位。');
  await page.getByTestId('return').click();
  const confirm = page.getByTestId('return-confirm');
  await expect(confirm).toContainText('社区受理');
  await expect(confirm).toContainText('属电梯维保单位责任');
  await checkPhonePage(page, '75b-phone-firm-return-confirm');
  await page.getByTestId('return-confirm-ok').click();
  await expect(page.getByText('已退回到“社区受理（accept）”。')).toBeVisible();
  await checkPhonePage(page, '75c-phone-firm-returned');

  // The case is back at 社区受理, and the journal has the reason.
  const community = await apiAs(playwright, 'community.huangshan');
  expect((await openTasks(community, instanceId)).map((task) => task.activityId)).toEqual(['accept']);
  const admin = await apiAs(playwright, 'admin');
  const journal = await admin.get(`/api/instances/${instanceId}/journal`);
  expect(JSON.stringify(await journal.json())).toContain('属电梯维保单位责任');
  for (const api of [community, admin]) await api.dispose();
});

test('the owner answers his review on the phone with only his controls and goes back to his portal', async ({ page, playwright }) => {
  const { instanceId, handleId } = await complaintAtFirm(playwright, '手机评价：单元门禁损坏无法关闭。');
  const firm = await apiAs(playwright, 'firm.binjiang');
  expect((await firm.post(`/api/tasks/${handleId}/complete`, { data: { variables: { handlingResult: '已更换门禁锁。' } } })).status()).toBe(204);
  const community = await apiAs(playwright, 'community.huangshan');
  const verify = (await openTasks(community, instanceId)).find((task) => task.activityId === 'verify')!;
  expect((await community.post(`/api/tasks/${verify.id}/complete`, { data: { variables: { verification: 'done' } } })).status()).toBe(204);
  for (const api of [firm, community]) await api.dispose();

  await logIn(page, 'owner.li');
  await page.goto('/#/portal');
  await page.getByTestId('portal-todo').getByRole('link', { name: '业主评价' }).first().click();
  await expect(page.getByRole('heading', { name: '业主评价', level: 1 })).toBeVisible();
  // No officials' controls: no unclaim, 退回, 转办 or comment box.
  await expect(page.getByTestId('unclaim')).toHaveCount(0);
  await expect(page.getByTestId('return-section')).toHaveCount(0);
  await expect(page.getByTestId('delegate-section')).toHaveCount(0);
  await expect(page.locator('#comment-text')).toHaveCount(0);
  await checkPhonePage(page, '76a-phone-owner-review');
  // Back goes to his portal, not to an inbox he may not open.
  await page.getByTestId('back').click();
  await expect(page.getByRole('heading', { name: '办事大厅', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the favicon is served and linked', async ({ page }) => {
  const response = await page.request.get('/favicon.svg');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
  await page.goto('/');
  await expect(page.locator('link[rel=icon]')).toHaveAttribute('href', '/favicon.svg');
});

test.describe('at desktop size', () => {
  test.use({ viewport: { width: 1440, height: 900 }, isMobile: false, hasTouch: false });

  test('立即执行 runs a job only after a confirmation with a reason, which the journal keeps', async ({ page, playwright }) => {
    const { instanceId } = await complaintAtFirm(playwright, '立即执行：楼道声控灯不亮。');
    await logIn(page, 'admin');
    await page.goto(`/#/cases/${instanceId}`);
    const reminder = page.locator('tr', { hasText: '催办（时限2/3）' });
    await expect(reminder.getByTestId('run-job')).toBeVisible();
    await reminder.getByTestId('run-job').click();
    const dialog = page.getByTestId('run-job-dialog');
    await expect(dialog).toContainText('催办（时限2/3）');
    await dialog.getByTestId('repair-confirm').click();
    await expect(dialog).toContainText('请填写原因。');
    await dialog.getByTestId('repair-reason').fill('物业已电话承诺今日处理，提前催办一次。');
    await screenshot(page, '77-run-job-confirm');
    await dialog.getByTestId('repair-confirm').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('journal')).toContainText('立即执行');
    await expect(page.getByTestId('journal')).toContainText('物业已电话承诺今日处理');
    await expect(page.locator('tr', { hasText: '催办（时限2/3）' }).getByTestId('run-job')).toHaveCount(0);
  });

  test('the home page shows the user\'s work and the notices of the area', async ({ page, playwright }) => {
    await complaintAtFirm(playwright, '首页：小区东门道闸故障。');
    await logIn(page, 'firm.binjiang');
    await expect(page.getByRole('heading', { name: '欢迎，滨江物业 陈经理。' })).toBeVisible();
    await expect(page.getByTestId('work-todo').locator('.count')).toHaveText(/^[1-9]\d*$/);
    await expect(page.getByTestId('work-cases').locator('.count')).toHaveText(/^\d+$/);
    await expect(page.getByTestId('home-notices').locator('.notice-list, [data-testid=no-notices]')).toBeVisible();
    await expect(page.getByTestId('menu')).toBeHidden();
    await expect(page.locator('#app-nav')).toBeVisible();
    await screenshot(page, '78-home-firm-desktop');
    await page.getByTestId('work-todo').click();
    await expect(page.getByTestId('task-list')).toBeVisible();
    await expect(page.locator('[data-testid=task-list] thead')).toBeVisible();
  });
});
