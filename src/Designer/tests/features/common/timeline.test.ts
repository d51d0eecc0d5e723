import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../src/app/dom';
import { displayValue } from '../../../src/features/common/caseinfo';
import { handlerOf, renderNext, renderTimeline, residentStatus, returnedBanner, type Timeline } from '../../../src/features/common/timeline';
import { filingFieldIds, filingValues, timelineFiles } from '../../../src/features/portal/case-view';

// A complaint as GET /api/instances/{id}/timeline tells it (times in UTC, as the server sends them).
const timeline: Timeline = {
  instanceId: 'i-1',
  caseNumber: 'TS-2026-000123',
  status: 'active',
  startedAt: '2026-12-07T01:05:00Z',
  endedAt: null,
  items: [
    { kind: 'filed', at: '2026-12-07T01:05:00Z', by: '业主 李先生' },
    { kind: 'attachment', at: '2026-12-07T01:06:00Z', by: '业主 李先生', fileName: '楼道漏水.png', contentType: 'image/png', url: '/api/attachments/a-1', attachmentId: 'a-1' },
    { kind: 'comment', at: '2026-12-07T02:00:00Z', step: '社区受理', by: '黄山社区 李主任', text: '已电话联系业主。' },
    { kind: 'done', at: '2026-12-07T02:01:00Z', step: '社区受理', by: '黄山社区 李主任', outcome: '受理，派物业办理' },
    { kind: 'done', at: '2026-12-07T06:30:00Z', step: '物业处理', by: null, noteLabel: '处理结果', note: '已更换排水管。' },
    { kind: 'returned', at: '2026-12-07T16:10:00Z', fromStep: '社区核实', toStep: '物业处理', by: '黄山社区 李主任', reason: '现场仍有渗水' },
    { kind: 'delegated', at: '2026-12-07T16:20:00Z', step: '物业处理', from: '滨江物业 陈经理', to: '滨江物业 王师傅', by: '滨江物业 陈经理', reason: '王师傅负责3幢' },
  ],
  current: [{
    taskId: 't-9', step: '物业处理', handler: null, roles: ['property-firm'], dueAt: '2026-12-10T10:00:00Z', dueIsEstimate: false, yours: false,
    returned: { from: '社区核实', reason: '现场仍有渗水', by: '黄山社区 李主任', at: '2026-12-07T16:10:00Z' },
  }],
};

describe('formatDateTime', () => {
  it('shows Beijing time whatever the browser zone, never UTC', () => {
    expect(formatDateTime('2026-12-07T02:00:00Z')).toBe('2026-12-07 10:00');
    expect(formatDateTime('2026-12-07T16:10:00Z')).toBe('2026-12-08 00:10');
    expect(formatDateTime('2026-12-07T10:00:00+08:00')).toBe('2026-12-07 10:00');
  });

  it('turns a UTC moment among the case details into Beijing time', () => {
    expect(displayValue('2026-12-07T16:10:00Z')).toBe('2026-12-08 00:10');
    expect(displayValue('2026-03-01T09:30')).toBe('2026-03-01 09:30');
  });
});

describe('the case timeline', () => {
  it('tells each step in names and Beijing time, with the reasons of 退回 and 转办', () => {
    const list = renderTimeline(timeline);
    const text = list.textContent ?? '';

    expect(list.querySelectorAll('li')).toHaveLength(7);
    expect([...list.querySelectorAll('li')].map((li) => li.getAttribute('data-kind'))).toEqual(['filed', 'attachment', 'comment', 'done', 'done', 'returned', 'delegated']);
    expect(text).toContain('业主 李先生 · 2026-12-07 09:05');
    expect(text).toContain('「社区受理」已办理');
    expect(text).toContain('结果：受理，派物业办理');
    expect(text).toContain('处理结果：已更换排水管。');
    expect(text).toContain('工作人员 · 2026-12-07 14:30'); // no display name: no username either
    expect(text).toContain('从「社区核实」退回到「物业处理」');
    expect(text).toContain('理由：现场仍有渗水');
    expect(text).toContain('「物业处理」由 滨江物业 陈经理 转交 滨江物业 王师傅 办理');
    expect(text).toContain('办理意见（社区受理）');
    expect(text).toContain('已电话联系业主。');
    expect(list.querySelector('a.file-name')?.getAttribute('href')).toBe('/api/attachments/a-1');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|Z\b|UTC/);
  });

  it('says what happens next, by whom and by when; the reader\'s own step first person', () => {
    const next = renderNext(timeline).textContent ?? '';
    expect(next).toContain('「物业处理」，由物业服务企业办理');
    expect(next).toContain('预计 2026-12-10 18:00 前完成');

    const mine = renderNext({ status: 'active', current: [{ ...timeline.current[0]!, step: '业主评价', handler: '业主 李先生', yours: true }] }).textContent ?? '';
    expect(mine).toContain('请您办理：「业主评价」');
    expect(mine).toContain('请于 2026-12-10 18:00 前完成');
    const own = { status: 'active', current: [{ ...timeline.current[0]!, step: '业主评价', yours: true }] };
    expect(renderNext(own).querySelector('[data-testid=timeline-go]')?.getAttribute('href')).toBe('#/tasks/t-9');
    expect(renderNext(own, { hideTaskLink: true }).querySelector('[data-testid=timeline-go]')).toBeNull();

    expect(renderNext({ status: 'completed', current: [] }).textContent).toContain('案件已结束');
    expect(handlerOf({ ...timeline.current[0]!, roles: ['community', 'street-office'] })).toBe('社区居委会或镇（街）园区');
    expect(handlerOf({ ...timeline.current[0]!, roles: [] })).toBe('工作人员');
  });

  it('names how a case closed, without repeating 办结', () => {
    const closed = (outcome: string | null) => renderTimeline({ items: [{ kind: 'closed', at: '2026-12-07T02:00:00Z', outcome }] }).querySelector('strong')?.textContent;
    expect(closed('办结')).toBe('办结');
    expect(closed('不予受理')).toBe('办结：不予受理');
    expect(closed(null)).toBe('办结');
  });

  it('puts a failed case in plain Chinese, never 异常', () => {
    expect(residentStatus({ status: 'incident', items: [{ kind: 'filed' }] })).toBe('提交未成功，已通知管理员');
    expect(residentStatus({ status: 'incident', items: [{ kind: 'filed' }, { kind: 'done' }] })).toBe('办理中遇到问题，已通知管理员');
    expect(residentStatus({ status: 'incident' })).toBe('遇到问题，已通知管理员');
    expect(residentStatus({ status: 'completed', items: [] })).toBe('已办结');
    expect(residentStatus({ status: 'terminated', items: [] })).toBe('已撤销');
  });

  it('shows the reason of a 退回 at the top of the returned task', () => {
    const banner = returnedBanner(timeline.current[0]!.returned!);
    expect(banner.getAttribute('data-testid')).toBe('returned-banner');
    expect(banner.textContent).toContain('由「社区核实」退回');
    expect(banner.textContent).toContain('理由：现场仍有渗水');
    expect(banner.textContent).toContain('黄山社区 李主任 · 2026-12-08 00:10');
  });
});

describe('the resident case page', () => {
  const xml = `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
  <bpmn:process id="complaint-handling">
    <bpmn:startEvent id="filed"><bpmn:extensionElements><camunda:formData>
      <camunda:formField id="category" label="投诉类别" type="enum" />
      <camunda:formField id="description" label="问题描述" type="string" />
    </camunda:formData></bpmn:extensionElements></bpmn:startEvent>
  </bpmn:process>
</bpmn:definitions>`;

  it('shows only the filing\'s own fields, not the procedure\'s technical variables', () => {
    const ids = filingFieldIds('complaint-handling', xml);
    expect(ids).toEqual(['category', 'description']);
    expect(filingValues({ category: 'facilities', description: '漏水', dispatchCount: 2, firmDueAt: '2026-12-10T10:00:00Z', hasCommittee: true }, ids))
      .toEqual({ category: 'facilities', description: '漏水' });
    expect(filingFieldIds('complaint-handling', '')).toEqual(['category', 'description', 'location', 'contact']);
  });

  it('lists the photos with thumbnails, by time, never by username', () => {
    const files = timelineFiles(timeline.items);
    expect(files.querySelectorAll('img')).toHaveLength(1);
    expect(files.textContent).toContain('楼道漏水.png');
    expect(files.textContent).toContain('2026-12-07 09:06');
  });
});
