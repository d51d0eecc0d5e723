import { expect, logIn, screenshot, test } from './support';

// The first step, on the real procedure: the Host deployed definitions/complaint-handling.bpmn at
// start-up (version 1); the administrator changes the 社区受理 deadline in the properties panel and deploys
// version 2. story.spec.ts then files a complaint, which runs on that version 2.
test('an administrator changes the complaint procedure’s acceptance deadline, deploys version 2 and sees the one change in the diff', async ({ page }) => {
  await logIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: '流程设计' }).click();
  const row = page.locator('tr[data-key="complaint-handling"]');
  await expect(row).toContainText('投诉处理（接诉即办）');
  await screenshot(page, '03-designer-list');

  await row.getByRole('link', { name: '打开' }).click();
  const accept = page.locator('.djs-element[data-element-id="accept"]');
  await expect(accept).toBeVisible();
  // The canvas and the panel speak Chinese, and the bpmn.io watermark is there.
  await expect(page.locator('.djs-palette')).toBeVisible();
  await expect(page.locator('.bjs-powered-by')).toBeVisible();

  await accept.click();
  await page.getByText('办理人分配', { exact: true }).click();
  const due = page.getByLabel('到期时间', { exact: true });
  await expect(due).toHaveValue('${workingDays(1)}');
  await due.fill('${workingDays(2)}');
  await due.press('Tab');
  await expect(page.getByText('未部署的修改')).toBeVisible();
  await screenshot(page, '04-designer-editor');

  await page.getByTestId('deploy-note').fill('社区受理时限改为 2 个工作日');
  await page.getByTestId('deploy').click();
  await expect(page.getByTestId('designer-message')).toContainText('第 2 版');

  await page.getByRole('link', { name: '版本历史' }).click();
  await expect(page.locator('tr[data-version="2"]')).toContainText('社区受理时限改为 2 个工作日');
  await expect(page.locator('tr[data-version="1"]')).toContainText('启动时自动部署');
  // The file as generated and the file as the modeler saved it differ in attribute order and formatting;
  // the diff shows only the deadline.
  await expect(page.getByTestId('diff-summary')).toContainText('新增 0 个，删除 0 个，修改 1 个元素');
  await expect(page.getByTestId('diff-right').locator('.djs-element.diff-changed[data-element-id="accept"]')).toBeVisible();
  await expect(page.getByTestId('diff-left').locator('.djs-element.diff-changed[data-element-id="accept"]')).toBeVisible();
  const change = page.locator('.diff-changed-item[data-element-id="accept"]');
  await expect(change).toContainText('社区受理（accept）');
  await expect(change).toContainText('到期时间（dueDate）：${workingDays(1)} → ${workingDays(2)}');
  await screenshot(page, '05-designer-history-diff');

  // The engine runs version 2 with the new deadline.
  const version2 = await page.request.get('/api/definitions/complaint-handling');
  expect(version2.ok()).toBeTruthy();
  const body = JSON.stringify(await version2.json());
  expect(body).toContain('社区受理时限改为 2 个工作日');
});
