import { readFileSync } from 'node:fs';
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

test('the server’s validation errors are shown on the offending element while editing, and Deploy stays disabled', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await page.getByTestId('import-file').setInputFiles(fixture('unknown-handler.bpmn'));
  await expect(page.locator('.djs-element[data-element-id="Notify"]')).toBeVisible();
  // No click on Deploy: the designer's lint asks the server's dry run as the model changes.
  await expect(page.locator('.djs-element.anju-server-error[data-element-id="Notify"]')).toBeVisible();
  await expect(page.locator('.anju-server-error-badge[data-element-id="Notify"]')).toBeVisible();
  await expect(page.getByTestId('server-errors')).toContainText('Notify');
  await expect(page.getByTestId('server-errors')).toContainText('未注册');
  await expect(page.getByTestId('lint-status')).toContainText('1 个错误');
  await expect(page.getByTestId('deploy')).toBeDisabled();
  await screenshot(page, '08-designer-server-errors');
});

test('a file without a diagram layout is refused in Chinese and the diagram on screen stays, still checked by the server', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await expect(page.locator('.djs-element[data-element-id="StartEvent_1"]')).toBeVisible();
  const processOnly = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://anju.test">
  <bpmn:process id="no-layout" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process>
</bpmn:definitions>`;

  await page.getByTestId('import-file').setInputFiles({ name: 'no-layout.bpmn', mimeType: 'application/xml', buffer: Buffer.from(processOnly) });

  await expect(page.getByText('此文件只有流程定义，没有图形布局（BPMNDiagram），设计器无法显示；原来的图已保留。', { exact: false })).toBeVisible();
  await expect(page.locator('.djs-element[data-element-id="StartEvent_1"]')).toBeVisible();
  await page.getByTestId('import-file').setInputFiles({ name: 'notes.bpmn', mimeType: 'application/xml', buffer: Buffer.from('<notes>买菜</notes>') });
  await expect(page.getByText('此文件不是 BPMN 2.0 模型', { exact: false })).toBeVisible();
  await expect(page.locator('.djs-element[data-element-id="StartEvent_1"]')).toBeVisible();
  await expect(page.getByTestId('lint-status')).not.toContainText('正在');
  await expect(page.getByTestId('lint-status')).not.toContainText('暂时无法');
});

test('a due date written as 2个工作日 is marked by the server’s check and keeps Deploy disabled until it is fixed', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await page.getByTestId('import-file').setInputFiles(fixture('due-date-words.bpmn'));
  await expect(page.locator('.djs-element[data-element-id="Accept"]')).toBeVisible();

  const badge = page.locator('.anju-server-error-badge[data-element-id="Accept"]');
  await expect(badge).toBeVisible();
  await expect(page.locator('.djs-element.anju-server-error[data-element-id="Accept"]')).toBeVisible();
  await expect(page.getByTestId('server-errors')).toContainText('“受理 (Accept)”的 dueDate“2个工作日”不是日期');
  await expect(page.getByTestId('lint-status')).toContainText('修正后才能部署');
  await expect(page.getByTestId('deploy')).toBeDisabled();
  await screenshot(page, '08b-designer-due-date-in-words');
  // The dry run stored nothing.
  expect((await page.request.get('/api/definitions/e2e_due_date_words')).status()).toBe(404);

  // The modeller writes the due date as an expression: the marks go and Deploy is possible again.
  const fixed = readFileSync(fixture('due-date-words.bpmn'), 'utf8').replace('2个工作日', '${workingDays(2)}');
  await page.getByTestId('import-file').setInputFiles({ name: 'fixed.bpmn', mimeType: 'application/xml', buffer: Buffer.from(fixed) });
  await expect(page.getByTestId('lint-status')).toContainText('服务器检查通过');
  await expect(badge).toHaveCount(0);
  await expect(page.getByTestId('deploy')).toBeEnabled();
  await page.getByTestId('deploy').click();
  // A new process continues on its deployed key's page.
  await expect(page).toHaveURL(/#\/designer\/e2e_due_date_words/);
  await expect(page.getByText('基于第 1 版')).toBeVisible();
  expect((await page.request.get('/api/definitions/e2e_due_date_words')).status()).toBe(200);
});

test('undeployed changes ask before leaving', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await page.getByTestId('import-file').setInputFiles(fixture('all-supported.bpmn'));
  await expect(page.getByText('未部署的修改')).toBeVisible();
  // all-supported.bpmn has user tasks without assignee: a warning from the server's check, as from our lint rule.
  await expect(page.locator('.bjsl-overlay').first()).toBeVisible();
  await expect(page.getByTestId('lint-status')).not.toContainText('正在');

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
  // The next call to the server finds the session gone: for an administrator already the home page's calendar
  // status, otherwise the designer's list.
  await page.getByRole('link', { name: '安居' }).click();
  const designerLink = page.getByRole('navigation').getByRole('link', { name: '流程设计' });
  const login = page.getByRole('heading', { name: '登录' });
  await expect(login.or(designerLink)).toBeVisible();
  if (!(await login.isVisible())) await designerLink.click();
  await expect(login).toBeVisible();
  await expect(page.getByText('登录已过期，请重新登录。')).toBeVisible();
});
