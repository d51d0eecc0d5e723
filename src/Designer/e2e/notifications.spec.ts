import type { Page } from '@playwright/test';
import { apiAs, ballotProcessXml, expect, logIn, screenshot, test } from './support';

// The notification centre on a phone (390×844): an owner is told that a ballot opened in his compound, opens the
// message and votes; a property firm sees a task it may claim in 待我处理 and claims it. Each test makes its own case.

const binjiang = 'jiangyin/chengjiang/huangshan/binjiang-garden';
const phone = { width: 390, height: 844 };
const ballotTitle = '更换小区监控系统（消息测试）';

const ballotXml = ballotProcessXml({
  id: 'e2e-notify-ballot', name: '业主表决（消息测试）', title: ballotTitle,
  questions: [{ id: 'cctv', text: '同意更换小区监控系统？', matter: 'ordinary' }],
});

const claimXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="notify-claim" targetNamespace="urn:anju:e2e">
  <bpmn:process id="e2e-notify-claim" name="物业派单（消息测试）" isExecutable="true">
    <bpmn:startEvent id="start" name="开始" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
    <bpmn:userTask id="handle" name="上门查看楼道积水" camunda:candidateGroups="property-firm" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
    <bpmn:endEvent id="end" name="结束" />
  </bpmn:process>
</bpmn:definitions>`;

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
}

test('on a phone an owner sees the bell count after a ballot opens, opens the message and votes', async ({ page, playwright }) => {
  const admin = await apiAs(playwright, 'admin');
  const deployed = await admin.post('/api/deployments', { data: ballotXml, headers: { 'Content-Type': 'application/xml' } });
  expect([200, 201], await deployed.text()).toContain(deployed.status());
  const started = await admin.post('/api/definitions/e2e-notify-ballot/instances', { data: { jurisdiction: binjiang } });
  expect(started.status(), await started.text()).toBe(201);
  await admin.dispose();

  await page.setViewportSize(phone);
  await logIn(page, 'owner.zhang');
  const bell = page.getByTestId('bell');
  await expect(bell).toBeVisible();
  await expect(page.getByTestId('bell-count')).toHaveText(/^[1-9]\d*\+?$/);
  const box = await bell.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(40);
  expect(box!.width).toBeGreaterThanOrEqual(40);
  await noSidewaysScroll(page);
  await screenshot(page, '90-notifications-bell-phone');

  await bell.click();
  await expect(page).toHaveURL(/#\/notifications$/);
  const message = page.locator('.notification', { hasText: `业主投票已开始：${ballotTitle}` });
  await expect(message).toHaveClass(/unread/);
  await expect(message).toContainText('投票');
  // The closing time in Beijing time, in words an owner reads (never an ISO/UTC string).
  await expect(message.locator('.notification-body')).toHaveText(/^请在 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 前投票。$/);
  await noSidewaysScroll(page);
  await screenshot(page, '91-notifications-list-phone');

  await message.getByRole('link', { name: `业主投票已开始：${ballotTitle}` }).click();
  await expect(page.getByRole('heading', { name: ballotTitle, level: 1 })).toBeVisible();
  await page.locator('[data-question=cctv]').getByLabel('同意').check();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('cast-vote').click();
  await expect(page.getByText('投票成功，感谢您的参与。')).toBeVisible();
  await noSidewaysScroll(page);
  await screenshot(page, '92-notifications-voted-phone');

  // The message is read now.
  await page.goto('/#/notifications');
  await expect(page.locator('.notification', { hasText: `业主投票已开始：${ballotTitle}` })).not.toHaveClass(/unread/);

  // 全部标为已读 clears the bell.
  await page.getByTestId('read-all').click();
  await expect(page.getByTestId('bell-count')).toBeHidden();
  await expect(page.locator('.notification.unread')).toHaveCount(0);
});

test('on a phone a property firm sees a task it may claim in 待我处理 and claims it', async ({ page, playwright }) => {
  const admin = await apiAs(playwright, 'admin');
  const deployed = await admin.post('/api/deployments', { data: claimXml, headers: { 'Content-Type': 'application/xml' } });
  expect([200, 201], await deployed.text()).toContain(deployed.status());
  const started = await admin.post('/api/definitions/e2e-notify-claim/instances', { data: { jurisdiction: binjiang } });
  expect(started.status(), await started.text()).toBe(201);
  const instanceId = ((await started.json()) as { id: string }).id;
  await admin.dispose();

  await page.setViewportSize(phone);
  await logIn(page, 'firm.binjiang');
  await page.goto('/#/portal');
  const todo = page.getByTestId('portal-todo');
  const row = todo.locator('li[data-claimable=true]', { hasText: '上门查看楼道积水' });
  await expect(row).toContainText('可领取');
  const claim = row.getByTestId('claim-and-handle');
  await expect(claim).toHaveText('领取并办理');
  expect((await claim.boundingBox())!.height).toBeGreaterThanOrEqual(40);
  await noSidewaysScroll(page);
  await screenshot(page, '93-portal-claimable-phone');

  await claim.click();
  await expect(page).toHaveURL(/#\/tasks\/[0-9a-f-]+$/);
  await expect(page.getByTestId('unclaim')).toBeVisible();
  await noSidewaysScroll(page);
  await screenshot(page, '94-task-claimed-phone');

  // The server agrees: the task is the firm's now, and 待我处理 lists it as assigned.
  const firm = await apiAs(playwright, 'firm.binjiang');
  const mine = (await (await firm.get('/api/tasks', { params: { assignedToMe: 'true', pageSize: '100' } })).json()) as { items: { instanceId: string; assignee: string }[] };
  expect(mine.items.find((t) => t.instanceId === instanceId)?.assignee).toBe('firm.binjiang');
  await firm.dispose();
  await page.goto('/#/portal');
  await expect(todo.locator('li:not([data-claimable])', { hasText: '上门查看楼道积水' })).toBeVisible();
});
