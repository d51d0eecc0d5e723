import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { describe, expect, it } from 'vitest';
import { lintConfig } from '../../../src/features/designer/lint/config';
import { timerValueParses } from '../../../src/features/designer/lint/rules';
import { processXml } from './fixtures';

interface Report {
  id: string;
  message: string;
}

async function lint(xml: string): Promise<Record<string, Report[]>> {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  const { rootElement } = await moddle.fromXML(xml);
  const results = (await new Linter(lintConfig).lint(rootElement)) as Record<string, Report[]>;
  return Object.fromEntries(Object.entries(results).filter(([, reports]) => reports.length > 0));
}

const ids = (reports: Report[] | undefined) => (reports ?? []).map((r) => r.id).sort();

describe('anju/supported-elements', () => {
  it('reports a script task, a signal event and a standard loop, and accepts the supported elements', async () => {
    const results = await lint(
      processXml(`
        <bpmn:startEvent id="start" />
        <bpmn:scriptTask id="script" scriptFormat="js"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
        <bpmn:intermediateCatchEvent id="signal"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>
        <bpmn:serviceTask id="loop" camunda:delegateExpression="\${x}"><bpmn:standardLoopCharacteristics /></bpmn:serviceTask>
        <bpmn:intermediateCatchEvent id="timer"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end"><bpmn:terminateEventDefinition /></bpmn:endEvent>`),
    );
    expect(ids(results['anju/supported-elements'])).toEqual(['loop', 'script', 'signal']);
    expect(results['anju/supported-elements']?.find((r) => r.id === 'script')?.message).toContain('引擎不支持');
  });

  it('reports an event subprocess', async () => {
    const results = await lint(processXml(`<bpmn:subProcess id="events" triggeredByEvent="true"><bpmn:startEvent id="s"><bpmn:messageEventDefinition /></bpmn:startEvent></bpmn:subProcess>`));
    expect(ids(results['anju/supported-elements'])).toContain('events');
  });
});

describe('anju/user-task-assignment', () => {
  it('wants an assignee or candidate groups', async () => {
    const results = await lint(
      processXml(`
        <bpmn:userTask id="nobody" />
        <bpmn:userTask id="person" camunda:assignee="admin" />
        <bpmn:userTask id="group" camunda:candidateGroups="community" />
        <bpmn:userTask id="usersOnly" camunda:candidateUsers="a,b" />`),
    );
    expect(ids(results['anju/user-task-assignment'])).toEqual(['nobody', 'usersOnly']);
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

describe('anju/timer-parses', () => {
  it('reports timers that do not parse or have no single value, on their event', async () => {
    const timer = (id: string, inner: string) =>
      `<bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition>${inner}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
    const results = await lint(
      processXml(
        timer('ok1', '<bpmn:timeDuration>P3D</bpmn:timeDuration>') +
          timer('ok2', '<bpmn:timeCycle>R3/PT10M</bpmn:timeCycle>') +
          timer('ok3', '<bpmn:timeDate>${dueAt}</bpmn:timeDate>') +
          timer('bad1', '<bpmn:timeDuration>3 days</bpmn:timeDuration>') +
          timer('bad2', '') +
          timer('bad3', '<bpmn:timeCycle>R/PT1H/extra/more</bpmn:timeCycle>'),
      ),
    );
    expect(ids(results['anju/timer-parses'])).toEqual(['bad1', 'bad2', 'bad3']);
  });

  it('parses the forms the engine accepts', () => {
    expect(timerValueParses('timeDuration', 'PT1H30M')).toBe(true);
    expect(timerValueParses('timeDuration', 'P')).toBe(false);
    expect(timerValueParses('timeDuration', '${workingDays(3)}')).toBe(true);
    expect(timerValueParses('timeDate', '2027-01-01T08:00:00+08:00')).toBe(true);
    expect(timerValueParses('timeDate', '2027-13-45')).toBe(false);
    expect(timerValueParses('timeCycle', 'R/2027-01-01T00:00:00Z/P1D')).toBe(true);
    expect(timerValueParses('timeCycle', '0 0 9 * * MON-FRI')).toBe(true);
    expect(timerValueParses('timeCycle', 'every day')).toBe(false);
  });
});
