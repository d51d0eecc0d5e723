import { apiAs, expect, logIn, screenshot, test } from './support';

// Issue 16, items 5 and 6: a broken version of the complaint procedure is deployed (a due date that names a variable
// no filing gives); an owner files a complaint on the portal and is told that it did not go through and that the
// administrators were notified, never "已提交"; the administrator has the notification and the monitor tells the
// incident in Chinese, naming the step. The procedure is restored (and the case cancelled) afterwards.
test('a filing that stops at an incident at once is not "已提交": the owner is told, the administrators are notified', async ({ page, playwright }) => {
  const admin = await apiAs(playwright, 'admin');
  const latest = (await (await admin.get('/api/definitions/complaint-handling')).json()) as { versions: { version: number }[] };
  const original = await (await admin.get(`/api/definitions/complaint-handling/xml?version=${latest.versions[0]!.version}`)).text();
  // The 社区受理 step's due date, whatever it is now (designer.spec.ts changes it when the whole suite runs).
  const broken = original.replace(/<[\w:]*userTask\b[^>]*\bid="accept"[^>]*>/, (tag) => tag.replace(/camunda:dueDate="[^"]*"/, 'camunda:dueDate="${acceptDeadline}"'));
  expect(broken).not.toBe(original);
  const deployed = await admin.post('/api/deployments?note=e2e-broken', { data: broken, headers: { 'content-type': 'application/xml' } });
  expect(deployed.status(), await deployed.text()).toBe(201);
  let instanceId: string | undefined;
  try {
    await logIn(page, 'owner.sun');
    await page.goto('/#/portal/new/complaint-handling');
    await page.getByLabel('投诉类别').selectOption({ label: '设施设备' });
    await page.getByLabel('问题描述').fill('5幢电梯停运两天，老人上下楼困难。');
    await page.getByLabel('具体位置').fill('5幢');
    await page.getByLabel('联系电话').fill('13800005678');
    await page.getByTestId('file-submit').click();

    await expect(page.getByTestId('filing-failed')).toContainText('提交未成功');
    await expect(page.getByTestId('filing-failed')).toContainText('管理员已收到通知');
    await expect(page.getByText('已提交，您可以随时查看办理进度。')).toHaveCount(0);
    await screenshot(page, '13-filing-failed-owner');
    await page.getByTestId('follow').click();
    instanceId = page.url().split('#/cases/')[1]!;

    const notifications = (await (await admin.get('/api/notifications?pageSize=100')).json()) as { items: { kind: string; instanceId: string | null; body: string | null }[] };
    const alert = notifications.items.find((n) => n.instanceId === instanceId);
    expect(alert?.kind).toBe('incident');
    expect(alert?.body).toContain('“社区受理”（accept）');

    await page.getByTestId('logout').click();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await logIn(page, 'admin');
    await page.goto(`/#/cases/${instanceId}`);
    await expect(page.getByTestId('incident-message')).toContainText('“社区受理”（accept）中的表达式无法求值');
    await screenshot(page, '14-monitor-incident-admin');
  } finally {
    if (instanceId) await admin.post(`/api/instances/${instanceId}/cancel`, { data: { reason: 'e2e: broken version' } });
    const restored = await admin.post('/api/deployments?note=e2e-restore', { data: original, headers: { 'content-type': 'application/xml' } });
    expect(restored.status(), await restored.text()).toBe(201);
    await admin.dispose();
  }
});
