import type { APIRequestContext, Page } from '@playwright/test';
import { apiAs, expect, logIn, screenshot, test } from './support';

// One case timeline (issue 18 items 3 and 4): on a 390×844 phone a resident files a complaint, is given the case
// number, follows the timeline (the officials' steps driven through the API, a 退回 among them) to the end and rates
// it; at desktop the returned task shows its reason at the top. The resident's pages show no UTC time, no raw
// variable name, no username and no process diagram, and never scroll sideways.

const phone = { width: 390, height: 844 };

/** Variables of complaint-handling (definitions/complaint-handling.bpmn) and accounts a resident must never read. */
const hidden = [
  'dispatchCount', 'firmDueAt', 'hasCommittee', 'complainant', 'callerHasAccount', 'verifyReturns', 'reopenCount',
  'handlingResult', 'verification', 'satisfaction', 'decision', 'initiator', 'compoundName', 'leadingDepartment',
  'owner.li', 'community.huangshan', 'firm.binjiang', 'complaint-handling', '异常',
];

interface TaskItem { id: string; activityId: string }

async function openTask(api: APIRequestContext, instanceId: string, activityId: string): Promise<string> {
  const response = await api.get(`/api/tasks?instanceId=${instanceId}`);
  expect(response.ok()).toBeTruthy();
  const task = ((await response.json()) as { items: TaskItem[] }).items.find((t) => t.activityId === activityId);
  expect(task, `open task ${activityId}`).toBeTruthy();
  return task!.id;
}

async function claimAndComplete(api: APIRequestContext, taskId: string, variables: object): Promise<void> {
  expect((await api.post(`/api/tasks/${taskId}/claim`)).status()).toBe(204);
  const response = await api.post(`/api/tasks/${taskId}/complete`, { data: { variables } });
  expect(response.status(), await response.text()).toBe(204);
}

/** No time in UTC or ISO form anywhere on the page (officials' pages included). */
async function beijingOnly(page: Page): Promise<string> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  expect(text).not.toMatch(/\d{2}:\d{2}(:\d{2})?(\.\d+)?Z/);
  expect(text).not.toContain('UTC');
  return text;
}

/** No UTC, no raw names, no sideways scrolling on a resident's page. */
async function residentGrade(page: Page): Promise<void> {
  const text = await beijingOnly(page);
  for (const name of hidden) expect(text, `"${name}" on the resident's page`).not.toContain(name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

test('投诉的办理进度：业主在手机上提交、看到受理编号、跟随时间线直到办结并评价；退回的理由到达物业', async ({ page, browser, playwright }) => {
  test.setTimeout(300_000);
  await page.setViewportSize(phone);

  // 1. The owner files a complaint on his phone and is given the case number at once.
  await logIn(page, 'owner.li');
  await page.goto('/#/portal/new/complaint-handling');
  await expect(page.getByRole('heading', { name: '我要投诉' })).toBeVisible();
  await page.getByLabel('投诉类别').selectOption({ label: '设施设备' });
  await page.getByLabel('问题描述').fill('5幢电梯经常停在两层之间，困人两次。');
  await page.getByLabel('具体位置').fill('5幢1单元电梯');
  await page.getByLabel('联系电话').fill('13800005678');
  await page.getByTestId('file-submit').click();
  await expect(page.getByText('已提交，您可以随时查看办理进度。')).toBeVisible();
  const caseNumber = (await page.getByTestId('case-number').innerText()).trim();
  expect(caseNumber).not.toBe('');
  await page.getByTestId('follow').click();
  const instanceId = page.url().split('#/cases/')[1]!;
  await expect(page.getByTestId('instance-status')).toHaveText('办理中');
  await expect(page.getByTestId('case-number')).toHaveText(caseNumber);
  await expect(page.getByTestId('timeline').locator('[data-kind=filed]')).toContainText('业主 李先生');
  await expect(page.getByTestId('timeline-next')).toContainText('「社区受理」，由社区居委会办理');
  await expect(page.getByTestId('timeline-next')).toContainText('前完成');
  await expect(page.locator('[data-testid=instance-diagram]')).toHaveCount(0);
  await expect(page.getByTestId('case-details')).toContainText('5幢电梯经常停在两层之间');
  await residentGrade(page);
  await screenshot(page, '85-timeline-filed-phone');

  // 2. The community accepts with a comment; the firm handles; the community returns it to the firm with a reason.
  const community = await apiAs(playwright, 'community.huangshan');
  const firm = await apiAs(playwright, 'firm.binjiang');
  const accept = await openTask(community, instanceId, 'accept');
  expect((await community.post(`/api/tasks/${accept}/comments`, { data: { text: '已电话联系业主，派物业排查电梯。' } })).status()).toBe(201);
  await claimAndComplete(community, accept, { decision: 'accept', category: 'facilities' });
  await claimAndComplete(firm, await openTask(firm, instanceId, 'handle'), { handlingResult: '已联系维保单位检修，更换了平层感应器。' });
  const verify = await openTask(community, instanceId, 'verify');
  expect((await community.post(`/api/tasks/${verify}/claim`)).status()).toBe(204);
  const returned = await community.post(`/api/tasks/${verify}/return`, { data: { toActivityId: 'handle', reason: '业主反映电梯仍有停层，请彻底检修。' } });
  expect(returned.status(), await returned.text()).toBe(204);

  await page.reload();
  const timeline = page.getByTestId('timeline');
  await expect(timeline.locator('[data-kind=comment]')).toContainText('已电话联系业主，派物业排查电梯。');
  await expect(timeline.locator('[data-kind=done]').first()).toContainText('结果：受理，派物业办理');
  await expect(timeline.locator('[data-kind=done]').nth(1)).toContainText('处理结果：已联系维保单位检修');
  await expect(timeline.locator('[data-kind=returned]')).toContainText('从「社区核实」退回到「物业处理」');
  await expect(timeline.locator('[data-kind=returned]')).toContainText('理由：业主反映电梯仍有停层，请彻底检修。');
  await expect(page.getByTestId('timeline-next')).toContainText('「物业处理」');
  await residentGrade(page);
  await screenshot(page, '86-timeline-returned-phone');

  // 3. At desktop the firm's returned task shows the reason at the top, and the case's comments from the first step.
  const desk = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await logIn(desk, 'firm.binjiang');
  const again = await openTask(firm, instanceId, 'handle');
  await desk.goto(`/#/tasks/${again}`);
  await expect(desk.getByRole('heading', { name: '物业处理', level: 1 })).toBeVisible();
  const banner = desk.getByTestId('returned-banner');
  await expect(banner).toContainText('由「社区核实」退回');
  await expect(banner).toContainText('理由：业主反映电梯仍有停层，请彻底检修。');
  await expect(banner).toContainText('黄山社区 李主任');
  await expect(desk.getByTestId('task-timeline')).toContainText('已电话联系业主，派物业排查电梯。');
  const bannerBox = await banner.boundingBox();
  const formBox = await desk.locator('form.task-form').boundingBox();
  expect(bannerBox!.y).toBeLessThan(formBox!.y);
  await beijingOnly(desk);
  await screenshot(desk, '87-task-returned-desktop');
  await desk.close();

  // 4. The firm handles it again, the community verifies; the owner is asked to rate it.
  await claimAndComplete(firm, again, { handlingResult: '更换曳引机编码器并复检合格，连续观察两天无停层。' });
  await claimAndComplete(community, await openTask(community, instanceId, 'verify'), { verification: 'done' });
  await page.reload();
  await expect(page.getByTestId('timeline-next')).toContainText('请您办理：「业主评价」');
  await residentGrade(page);

  await page.getByTestId('timeline-go').click(); // from the case page straight to his step
  await expect(page.getByRole('heading', { name: '业主评价', level: 1 })).toBeVisible();
  await expect(page.getByTestId('task-timeline').getByTestId('timeline')).toContainText('从「社区核实」退回到「物业处理」');
  await page.getByLabel('满意', { exact: true }).check();
  await page.getByLabel('评价意见').fill('电梯修好了，谢谢。');
  await residentGrade(page);
  await screenshot(page, '88-review-phone');
  await page.getByTestId('complete').click();
  await expect(page.getByText('已提交，案件进入下一环节。')).toBeVisible();

  // 5. The case page at the end: closed, the whole path in names, nothing more to do.
  await page.goto(`/#/cases/${instanceId}`);
  await expect(page.getByTestId('instance-status')).toHaveText('已办结');
  await expect(timeline.locator('[data-kind=done]').last()).toContainText('「业主评价」已办理');
  await expect(timeline.locator('[data-kind=done]').last()).toContainText('结果：满意');
  await expect(timeline.locator('[data-kind=closed]')).toBeVisible();
  await expect(page.getByTestId('timeline-next')).toContainText('案件已结束');
  await residentGrade(page);
  await screenshot(page, '89-timeline-closed-phone');

  // 6. The administrator's page of the same case (variables, journal) shows Beijing time only, and the timeline too.
  const admin = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await logIn(admin, 'admin');
  await admin.goto(`/#/cases/${instanceId}`);
  await expect(admin.getByTestId('journal-check')).toContainText('哈希链校验通过');
  await expect(admin.getByTestId('case-timeline').getByTestId('timeline')).toContainText('从「社区核实」退回到「物业处理」');
  await beijingOnly(admin);
  await admin.close();
});
