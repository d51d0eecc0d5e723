import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, logIn, screenshot, test } from './support';

// Issue 20, item 10: the designer offers link and escalation events, input/output parameters and listeners, in
// Chinese, and writes them as Camunda 7 XML (the exported file is what Camunda Modeler reads too). Signal events since
// the engine runs them; conditional events and event subprocesses since the engine runs them.

/**
 * Waits for the server's check of the last change: its answer redraws the problem list above the canvas, which moves
 * the canvas and the panel, so nothing is clicked while it is pending.
 */
async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('lint-status')).not.toContainText('正在');
}

/** Creates an element from the palette at (x, y) of the canvas and leaves it selected (its type in the panel header). */
async function createFromPalette(page: Page, action: string, x: number, y: number, type: string): Promise<void> {
  await settled(page);
  const shapes = await page.locator('.djs-shape').count();
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await page.locator(`.djs-palette .entry[data-action="${action}"]`).click();
  await page.mouse.move(canvas.x + x, canvas.y + y, { steps: 5 });
  await page.mouse.click(canvas.x + x, canvas.y + y);
  await expect(page.locator('.djs-shape')).toHaveCount(shapes + 1);
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText(type);
  await settled(page);
}

/** Turns the selected element into `label` through the replace menu (the wrench of the context pad). */
async function replaceWith(page: Page, label: string): Promise<void> {
  await page.locator('.djs-context-pad .entry[data-action="replace"]').click();
  await page.locator('.djs-popup').getByText(label, { exact: true }).click();
  await expect(page.locator('.djs-popup')).toHaveCount(0);
  await settled(page);
}

/** Fills a text field and leaves it (Tab), which commits it at once, and waits for the server's check. */
async function fillAndLeave(field: ReturnType<Page['getByLabel']>, value: string): Promise<void> {
  await field.fill(value);
  await field.press('Tab');
  await settled(field.page());
}

/** Clicks a checkbox and returns its state right after and at each of the next turns of the event loop and frames. */
async function clickAndWatch(input: HTMLInputElement): Promise<(boolean | null)[]> {
  // Found again by id each time: a redraw may put a new element in its place.
  const checked = () => (document.getElementById(input.id) as HTMLInputElement | null)?.checked ?? null;
  input.click();
  const seen = [checked()];
  for (let turn = 0; turn < 5; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    seen.push(checked());
  }
  for (let frame = 0; frame < 2; frame++) {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    seen.push(checked());
  }
  return seen;
}

async function openGroup(page: Page, groupId: string): Promise<void> {
  const header = page.locator(`[data-group-id="group-${groupId}"] .bio-properties-panel-group-header`);
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}

/** Clicks the "+ 新建" of an empty list group (always shown: designer.css) and waits for the new row. */
async function createListItem(group: ReturnType<Page['locator']>): Promise<void> {
  const button = group.locator('.bio-properties-panel-add-entry');
  await expect(button).toHaveText('新建');
  await expect(button).toHaveAttribute('title', '新建列表项');
  await button.click();
  await expect(group.locator('.bio-properties-panel-list-item')).toHaveCount(1);
  await settled(group.page());
}

async function exportedXml(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  return readFileSync((await download.path())!, 'utf8');
}

async function englishOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((globalThis as { __anjuMissingTranslations?: Set<string> }).__anjuMissingTranslations ?? [])]);
}

test('a link throw and catch pair and an escalation end event from the palette, named in the Chinese panel, exported as BPMN', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await expect(page.locator('.djs-element[data-element-id="StartEvent_1"]')).toBeVisible();

  // The palette's intermediate event, made a link throw through the replace menu (which offers only what the engine runs).
  await createFromPalette(page, 'create.intermediate-event', 320, 180, '中间抛出事件');
  await page.locator('.djs-context-pad .entry[data-action="replace"]').click();
  const menu = page.locator('.djs-popup');
  await expect(menu.getByText('链接中间抛出事件', { exact: true })).toBeVisible();
  await expect(menu.getByText('升级中间抛出事件', { exact: true })).toBeVisible();
  await expect(menu.getByText('信号中间抛出事件', { exact: true })).toBeVisible();
  await expect(menu.getByText('中间补偿抛出事件', { exact: true })).toHaveCount(0);
  await menu.getByText('链接中间抛出事件', { exact: true }).click();
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText('链接中间抛出事件');
  await settled(page);
  await openGroup(page, 'link');
  await fillAndLeave(page.getByLabel('链接名称', { exact: true }), '转复核');
  // Asynchronous continuations on a link throw: after it, the token moves to its catch in a job.
  await openGroup(page, 'CamundaPlatform__AsynchronousContinuations');
  await expect(page.getByLabel('之前', { exact: true })).toBeVisible();
  await expect(page.getByLabel('之后', { exact: true })).toBeVisible();

  await createFromPalette(page, 'create.intermediate-event', 320, 340, '中间抛出事件');
  await replaceWith(page, '链接中间捕获事件');
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText('链接中间捕获事件');
  await openGroup(page, 'link');
  await fillAndLeave(page.getByLabel('链接名称', { exact: true }), '转复核');

  // An escalation end event with a new escalation: its name and code.
  await createFromPalette(page, 'create.end-event', 520, 180, '结束事件');
  await replaceWith(page, '升级结束事件');
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText('升级结束事件');
  await openGroup(page, 'escalation');
  await page.getByLabel('升级定义', { exact: true }).selectOption({ label: '新建…' });
  await settled(page);
  await fillAndLeave(page.getByLabel('升级名称', { exact: true }), '逾期上报');
  await fillAndLeave(page.getByLabel('升级代码', { exact: true }), 'LATE');
  await expect(page.getByText('由外层子流程或调用活动上同一代码的升级边界事件捕获。')).toBeVisible();
  await screenshot(page, '09a-designer-link-escalation');

  const xml = await exportedXml(page);
  expect(xml.match(/<bpmn:linkEventDefinition id="[^"]+" name="转复核" \/>/g)).toHaveLength(2);
  expect(xml).toMatch(/<bpmn:intermediateThrowEvent id="[^"]+">\s*<bpmn:linkEventDefinition/);
  expect(xml).toMatch(/<bpmn:intermediateCatchEvent id="[^"]+">\s*<bpmn:linkEventDefinition/);
  const escalation = /<bpmn:escalation id="([^"]+)" name="逾期上报" escalationCode="LATE" \/>/.exec(xml);
  expect(escalation, xml).not.toBeNull();
  expect(xml).toMatch(new RegExp(`<bpmn:endEvent id="[^"]+">\\s*<bpmn:escalationEventDefinition id="[^"]+" escalationRef="${escalation![1]}" />`));
  expect(await englishOnScreen(page)).toEqual([]);
});

test('a signal intermediate throw event from the replace menu, its signal made and named in the Chinese panel, exported as BPMN', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await expect(page.locator('.djs-element[data-element-id="StartEvent_1"]')).toBeVisible();

  await createFromPalette(page, 'create.intermediate-event', 320, 180, '中间抛出事件');
  await replaceWith(page, '信号中间抛出事件');
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText('信号中间抛出事件');
  const throwId = await page.locator('.djs-element.selected').getAttribute('data-element-id');
  // No signal chosen yet: our lint says so on the event, in Chinese, before the server's check.
  const lintIssues = page.locator(`.djs-overlays[data-container-id="${throwId}"] .bjsl-issues`);
  await expect(lintIssues).toContainText('信号事件必须选择一个信号（信号定义，signalRef）。');

  await openGroup(page, 'signal');
  await page.getByLabel('信号定义', { exact: true }).selectOption({ label: '新建…' });
  await settled(page);
  await fillAndLeave(page.getByLabel('信号名称', { exact: true }), '暴雨预警');
  await expect(page.getByText('信号按此名称广播给抛出方辖区内所有等待它的案件，并启动以同名信号开始事件开始的流程。')).toBeVisible();
  await expect(page.getByLabel('信号定义', { exact: true }).locator('option:checked')).toHaveText('暴雨预警');
  await expect(lintIssues.getByText('信号事件必须选择一个信号', { exact: false })).toHaveCount(0);
  // Every group of the panel open: nothing in English.
  await page.$$eval('.bio-properties-panel-group-header:not(.open)', (headers) => headers.forEach((h) => (h as HTMLElement).click()));
  await expect(page.locator('[data-group-id="group-CamundaPlatform__InMapping"]')).toHaveCount(0);
  await screenshot(page, '09c-designer-signal');

  const xml = await exportedXml(page);
  const signal = /<bpmn:signal id="([^"]+)" name="暴雨预警" \/>/.exec(xml);
  expect(signal, xml).not.toBeNull();
  expect(xml).toMatch(new RegExp(`<bpmn:intermediateThrowEvent id="${throwId}">\\s*<bpmn:signalEventDefinition id="[^"]+" signalRef="${signal![1]}" />`));
  expect(await englishOnScreen(page)).toEqual([]);
});

test('a conditional boundary event on a user task, its condition, variables and 异步延续 set in the Chinese panel, exported as BPMN', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await expect(page.locator('.djs-element[data-element-id="StartEvent_1"]')).toBeVisible();

  await createFromPalette(page, 'create.task', 380, 180, '任务');
  await replaceWith(page, '用户任务');
  const taskId = await page.locator('.djs-element.selected').getAttribute('data-element-id');
  // The palette's intermediate event dropped on the task's lower border: a boundary event of the task.
  await createFromPalette(page, 'create.intermediate-event', 380, 220, '边界事件');
  await page.locator('.djs-context-pad .entry[data-action="replace"]').click();
  const menu = page.locator('.djs-popup');
  await expect(menu.getByText('条件边界事件', { exact: true })).toBeVisible();
  await expect(menu.getByText('条件边界事件（非中断）', { exact: true })).toBeVisible();
  await expect(menu.getByText('补偿边界事件', { exact: true })).toHaveCount(0);
  await menu.getByText('条件边界事件', { exact: true }).click();
  await expect(page.locator('.djs-popup')).toHaveCount(0);
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText('条件边界事件');
  await settled(page);
  const boundaryId = await page.locator('.djs-element.selected').getAttribute('data-element-id');

  await openGroup(page, 'CamundaPlatform__Condition');
  const group = page.locator('[data-group-id="group-CamundaPlatform__Condition"]');
  await fillAndLeave(group.getByLabel('条件表达式', { exact: true }), '${amount > 1000}');
  await fillAndLeave(group.getByLabel('变量名（逗号分隔）', { exact: true }), 'amount,approved');
  await expect(group.getByText('每当所列变量之一变化时计算', { exact: false })).toBeVisible();
  await expect(group.getByLabel('变量事件', { exact: true })).toHaveCount(0);
  // Unticked, the box stays unticked: read right after the click and at each turn of the event loop until the panel has
  // redrawn (before vite.config's anju-panel-checkbox-state it was drawn ticked again for a frame).
  const interrupting = group.getByLabel('中断所附活动', { exact: true });
  await expect(interrupting).toBeChecked();
  expect(await interrupting.evaluate(clickAndWatch)).toEqual(Array(8).fill(false));
  await settled(page);
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText('条件边界事件（非中断）');

  // 异步延续 on a boundary event (the engine runs both there): after it, what follows the event runs in a job.
  const async = page.locator('[data-group-id="group-CamundaPlatform__AsynchronousContinuations"]');
  await expect(async.locator('.bio-properties-panel-group-header-title')).toHaveText('异步延续');
  await openGroup(page, 'CamundaPlatform__AsynchronousContinuations');
  await expect(async.getByLabel('之前', { exact: true })).toBeVisible();
  await async.getByLabel('之后', { exact: true }).check();
  await settled(page);

  const xml = await exportedXml(page);
  const boundary = new RegExp(`<bpmn:boundaryEvent id="${boundaryId}"[^>]*>`).exec(xml)?.[0] ?? '';
  expect(boundary, xml).toContain(`attachedToRef="${taskId}"`);
  expect(boundary).toContain('cancelActivity="false"');
  expect(boundary).toContain('camunda:asyncAfter="true"');
  expect(xml).toMatch(
    /<bpmn:conditionalEventDefinition id="[^"]+" camunda:variableName="amount,approved">\s*<bpmn:condition xsi:type="bpmn:tFormalExpression">\$\{amount &gt; 1000\}<\/bpmn:condition>\s*<\/bpmn:conditionalEventDefinition>/,
  );
  expect(xml).not.toContain('variableEvents');
  expect(await englishOnScreen(page)).toEqual([]);
});

test('an input parameter and an execution listener on a task, written as Camunda 7 extension elements', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await expect(page.locator('.djs-element[data-element-id="StartEvent_1"]')).toBeVisible();

  await createFromPalette(page, 'create.task', 380, 180, '任务');
  await replaceWith(page, '服务任务');
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText('服务任务');

  // 输入参数: 新建, a name and a ${…} value; no list, map or script to choose from.
  const inputs = page.locator('[data-group-id="group-CamundaPlatform__Input"]');
  await createListItem(inputs);
  await fillAndLeave(inputs.getByLabel('局部变量名', { exact: true }), 'amount');
  await fillAndLeave(inputs.getByLabel('值', { exact: true }), '${order.amount * 2}');
  await expect(inputs.getByLabel('赋值类型', { exact: true })).toHaveCount(0);

  // 执行监听器: 新建, an expression at the end of the task.
  const listeners = page.locator('[data-group-id="group-CamundaPlatform__ExecutionListener"]');
  await createListItem(listeners);
  await listeners.getByLabel('监听器类型', { exact: true }).selectOption({ label: '表达式' });
  await settled(page);
  await fillAndLeave(listeners.getByLabel('表达式', { exact: true }), '${journal.note(execution)}');
  await listeners.getByLabel('事件类型', { exact: true }).selectOption({ label: '结束（end）' });
  await settled(page);
  await expect(listeners.locator('.bio-properties-panel-collapsible-entry-header-title')).toHaveText('结束（end）：表达式');
  await expect(listeners.getByLabel('监听器类型', { exact: true }).locator('option')).toHaveText(['表达式', '委托表达式', '处理程序类（class）']);
  await screenshot(page, '09b-designer-input-listener');

  const xml = await exportedXml(page);
  expect(xml).toMatch(
    /<bpmn:extensionElements>\s*<camunda:inputOutput>\s*<camunda:inputParameter name="amount">\$\{order\.amount \* 2\}<\/camunda:inputParameter>\s*<\/camunda:inputOutput>\s*<camunda:executionListener [^>]*\/>\s*<\/bpmn:extensionElements>/,
  );
  const listener = /<camunda:executionListener [^>]*\/>/.exec(xml)![0];
  expect(listener).toContain('expression="${journal.note(execution)}"');
  expect(listener).toContain('event="end"');
  expect(listener).not.toContain('class=');
  expect(await englishOnScreen(page)).toEqual([]);
});

test('an event subprocess from the palette, its start event in the Chinese panel; a service task offers no DMN, connector or 字段注入', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/#/designer/new');
  await expect(page.locator('.djs-element[data-element-id="StartEvent_1"]')).toBeVisible();

  // 创建事件子流程 makes the event subprocess and its (message) start event: two shapes.
  const entry = page.locator('.djs-palette').getByRole('button', { name: '创建事件子流程', exact: true });
  await expect(entry).toHaveAttribute('data-action', 'create.event-subprocess-expanded');
  await settled(page);
  const before = await page.locator('.djs-shape').evaluateAll((shapes) => shapes.map((s) => s.getAttribute('data-element-id')));
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await entry.click();
  await page.mouse.move(canvas.x + 560, canvas.y + 320, { steps: 5 });
  await page.mouse.click(canvas.x + 560, canvas.y + 320);
  await expect(page.locator('.djs-shape')).toHaveCount(before.length + 2);
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText('事件子流程');
  await settled(page);

  const added = (await page.locator('.djs-shape').evaluateAll((shapes) => shapes.map((s) => s.getAttribute('data-element-id')))).filter(
    (id) => !before.includes(id),
  );
  const subProcessId = await page.locator('.djs-element.selected').getAttribute('data-element-id');
  const startId = added.find((id) => id !== subProcessId)!;
  await page.locator(`.djs-element[data-element-id="${startId}"]`).click();
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText('消息开始事件');
  await settled(page);
  await openGroup(page, 'message');
  const message = page.locator('[data-group-id="group-message"]');
  await expect(message.getByLabel('中断', { exact: true })).toBeChecked();
  await expect(message.getByText('勾选（中断）时，事件子流程开始后取消所在范围的其他路径', { exact: false })).toBeVisible();
  expect(page.viewportSize()?.width).toBe(1440);
  await screenshot(page, '09d-designer-event-subprocess');

  // A service task: the implementation types the engine runs, no DMN, no connector, no field injection (字段注入).
  await createFromPalette(page, 'create.task', 320, 120, '任务');
  await replaceWith(page, '服务任务');
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText('服务任务');
  await openGroup(page, 'CamundaPlatform__Implementation');
  const implementation = page.locator('[data-group-id="group-CamundaPlatform__Implementation"]');
  const offered = implementation.getByLabel('类型', { exact: true }).locator('option');
  await expect(offered).toHaveText(['<无>', '处理程序类（class）', '表达式', '委托表达式', '外部任务']);
  await expect(page.locator('[data-group-id="group-CamundaPlatform__FieldInjection"]')).toHaveCount(0);
  await expect(page.locator('.bio-properties-panel')).not.toContainText('字段注入');
  await expect(page.locator('.bio-properties-panel')).not.toContainText('连接器');

  // The same task made a business-rule task: still no DMN.
  await replaceWith(page, '规则任务');
  await expect(page.locator('.bio-properties-panel-header-type')).toHaveText('业务规则任务');
  await openGroup(page, 'CamundaPlatform__Implementation');
  await expect(offered).toHaveText(['<无>', '处理程序类（class）', '表达式', '委托表达式', '外部任务']);
  await expect(offered.filter({ hasText: 'DMN' })).toHaveCount(0);
  await expect(page.locator('[data-group-id="group-CamundaPlatform__FieldInjection"]')).toHaveCount(0);
  expect(await englishOnScreen(page)).toEqual([]);
});
