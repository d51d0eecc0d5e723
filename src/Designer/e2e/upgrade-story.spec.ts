import type { APIRequestContext, Page } from '@playwright/test';
import { apiAs, expect, logIn, screenshot, test } from './support';

// Issue 16's browser story: an administrator deploys a broken version of the complaint procedure (it passes the
// deploy checks but fails at run time, on a variable nobody sets, before the community's task); a resident files
// a complaint, which stops on an incident; the administrator sees the stuck case in the monitor, deploys a fixed
// version, migrates the case to it, retries the incident, and the complaint carries on to its end.
//
// Runs after story.spec.ts and tasks-approval.spec.ts (file order): the story's counts are not disturbed, and the
// version left newest is the working one, as before.

interface TaskItem { id: string; activityId: string; name: string }

async function openTasks(api: APIRequestContext, instanceId: string): Promise<TaskItem[]> {
  const response = await api.get(`/api/tasks?instanceId=${instanceId}`);
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { items: TaskItem[] }).items;
}

async function completeStep(api: APIRequestContext, instanceId: string, activityId: string, variables: object): Promise<void> {
  const task = (await openTasks(api, instanceId)).find((t) => t.activityId === activityId);
  expect(task, `an open task '${activityId}'`).toBeTruthy();
  const response = await api.post(`/api/tasks/${task!.id}/complete`, { data: { variables } });
  expect(response.status(), await response.text()).toBe(204);
}

async function deploy(admin: APIRequestContext, xml: string): Promise<{ id: string; version: number }> {
  const response = await admin.post('/api/deployments', { headers: { 'Content-Type': 'application/xml' }, data: xml });
  expect(response.ok(), await response.text()).toBeTruthy();
  const { definitions } = (await response.json()) as { definitions: { id: string; key: string; version: number }[] };
  return definitions.find((d) => d.key === 'complaint-handling')!;
}

async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}

test('实例迁移：错误版本导致投诉卡在异常，管理员部署修正版本、迁移案件、重试，投诉办理到底', async ({ page, playwright }) => {
  test.setTimeout(300_000);
  const admin = await apiAs(playwright, 'admin');

  // 1. A broken version: 登记投诉 (register) sets a counter from a variable nobody sets. It deploys.
  const working = await (await admin.get('/api/definitions/complaint-handling/xml')).text();
  const needle = 'name="dispatchCount" value="${0}"';
  expect(working).toContain(needle);
  const broken = await deploy(admin, working.replace(needle, 'name="dispatchCount" value="${dispatchBase + 0}"'));

  // 2. The owner files a complaint on the portal; it runs on the broken version and stops on an incident.
  await logIn(page, 'owner.li');
  await page.goto('/#/portal/new/complaint-handling');
  await page.getByLabel('投诉类别').selectOption({ label: '环境卫生' });
  await page.getByLabel('问题描述').fill('小区东门垃圾桶满溢三天无人清运，气味很大。');
  await page.getByLabel('具体位置').fill('东门垃圾投放点');
  const filing = page.waitForResponse((r) => r.url().includes('/api/definitions/complaint-handling/instances') && r.request().method() === 'POST');
  await page.getByTestId('file-submit').click();
  const instanceId = ((await (await filing).json()) as { id: string }).id;
  expect(instanceId).toBeTruthy();
  const filed = (await (await admin.get(`/api/instances/${instanceId}`)).json()) as { definitionVersion: number; status: string };
  expect(filed).toMatchObject({ definitionVersion: broken.version, status: 'incident' });
  await logOut(page);

  // 3. The administrator sees the stuck case in the monitor, with its incident.
  await logIn(page, 'admin');
  await page.goto('/#/monitor?procedure=complaint-handling&status=incident');
  const row = page.locator(`tr[data-instance="${instanceId}"]`);
  await expect(row).toContainText('异常');
  await row.getByRole('link', { name: '查看' }).click();
  await expect(page.getByTestId('instance-status')).toHaveText('异常');
  await expect(page.locator('.row-overdue', { hasText: '登记投诉' })).toBeVisible();
  await screenshot(page, '40-migrate-stuck-case');

  // 4. A fixed version (the working model again), then the case is migrated to it from its page.
  const fixed = await deploy(admin, working);
  expect(fixed.version).toBe(broken.version + 1);
  await page.reload();
  await page.getByTestId('migrate-case').click();
  await expect(page.getByRole('heading', { name: '实例迁移' })).toBeVisible();
  await expect(page.locator('#migrate-source')).toHaveValue(broken.id);
  await expect(page.locator('#migrate-target')).toHaveValue(fixed.id);
  const mapping = page.getByTestId('migrate-mapping');
  await expect(mapping.locator('tr[data-activity="register"] select')).toHaveValue('register');
  await expect(mapping.locator('tr[data-activity="register"]')).toContainText('登记投诉（register）');
  await expect(page.getByTestId('migrate-instances').locator(`tr[data-instance="${instanceId}"]`)).toContainText('登记投诉');
  await expect(page.getByTestId('migrate-problem')).toHaveCount(0);
  await screenshot(page, '41-migrate-plan');

  // The stuck step may be mapped only to a step of the same kind (here: the service tasks).
  const registerOptions = mapping.locator('tr[data-activity="register"] select option');
  await expect(registerOptions.filter({ hasText: '查询小区信息（lookup）' })).toHaveCount(1);
  await expect(registerOptions.filter({ hasText: '社区受理（accept）' })).toHaveCount(0);
  await expect(page.getByTestId('migrate-start')).toBeEnabled();

  await page.getByTestId('migrate-start').click();
  const dialog = page.getByTestId('migrate-dialog');
  await expect(dialog).toContainText('将 1 件案件');
  await page.getByTestId('migrate-confirm').click();
  await expect(dialog.getByRole('alert')).toContainText('请填写迁移原因');
  await page.locator('#migrate-reason').fill('修正“登记投诉”中的计数初值，错误版本的案件迁移到修正版本。');
  await screenshot(page, '42-migrate-confirm');
  await page.getByTestId('migrate-confirm').click();
  await expect(page.getByTestId('migrate-summary')).toContainText('成功 1 件，失败 0 件');
  await expect(page.getByTestId('migrate-results').locator(`tr[data-instance="${instanceId}"]`)).toContainText('已迁移');
  await screenshot(page, '43-migrate-done');

  const migrated = (await (await admin.get(`/api/instances/${instanceId}`)).json()) as { definitionVersion: number; incidents: { id: string }[] };
  expect(migrated.definitionVersion).toBe(fixed.version);

  // 5. The incident is retried (now on the fixed version): the case goes on to the community's acceptance.
  const incident = migrated.incidents[0]!;
  const retried = await admin.post(`/api/incidents/${incident.id}/retry`, { data: { reason: '已迁移到修正版本，重新登记。' } });
  expect(retried.status(), await retried.text()).toBe(204);
  await page.goto(`/#/cases/${instanceId}`);
  await expect(page.getByTestId('instance-status')).toHaveText('办理中');
  await expect(page.locator('.open-steps')).toContainText('社区受理');
  await expect(page.getByTestId('journal')).toContainText('迁移到新版本');
  await expect(page.getByTestId('journal-check')).toContainText('哈希链校验通过');
  await screenshot(page, '44-migrate-case-resumed');

  // 6. The complaint carries on to its end: accept, handle, verify, review.
  await completeStep(await apiAs(playwright, 'community.huangshan'), instanceId, 'accept', { decision: 'accept', category: 'sanitation' });
  await completeStep(await apiAs(playwright, 'firm.binjiang'), instanceId, 'handle', { handlingResult: '已清运垃圾并增加清运频次。' });
  await completeStep(await apiAs(playwright, 'community.huangshan'), instanceId, 'verify', { verification: 'done' });
  await completeStep(await apiAs(playwright, 'owner.li'), instanceId, 'review', { satisfaction: 'satisfied' });
  await page.reload();
  await expect(page.getByTestId('instance-status')).toHaveText('已办结');
});
