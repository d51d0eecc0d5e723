import type { APIRequestContext } from '@playwright/test';
import { apiAs, expect, logIn, screenshot, test } from './support';

// 退回 and 转办 chosen from lists in the task page, and the inbox's overdue / due-soon badges, on cases set up
// through the API. Runs after story.spec.ts (file order), so the story's counts are not disturbed.

const binjiang = 'jiangyin/chengjiang/huangshan/binjiang-garden';

interface TaskItem { id: string; activityId: string; name: string; businessKey: string | null }

async function openTasks(api: APIRequestContext, instanceId: string): Promise<TaskItem[]> {
  const response = await api.get(`/api/tasks?instanceId=${instanceId}`);
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { items: TaskItem[] }).items;
}

async function complete(api: APIRequestContext, taskId: string, variables: object): Promise<void> {
  const response = await api.post(`/api/tasks/${taskId}/complete`, { data: { variables } });
  expect(response.status(), await response.text()).toBe(204);
}

test('a community worker delegates by choosing a colleague, and returns a case to the step she chooses', async ({ page, playwright }) => {
  test.setTimeout(180_000);
  const admin = await apiAs(playwright, 'admin');
  const colleague = await admin.post('/api/users', {
    data: { username: 'community.huangshan2', displayName: '黄山社区 王干事', password: 'Anju@2026x', roles: ['community'], jurisdictions: ['jiangyin/chengjiang/huangshan'] },
  });
  expect(colleague.status(), await colleague.text()).toBe(201);

  const owner = await apiAs(playwright, 'owner.li');
  const filed = await owner.post('/api/definitions/complaint-handling/instances', {
    data: { jurisdiction: binjiang, variables: { category: 'facilities', description: '地下车库照明损坏，夜间无法看清。', contact: '13800001234' } },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const instanceId = ((await filed.json()) as { id: string }).id;
  const community = await apiAs(playwright, 'community.huangshan');
  const accept = (await openTasks(community, instanceId)).find((task) => task.activityId === 'accept')!;

  // 转办: the first step has nowhere to go back to; the colleague is picked from the list the server offers.
  await logIn(page, 'community.huangshan');
  await page.goto(`/#/tasks/${accept.id}`);
  await expect(page.getByRole('heading', { name: '社区受理', level: 1 })).toBeVisible();
  await page.getByTestId('return-section').locator('summary').click();
  await expect(page.getByTestId('no-return-target')).toContainText('没有可退回的环节');
  await page.getByTestId('delegate-section').locator('summary').click();
  const choices = page.getByTestId('delegate-user');
  await expect(choices.locator('option', { hasText: '黄山社区 王干事（community.huangshan2）' })).toHaveCount(1);
  await expect(choices.locator('option', { hasText: 'street.nanzha' })).toHaveCount(0);
  await expect(choices.locator('option', { hasText: 'owner.li' })).toHaveCount(0);
  await page.getByLabel('查找同事（姓名或用户名）').fill('王干事');
  await expect(choices.locator('option')).toHaveCount(2); // "请选择接收人" and the one match
  await choices.selectOption('community.huangshan2');
  await page.locator('#delegate-reason').fill('本人外出培训，请王干事受理。');
  await screenshot(page, '27-task-delegate');
  await page.getByTestId('delegate').click();
  await expect(page.getByText('已转办给 黄山社区 王干事（community.huangshan2）。')).toBeVisible();

  const colleagueApi = await apiAs(playwright, 'community.huangshan2', 'Anju@2026x');
  const delegated = (await openTasks(colleagueApi, instanceId)).find((task) => task.activityId === 'accept');
  expect(delegated?.id).toBe(accept.id);
  await complete(colleagueApi, accept.id, { decision: 'accept', category: 'facilities' });
  const firm = await apiAs(playwright, 'firm.binjiang');
  const handle = (await openTasks(firm, instanceId)).find((task) => task.activityId === 'handle')!;
  await complete(firm, handle.id, { handlingResult: '已更换灯管。' });

  // 退回: at 社区核实 the steps done are offered, the last one first; she sends it back to the firm.
  const verify = (await openTasks(community, instanceId)).find((task) => task.activityId === 'verify')!;
  await page.goto(`/#/tasks/${verify.id}`);
  await expect(page.getByRole('heading', { name: '社区核实', level: 1 })).toBeVisible();
  await page.getByTestId('return-section').locator('summary').click();
  const targets = page.getByTestId('return-target');
  await expect(targets.locator('option')).toHaveText(['物业处理（handle）', '社区受理（accept）']);
  await expect(targets).toHaveValue('handle');
  await page.locator('#return-reason').fill('现场查看仍有两盏灯不亮，请物业继续处理。');
  await screenshot(page, '28-task-return');
  await page.getByTestId('return').click();
  // 退回 asks first, quoting the reason.
  await expect(page.getByTestId('return-confirm')).toContainText('现场查看仍有两盏灯不亮');
  await page.getByTestId('return-confirm-ok').click();
  await expect(page.getByText('已退回到“物业处理（handle）”。')).toBeVisible();

  const again = await openTasks(firm, instanceId);
  expect(again.map((task) => task.activityId)).toEqual(['handle']);
  const journal = await admin.get(`/api/instances/${instanceId}/journal`);
  expect(JSON.stringify(await journal.json())).toContain('现场查看仍有两盏灯不亮');
  for (const api of [admin, owner, community, colleagueApi, firm]) await api.dispose();
});

test('the inbox marks overdue tasks red and tasks in the last quarter of their time limit amber, and filters by them', async ({ page, playwright }) => {
  const admin = await apiAs(playwright, 'admin');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="due" targetNamespace="urn:anju:e2e">
  <bpmn:process id="e2e-due-badges" name="时限提示（测试）" isExecutable="true">
    <bpmn:startEvent id="s" name="开始" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="check" />
    <bpmn:userTask id="check" name="时限核查" camunda:candidateGroups="community" camunda:dueDate="\${dueAt}" />
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="e" />
    <bpmn:endEvent id="e" name="结束" />
  </bpmn:process>
</bpmn:definitions>`;
  const deployed = await admin.post('/api/deployments', { data: xml, headers: { 'Content-Type': 'application/xml' } });
  expect([200, 201]).toContain(deployed.status());
  const now = Date.now();
  const cases = [
    { businessKey: 'E2E-OVERDUE', dueAt: new Date(now - 2 * 3_600_000).toISOString() },
    { businessKey: 'E2E-SOON', dueAt: new Date(now + 3 * 3_600_000).toISOString() },
    { businessKey: 'E2E-LATER', dueAt: new Date(now + 5 * 24 * 3_600_000).toISOString() },
  ];
  for (const c of cases) {
    const started = await admin.post('/api/definitions/e2e-due-badges/instances', { data: { businessKey: c.businessKey, jurisdiction: binjiang, variables: { dueAt: c.dueAt } } });
    expect(started.status(), await started.text()).toBe(201);
  }

  // A task is due soon in the last quarter of its time limit (at most its last 24 hours): the browser's clock is
  // moved 2.5 hours on, so the three-hour task has half an hour left of its 45-minute last quarter.
  await page.clock.setFixedTime(new Date(now + 2.5 * 3_600_000));
  await logIn(page, 'community.huangshan');
  await page.goto('/#/tasks?procedure=e2e-due-badges');
  const row = (key: string) => page.locator('tr', { hasText: key });
  await expect(row('E2E-OVERDUE').locator('.badge-overdue')).toHaveText('已超期');
  await expect(row('E2E-OVERDUE')).toHaveClass(/row-overdue/);
  await expect(row('E2E-SOON').locator('.badge-soon')).toHaveText('即将到期');
  await expect(row('E2E-SOON')).toHaveClass(/row-soon/);
  await expect(row('E2E-LATER').locator('.badge')).toHaveCount(0);
  // Soonest due first.
  await expect(page.locator('tbody tr td:nth-child(3)')).toHaveText(['E2E-OVERDUE', 'E2E-SOON', 'E2E-LATER']);
  await screenshot(page, '29-inbox-due-badges');

  await page.locator('#filter-due').selectOption('overdue');
  await expect(page.locator('tbody tr td:nth-child(3)')).toHaveText(['E2E-OVERDUE']);
  await page.locator('#filter-due').selectOption('soon');
  await expect(page.locator('tbody tr td:nth-child(3)')).toHaveText(['E2E-SOON']);
  await admin.dispose();
});
