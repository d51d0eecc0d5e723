import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, logIn, password, screenshot, test } from './support';

const fixture = readFileSync(resolve(import.meta.dirname, 'fixtures', 'e2e-complaint.bpmn'), 'utf8');

// Version 1 of the test procedure, deployed through the API as the administrator (the fresh database has
// whatever definitions/ holds; this one is ours, so the test does not depend on it).
test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: process.env.ANJU_E2E_BASE_URL });
  const login = await request.post('/api/auth/login', { data: { username: 'admin', password } });
  expect(login.ok()).toBeTruthy();
  const { token } = (await login.json()) as { token: string };
  const deployed = await request.post('/api/deployments?note=' + encodeURIComponent('初始版本'), {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/xml' },
    data: fixture,
  });
  expect([200, 201]).toContain(deployed.status());
  await request.dispose();
});

test('an administrator changes a due date in the properties panel, deploys version 2 and sees the change in the diff', async ({ page }) => {
  await logIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: '流程设计' }).click();
  const row = page.locator('tr[data-key="e2e_complaint"]');
  await expect(row).toContainText('投诉处理（测试）');
  await screenshot(page, '03-designer-list');

  await row.getByRole('link', { name: '打开' }).click();
  await expect(page.locator('.djs-element[data-element-id="Accept"]')).toBeVisible();
  // The canvas and the panel speak Chinese, and the bpmn.io watermark is there.
  await expect(page.locator('.djs-palette')).toBeVisible();
  await expect(page.locator('.bjs-powered-by')).toBeVisible();

  await page.locator('.djs-element[data-element-id="Accept"]').click();
  await page.getByText('办理人分配', { exact: true }).click();
  const due = page.getByLabel('到期时间', { exact: true });
  await expect(due).toHaveValue('${workingDays(2)}');
  await due.fill('${workingDays(3)}');
  await due.press('Tab');
  await expect(page.getByText('未部署的修改')).toBeVisible();
  await screenshot(page, '04-designer-editor');

  await page.getByTestId('deploy-note').fill('受理时限改为 3 个工作日');
  await page.getByTestId('deploy').click();
  await expect(page.getByTestId('designer-message')).toContainText('第 2 版');

  await page.getByRole('link', { name: '版本历史' }).click();
  await expect(page.locator('tr[data-version="2"]')).toContainText('受理时限改为 3 个工作日');
  await expect(page.locator('tr[data-version="1"]')).toContainText('初始版本');
  await expect(page.getByTestId('diff-summary')).toContainText('修改 1 个');
  await expect(page.getByTestId('diff-right').locator('.djs-element.diff-changed[data-element-id="Accept"]')).toBeVisible();
  await expect(page.getByTestId('diff-left').locator('.djs-element.diff-changed[data-element-id="Accept"]')).toBeVisible();
  await expect(page.locator('.diff-changed-item[data-element-id="Accept"]')).toContainText('${workingDays(3)}');
  await screenshot(page, '05-designer-history-diff');
});
