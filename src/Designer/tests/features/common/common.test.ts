import { describe, expect, it } from 'vitest';
import { caseInfo, displayValue, labelsFromXml, startFormFromXml } from '../../../src/features/common/caseinfo';
import { dueState } from '../../../src/features/common/due';
import { dueBadge } from '../../../src/features/tasks/inbox';
import { activityNames, journalTypeName } from '../../../src/features/monitor/instance';

const xml = `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
  <bpmn:process id="p" name="投诉处理">
    <bpmn:startEvent id="filed" name="业主投诉"><bpmn:extensionElements><camunda:formData>
      <camunda:formField id="title" label="标题" type="string" />
    </camunda:formData></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:userTask id="accept" name="社区受理"><bpmn:extensionElements><camunda:formData>
      <camunda:formField id="decision" label="受理意见" type="enum"><camunda:value id="accept" name="受理，派物业办理" /></camunda:formField>
    </camunda:formData></bpmn:extensionElements></bpmn:userTask>
  </bpmn:process>
</bpmn:definitions>`;

describe('due dates', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  it('is overdue after the due time and due soon within 24 hours', () => {
    expect(dueState('2026-11-26T11:59:00Z', now)).toBe('overdue');
    expect(dueState('2026-11-27T11:00:00Z', now)).toBe('soon');
    expect(dueState('2026-11-28T12:00:00Z', now)).toBeNull();
    expect(dueState(null, now)).toBeNull();
  });

  it('shows a red badge for overdue and an amber one for due soon', () => {
    expect(dueBadge(new Date(Date.now() - 60_000).toISOString())?.className).toContain('badge-overdue');
    expect(dueBadge(new Date(Date.now() + 3_600_000).toISOString())?.textContent).toBe('即将到期');
    expect(dueBadge(new Date(Date.now() + 5 * 86_400_000).toISOString())).toBeNull();
  });
});

describe('case details', () => {
  it('takes labels and choice names from the form fields of the definition', () => {
    const labels = labelsFromXml(xml);
    expect(labels.get('decision')?.label).toBe('受理意见');
    expect(displayValue('accept', labels.get('decision')?.choices)).toBe('受理，派物业办理');
    expect(startFormFromXml(xml).map((f) => f.getAttribute('id'))).toEqual(['title']);
  });

  it('shows only labelled variables, in Chinese, and hides technical ones', () => {
    const dl = caseInfo({ decision: 'accept', description: '漏水', initiator: 'owner.li', urgent: false, nested: { a: 1 } }, labelsFromXml(xml))!;
    expect(dl.textContent).toContain('受理意见受理，派物业办理');
    expect(dl.textContent).toContain('问题描述漏水');
    expect(dl.textContent).toContain('紧急否');
    expect(dl.textContent).not.toContain('owner.li');
    expect(caseInfo({ initiator: 'x' }, new Map())).toBeNull();
  });

  it('names steps from BPMN elements only (not from choices with the same id)', () => {
    const names = activityNames(xml);
    expect(names.get('accept')).toBe('社区受理');
    expect(names.get('filed')).toBe('业主投诉');
  });

  it('names journal events in Chinese, unknown ones generically', () => {
    expect(journalTypeName('TaskCompleted')).toBe('办理提交');
    expect(journalTypeName('SomethingNew')).toBe('其他事件');
  });
});
