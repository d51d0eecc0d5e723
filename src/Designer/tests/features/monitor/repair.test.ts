import { describe, expect, it } from 'vitest';
import {
  bulkSummary, editorText, flowNodes, migrateHref, modifyInstructions, nodeLabel, parseTypedValue, reasonProblem, variableTypeOf,
} from '../../../src/features/monitor/repair-logic';
import { journalTypeName } from '../../../src/features/monitor/instance';

const xml = `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
  <bpmn:process id="p" name="投诉处理">
    <bpmn:startEvent id="filed" name="业主投诉" />
    <bpmn:sequenceFlow id="f1" sourceRef="filed" targetRef="accept" />
    <bpmn:userTask id="accept" name="社区受理"><bpmn:extensionElements><camunda:formData>
      <camunda:formField id="decision" label="受理意见" type="enum"><camunda:value id="ok" name="受理" /></camunda:formField>
    </camunda:formData></bpmn:extensionElements></bpmn:userTask>
    <bpmn:subProcess id="work" name="处置"><bpmn:startEvent id="ws" /><bpmn:userTask id="fix" name="维修" /></bpmn:subProcess>
    <bpmn:exclusiveGateway id="gw" />
  </bpmn:process>
</bpmn:definitions>`;

describe('typed variable values', () => {
  it('parses the editor text as the chosen type and refuses what is not one', () => {
    expect(parseTypedValue('long', ' 42 ')).toEqual({ ok: true, value: 42 });
    expect(parseTypedValue('long', '4.2')).toEqual({ ok: false, error: 'repair.error.long' });
    expect(parseTypedValue('double', '4.2')).toEqual({ ok: true, value: 4.2 });
    expect(parseTypedValue('double', '')).toEqual({ ok: false, error: 'repair.error.double' });
    expect(parseTypedValue('boolean', 'true')).toEqual({ ok: true, value: true });
    expect(parseTypedValue('boolean', '是')).toEqual({ ok: false, error: 'repair.error.boolean' });
    expect(parseTypedValue('json', '{"floor":3}')).toEqual({ ok: true, value: { floor: 3 } });
    expect(parseTypedValue('json', '{floor')).toEqual({ ok: false, error: 'repair.error.json' });
    expect(parseTypedValue('string', ' 3幢 ')).toEqual({ ok: true, value: ' 3幢 ' });
    expect(parseTypedValue('null', 'anything')).toEqual({ ok: true, value: null });
  });

  it('starts the editor with the stored value and its type', () => {
    expect(variableTypeOf(5)).toBe('long');
    expect(variableTypeOf(5.5)).toBe('double');
    expect(variableTypeOf(false)).toBe('boolean');
    expect(variableTypeOf({ a: 1 })).toBe('json');
    expect(variableTypeOf(null)).toBe('null');
    expect(editorText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(editorText('文字')).toBe('文字');
    expect(editorText(null)).toBe('');
  });
});

describe('modification instructions', () => {
  it('cancels the chosen steps first, then starts one with its variables', () => {
    const result = modifyInstructions({ cancel: ['accept'], start: 'startBefore', startActivity: 'fix', variablesText: '{"approved": true}' });
    expect(result).toEqual({ ok: true, instructions: [
      { type: 'cancel', activityId: 'accept' },
      { type: 'startBefore', activityId: 'fix', variables: { approved: true } },
    ] });
  });

  it('refuses an empty modification, a start without a step and variables that are not an object', () => {
    expect(modifyInstructions({ cancel: [], start: 'none', startActivity: '', variablesText: '' })).toEqual({ ok: false, error: 'repair.error.nothing' });
    expect(modifyInstructions({ cancel: [], start: 'startAfter', startActivity: '', variablesText: '' })).toEqual({ ok: false, error: 'repair.error.noTarget' });
    expect(modifyInstructions({ cancel: [], start: 'startAfter', startActivity: 'accept', variablesText: '[1]' })).toEqual({ ok: false, error: 'repair.error.variables' });
  });

  it('lists the flow nodes by name and id, subprocess steps included, flows left out', () => {
    const nodes = flowNodes(xml);
    expect(nodes.map((n) => n.id)).toEqual(['filed', 'accept', 'work', 'ws', 'fix', 'gw']);
    expect(nodeLabel(nodes[1]!)).toBe('社区受理 (accept)');
    expect(nodeLabel(nodes[5]!)).toBe('gw');
  });
});

describe('reasons and bulk actions', () => {
  it('asks for a reason of at most 500 characters', () => {
    expect(reasonProblem('  ')).toBe('repair.error.reasonRequired');
    expect(reasonProblem('因'.repeat(501))).toBe('repair.error.reasonTooLong');
    expect(reasonProblem('配置错误')).toBeNull();
  });

  it('links the migration only for cases of one version of one procedure', () => {
    const a = { id: 'a1', definitionKey: 'complaint-handling', definitionVersion: 2 };
    const b = { id: 'b2', definitionKey: 'complaint-handling', definitionVersion: 2 };
    expect(migrateHref([a, b])).toBe('#/monitor/migrate?from=complaint-handling:2&instances=a1,b2');
    expect(migrateHref([a, { ...b, definitionVersion: 3 }])).toBeNull();
    expect(migrateHref([])).toBeNull();
  });

  it('counts the results of a bulk action', () => {
    expect(bulkSummary([{ id: 'a', ok: true }, { id: 'b', ok: false, code: 'instanceEnded' }])).toEqual({ ok: 1, failed: 1 });
  });

  it('names the repair entries of the journal', () => {
    expect(journalTypeName('InstanceModified')).toBe('调整流转');
    expect(journalTypeName('VariableEdited')).toBe('修改变量');
  });
});

describe('the confirmation dialog', () => {
  it('runs the action only with a reason, trimmed, and closes afterwards', async () => {
    const { repairDialog } = await import('../../../src/features/monitor/repair');
    const reasons: string[] = [];
    let done = 0;
    const dialog = repairDialog({
      title: '撤销案件', testId: 'test-dialog', confirmLabel: '撤销案件', body: '确认？',
      run: async (reason) => { reasons.push(reason); },
      done: () => { done += 1; },
    });
    const form = dialog.querySelector('form')!;
    const reason = dialog.querySelector<HTMLTextAreaElement>('#repair-reason')!;

    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reasons).toEqual([]);
    expect(dialog.textContent).toContain('请填写原因。');

    reason.value = '  重复提交  ';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reasons).toEqual(['重复提交']);
    expect(done).toBe(1);
    expect(document.querySelector('[data-testid=test-dialog]')).toBeNull();
  });

  it('shows the results of a bulk action instead of closing', async () => {
    const { repairDialog, bulkResultsView } = await import('../../../src/features/monitor/repair');
    const dialog = repairDialog({
      title: '批量撤销', testId: 'bulk-test', confirmLabel: '批量撤销', body: null,
      run: async () => bulkResultsView([{ id: 'a', ok: true }, { id: 'b', ok: false, code: 'instanceEnded', message: '该流程实例已结束，不能再取消。' }], (id) => `案件 ${id}`),
      done: () => {},
    });
    dialog.querySelector<HTMLTextAreaElement>('#repair-reason')!.value = '测试';
    dialog.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dialog.querySelector('[data-testid=bulk-results]')?.textContent).toContain('成功 1 件，未成功 1 件。');
    expect(dialog.textContent).toContain('案件 b');
    expect(dialog.textContent).toContain('该流程实例已结束，不能再取消。');
    dialog.remove();
  });
});
