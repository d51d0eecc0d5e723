import { resolve } from 'node:path';
import { expect, logIn, screenshot, test } from './support';

const fixture = (name: string) => resolve(import.meta.dirname, 'fixtures', name);

test('every supported element has a Chinese properties panel, and the replace menu offers only supported elements', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await page.getByTestId('import-file').setInputFiles(fixture('all-supported.bpmn'));
  await expect(page.locator('.djs-element[data-element-id="UserTask_1"]')).toBeVisible();

  const ids = await page.$$eval('.djs-element[data-element-id]', (elements) =>
    [...new Set(elements.map((e) => e.getAttribute('data-element-id')!).filter((id) => !id.endsWith('_label')))],
  );
  expect(ids.length).toBeGreaterThan(25);
  for (const id of ids) {
    await page.evaluate((elementId) => {
      const modelerElement = document.querySelector(`.djs-element[data-element-id="${elementId}"]`);
      modelerElement?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }, id);
    // Open every group of the panel so that all its labels are rendered (and translated).
    await page.$$eval('.bio-properties-panel-group-header:not(.open)', (headers) => headers.forEach((h) => (h as HTMLElement).click()));
  }
  await page.locator('.djs-element[data-element-id="UserTask_1"]').click();
  await screenshot(page, '06-designer-all-elements');
  const missing = await page.evaluate(() => [...((globalThis as { __anjuMissingTranslations?: Set<string> }).__anjuMissingTranslations ?? [])]);
  expect(missing, `English strings on screen: ${missing.join(' | ')}`).toEqual([]);

  // The replace menu of a task: user task yes, script task (not supported) no.
  await page.locator('.djs-element[data-element-id="Task_1"]').click();
  await page.locator('.djs-context-pad .entry[data-action="replace"]').click();
  const menu = page.locator('.djs-popup');
  await expect(menu.getByText('用户任务', { exact: true })).toBeVisible();
  await expect(menu.getByText('脚本任务', { exact: true })).toHaveCount(0);
  await screenshot(page, '07-designer-replace-menu');
});

test('the server’s validation errors are shown on the offending element', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await page.getByTestId('import-file').setInputFiles(fixture('unknown-handler.bpmn'));
  await expect(page.locator('.djs-element[data-element-id="Notify"]')).toBeVisible();
  await page.getByTestId('deploy').click();
  await expect(page.getByTestId('designer-message')).toContainText('部署失败');
  await expect(page.getByTestId('server-errors')).toContainText('Notify');
  await expect(page.locator('.djs-element.anju-server-error[data-element-id="Notify"]')).toBeVisible();
  await expect(page.locator('.anju-server-error-badge[data-element-id="Notify"]')).toBeVisible();
  await screenshot(page, '08-designer-server-errors');
});

test('lint errors block the deployment and undeployed changes ask before leaving', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await page.getByTestId('import-file').setInputFiles(fixture('all-supported.bpmn'));
  await expect(page.getByText('未部署的修改')).toBeVisible();
  // all-supported.bpmn has user tasks without assignee: our lint rule marks them.
  await page.getByTestId('deploy').click();
  await expect(page.getByTestId('designer-message')).toContainText('问题');
  await expect(page.locator('.bjsl-overlay').first()).toBeVisible();

  let asked = '';
  page.once('dialog', async (dialog) => {
    asked = dialog.message();
    await dialog.dismiss();
  });
  await page.getByRole('navigation').getByRole('link', { name: '流程设计' }).click();
  await expect.poll(() => asked).toContain('未保存');
  await expect(page.getByTestId('canvas')).toBeVisible();
  expect(page.url()).toContain('#/designer/new');
});

test('an expired session says so and leads back to the login page', async ({ page, context }) => {
  await logIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: '流程设计' }).click();
  await expect(page.getByTestId('definitions').or(page.getByText('还没有部署任何流程。'))).toBeVisible();
  await context.clearCookies();
  await page.getByRole('link', { name: '安居' }).click();
  await page.getByRole('navigation').getByRole('link', { name: '流程设计' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(page.getByText('登录已过期，请重新登录。')).toBeVisible();
});
