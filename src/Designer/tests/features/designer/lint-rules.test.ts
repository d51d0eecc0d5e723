import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { describe, expect, it } from 'vitest';
import { lintConfig } from '../../../src/features/designer/lint/config';
import { processXml } from './fixtures';

interface Report {
  id: string;
  message: string;
  category?: string;
}

async function lint(xml: string): Promise<Record<string, Report[]>> {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  const { rootElement } = await moddle.fromXML(xml);
  const results = (await new Linter(lintConfig).lint(rootElement)) as Record<string, Report[]>;
  return Object.fromEntries(Object.entries(results).filter(([, reports]) => reports.length > 0));
}

const ids = (reports: Report[] | undefined) => (reports ?? []).map((r) => r.id).sort();

describe('anju/supported-elements', () => {
  it('reports a script task, a conditional event, a compensation event and a standard loop, and accepts the supported elements', async () => {
    const results = await lint(
      processXml(
        `
        <bpmn:startEvent id="start" />
        <bpmn:scriptTask id="script" scriptFormat="js"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
        <bpmn:intermediateCatchEvent id="conditional"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateThrowEvent id="compensation"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>
        <bpmn:intermediateCatchEvent id="signal"><bpmn:signalEventDefinition signalRef="Alarm" /></bpmn:intermediateCatchEvent>
        <bpmn:serviceTask id="loop" camunda:delegateExpression="\${x}"><bpmn:standardLoopCharacteristics /></bpmn:serviceTask>
        <bpmn:intermediateCatchEvent id="timer"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end"><bpmn:terminateEventDefinition /></bpmn:endEvent>`,
        `<bpmn:signal id="Alarm" name="暴雨预警" />`,
      ),
    );
    expect(ids(results['anju/supported-elements'])).toEqual(['compensation', 'conditional', 'loop', 'script']);
    expect(results['anju/supported-elements']?.find((r) => r.id === 'conditional')?.message).toContain('not implemented');
    expect(results['anju/supported-elements']?.find((r) => r.id === 'script')?.message).toContain('引擎不支持');
  });

  it('reports an event subprocess', async () => {
    const results = await lint(processXml(`<bpmn:subProcess id="events" triggeredByEvent="true"><bpmn:startEvent id="s"><bpmn:messageEventDefinition /></bpmn:startEvent></bpmn:subProcess>`));
    expect(ids(results['anju/supported-elements'])).toContain('events');
  });
});

describe('anju/signal-events', () => {
  it('accepts signal start, catch, throw, end and boundary events whose signal has a fixed name', async () => {
    const results = await lint(
      processXml(
        `
        <bpmn:startEvent id="start"><bpmn:signalEventDefinition signalRef="Alarm" /></bpmn:startEvent>
        <bpmn:intermediateCatchEvent id="catch"><bpmn:signalEventDefinition signalRef="Alarm" /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateThrowEvent id="throw"><bpmn:signalEventDefinition signalRef="Alarm" /></bpmn:intermediateThrowEvent>
        <bpmn:userTask id="task" camunda:assignee="admin" />
        <bpmn:boundaryEvent id="boundary" attachedToRef="task" cancelActivity="false"><bpmn:signalEventDefinition signalRef="Alarm" /></bpmn:boundaryEvent>
        <bpmn:endEvent id="end"><bpmn:signalEventDefinition signalRef="Alarm" /></bpmn:endEvent>`,
        `<bpmn:signal id="Alarm" name="暴雨预警" />`,
      ),
    );
    expect(results).toEqual({});
  });

  it('reports, in Chinese, a signal event without a signal, a signal without a name, an expression as name and camunda:async', async () => {
    const results = await lint(
      processXml(
        `
        <bpmn:intermediateThrowEvent id="noRef"><bpmn:signalEventDefinition /></bpmn:intermediateThrowEvent>
        <bpmn:intermediateCatchEvent id="dangling"><bpmn:signalEventDefinition signalRef="Nothing" /></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="unnamed"><bpmn:signalEventDefinition signalRef="NoName" /></bpmn:endEvent>
        <bpmn:startEvent id="expression"><bpmn:signalEventDefinition signalRef="ByVariable" /></bpmn:startEvent>
        <bpmn:intermediateThrowEvent id="hash"><bpmn:signalEventDefinition signalRef="ByHash" /></bpmn:intermediateThrowEvent>
        <bpmn:intermediateThrowEvent id="async"><bpmn:signalEventDefinition signalRef="Alarm" camunda:async="true" /></bpmn:intermediateThrowEvent>
        <bpmn:intermediateThrowEvent id="fine"><bpmn:signalEventDefinition signalRef="Alarm" /></bpmn:intermediateThrowEvent>`,
        `<bpmn:signal id="Alarm" name="暴雨预警" />
         <bpmn:signal id="NoName" />
         <bpmn:signal id="ByVariable" name="预警-\${district}" />
         <bpmn:signal id="ByHash" name="#{kind}" />`,
      ),
    );
    const reports = results['anju/signal-events'] ?? [];
    expect(ids(reports)).toEqual(['async', 'dangling', 'expression', 'hash', 'noRef', 'unnamed']);
    const message = (id: string) => reports.find((r) => r.id === id)?.message;
    expect(message('noRef')).toBe('信号事件必须选择一个信号（信号定义，signalRef）。');
    expect(message('dangling')).toBe(message('noRef'));
    expect(message('unnamed')).toBe('信号“NoName”没有名称；抛出和捕获按名称对应。');
    expect(message('expression')).toBe('信号名称“预警-\${district}”是表达式，引擎暂不支持；请使用固定名称。');
    expect(message('async')).toContain('camunda:async');
    expect(reports.every((r) => r.category === 'error')).toBe(true);
    // Signal events themselves are supported now.
    expect(results['anju/supported-elements']).toBeUndefined();
  });
});

describe('anju/user-task-assignment', () => {
  it('warns (as the server does) when there is no assignee, candidate user or candidate group', async () => {
    const results = await lint(
      processXml(`
        <bpmn:userTask id="nobody" />
        <bpmn:userTask id="person" camunda:assignee="admin" />
        <bpmn:userTask id="group" camunda:candidateGroups="community" />
        <bpmn:userTask id="usersOnly" camunda:candidateUsers="a,b" />`),
    );
    expect(ids(results['anju/user-task-assignment'])).toEqual(['nobody']);
    expect(results['anju/user-task-assignment']?.[0]?.category).toBe('warn');
  });
});

describe('anju/exclusive-gateway-conditions', () => {
  it('wants a condition or the default on every outgoing flow of a split', async () => {
    const results = await lint(
      processXml(`
        <bpmn:exclusiveGateway id="bad" />
        <bpmn:exclusiveGateway id="good" default="g2" />
        <bpmn:exclusiveGateway id="single" />
        <bpmn:task id="a" /><bpmn:task id="b" /><bpmn:task id="c" />
        <bpmn:sequenceFlow id="b1" sourceRef="bad" targetRef="a"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="b2" sourceRef="bad" targetRef="b" />
        <bpmn:sequenceFlow id="g1" sourceRef="good" targetRef="a"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="g2" sourceRef="good" targetRef="b" />
        <bpmn:sequenceFlow id="s1" sourceRef="single" targetRef="c" />`),
    );
    expect(ids(results['anju/exclusive-gateway-conditions'])).toEqual(['bad']);
    expect(results['anju/exclusive-gateway-conditions']?.[0]?.message).toContain('b2');
  });
});
