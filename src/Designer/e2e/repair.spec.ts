import { apiAs, expect, logIn, screenshot, test } from './support';

// 维护: an administrator repairs a stuck case in the monitor — moves it on (the step picked on the diagram), edits a
// variable as a type, retries the incident after reading its message — each after a confirmation dialog that
// insists on a reason; then cancels two cases together from the list and reads a result per case.

const binjiang = 'jiangyin/chengjiang/huangshan/binjiang-garden';
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="repair" targetNamespace="urn:anju:e2e">
  <bpmn:process id="e2e-repair" name="维护演示（测试）" isExecutable="true">
    <bpmn:startEvent id="s" name="开始" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="accept" />
    <bpmn:userTask id="accept" name="维护测试受理" camunda:candidateGroups="community" />
    <bpmn:sequenceFlow id="f2" sourceRef="accept" targetRef="gw" />
    <bpmn:exclusiveGateway id="gw" name="是否同意" />
    <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="handle"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="no" sourceRef="gw" targetRef="rejected"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${!approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:userTask id="handle" name="维护测试处理" camunda:candidateGroups="property-firm" />
    <bpmn:sequenceFlow id="f3" sourceRef="handle" targetRef="e" />
    <bpmn:endEvent id="e" name="办结" />
    <bpmn:endEvent id="rejected" name="不予受理" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="e2e-repair">
    <bpmndi:BPMNShape id="s_di" bpmnElement="s"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="accept_di" bpmnElement="accept"><dc:Bounds x="190" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="gw_di" bpmnElement="gw" isMarkerVisible="true"><dc:Bounds x="345" y="93" width="50" height="50" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="handle_di" bpmnElement="handle"><dc:Bounds x="450" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="e_di" bpmnElement="e"><dc:Bounds x="612" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="rejected_di" bpmnElement="rejected"><dc:Bounds x="352" y="212" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="190" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="290" y="118" /><di:waypoint x="345" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="yes_di" bpmnElement="yes"><di:waypoint x="395" y="118" /><di:waypoint x="450" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="no_di" bpmnElement="no"><di:waypoint x="370" y="143" /><di:waypoint x="370" y="212" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="550" y="118" /><di:waypoint x="612" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

test('an administrator moves a stuck case on, fixes its variable and retries it, each with a confirmed reason; then cancels two cases together', async ({ page, playwright }) => {
  test.setTimeout(180_000);
  const admin = await apiAs(playwright, 'admin');
  const deployed = await admin.post('/api/deployments', { data: xml, headers: { 'Content-Type': 'application/xml' } });
  expect([200, 201], await deployed.text()).toContain(deployed.status());
  const start = async (businessKey: string) => {
    const started = await admin.post('/api/definitions/e2e-repair/instances', { data: { businessKey, jurisdiction: binjiang } });
    expect(started.status(), await started.text()).toBe(201);
    return ((await started.json()) as { id: string }).id;
  };
  const id = await start('E2E-REPAIR-1');

  await logIn(page, 'admin');
  await page.goto(`/#/cases/${id}`);
  const panel = page.getByTestId('repair-panel');
  await expect(panel.getByRole('heading', { name: '维护' })).toBeVisible();

  // Modify: cancel 社区受理, start at the gateway picked on the diagram.
  await panel.getByRole('checkbox', { name: '维护测试受理 (accept)' }).check();
  await page.locator('[data-element-id="gw"]').first().click();
  await expect(page.getByTestId('modify-target')).toHaveValue('gw');
  await expect(page.getByTestId('modify-mode')).toHaveValue('startBefore');
  await page.getByTestId('repair-modify').click();
  const modifyDialog = page.getByTestId('modify-dialog');
  await expect(modifyDialog).toContainText('取消环节 维护测试受理 (accept)');
  await expect(modifyDialog).toContainText('从环节 是否同意 (gw) 开始');
  await modifyDialog.getByTestId('repair-confirm').click();
  await expect(modifyDialog.getByRole('alert')).toHaveText('请填写原因。');
  await modifyDialog.getByTestId('repair-reason').fill('社区已电话受理，直接进入审核。');
  await screenshot(page, '40-repair-modify-dialog');
  await modifyDialog.getByTestId('repair-confirm').click();
  await expect(modifyDialog).toHaveCount(0);
  await expect(page.getByTestId('instance-status')).toHaveText('异常');

  // Edit the variable the gateway needs, as a boolean.
  await page.getByTestId('variable-name').fill('approved');
  await page.getByTestId('variable-type').selectOption('boolean');
  await page.getByTestId('variable-value').fill('true');
  await page.getByTestId('repair-edit').click();
  const editDialog = page.getByTestId('edit-dialog');
  await expect(editDialog).toContainText('变量“approved”：（无） → true');
  await editDialog.getByTestId('repair-reason').fill('审核意见漏填，按电话记录补为同意。');
  await editDialog.getByTestId('repair-confirm').click();
  await expect(editDialog).toHaveCount(0);

  // Retry: the dialog shows why the step stopped before asking for the reason.
  await page.getByTestId('retry').click();
  const retryDialog = page.getByTestId('retry-dialog');
  await expect(retryDialog.getByTestId('incident-message')).not.toBeEmpty();
  await retryDialog.getByTestId('repair-reason').fill('已补填审核意见。');
  await retryDialog.getByTestId('repair-confirm').click();
  await expect(retryDialog).toHaveCount(0);
  await expect(page.getByTestId('instance-status')).toHaveText('办理中');
  const journal = page.getByTestId('journal');
  await expect(journal).toContainText('调整流转');
  await expect(journal).toContainText('原因：社区已电话受理，直接进入审核。');
  await expect(journal).toContainText('修改变量');
  await expect(journal).toContainText('原因：已补填审核意见。');

  // Bulk: two cases selected in the list, cancelled together, a result per case.
  await start('E2E-REPAIR-2');
  await start('E2E-REPAIR-3');
  await page.goto('/#/monitor?procedure=e2e-repair&status=active');
  for (const key of ['E2E-REPAIR-2', 'E2E-REPAIR-3']) {
    await page.locator('tr', { hasText: key }).getByTestId('select-instance').check();
  }
  await expect(page.getByTestId('selected-count')).toHaveText('已选 2 件');
  await expect(page.getByTestId('bulk-migrate')).toHaveAttribute('href', /#\/monitor\/migrate\?from=e2e-repair:1&instances=/);
  await page.getByTestId('bulk-cancel').click();
  const bulkDialog = page.getByTestId('bulk-cancel-dialog');
  await bulkDialog.getByTestId('repair-reason').fill('测试数据，批量撤销。');
  await bulkDialog.getByTestId('repair-confirm').click();
  await expect(bulkDialog.getByTestId('bulk-results')).toContainText('成功 2 件，未成功 0 件。');
  await screenshot(page, '41-repair-bulk-results');
  await bulkDialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('tr', { hasText: 'E2E-REPAIR-2' })).toHaveCount(0);

  // Leave no open task for the specs after this one (their inboxes pick steps by name).
  const cleanup = await admin.post(`/api/instances/${id}/cancel`, { data: { reason: '测试结束' } });
  expect(cleanup.status(), await cleanup.text()).toBe(204);
});
