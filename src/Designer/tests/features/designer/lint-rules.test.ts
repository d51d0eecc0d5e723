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
  it('reports a script task, a compensation event and a standard loop, and accepts the supported elements (a process-level conditional start too)', async () => {
    const results = await lint(
      processXml(
        `
        <bpmn:startEvent id="start" />
        <bpmn:scriptTask id="script" scriptFormat="js"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
        <bpmn:startEvent id="conditional"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">\${ready}</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:startEvent>
        <bpmn:intermediateThrowEvent id="compensation"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>
        <bpmn:intermediateCatchEvent id="signal"><bpmn:signalEventDefinition signalRef="Alarm" /></bpmn:intermediateCatchEvent>
        <bpmn:serviceTask id="loop" camunda:delegateExpression="\${x}"><bpmn:standardLoopCharacteristics /></bpmn:serviceTask>
        <bpmn:intermediateCatchEvent id="timer"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end"><bpmn:terminateEventDefinition /></bpmn:endEvent>`,
        `<bpmn:signal id="Alarm" name="暴雨预警" />`,
      ),
    );
    expect(ids(results['anju/supported-elements'])).toEqual(['compensation', 'loop', 'script']);
    expect(results['anju/supported-elements']?.find((r) => r.id === 'script')?.message).toContain('引擎不支持');
  });

});

describe('anju/event-subprocesses', () => {
  it('accepts an event subprocess with an error start and one with a non-interrupting message start, at process level and in a subprocess', async () => {
    const results = await lint(
      processXml(
        `
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="onError" triggeredByEvent="true">
          <bpmn:startEvent id="errorStart"><bpmn:errorEventDefinition errorRef="Failed" /></bpmn:startEvent>
          <bpmn:endEvent id="errorEnd" />
          <bpmn:sequenceFlow id="f1" sourceRef="errorStart" targetRef="errorEnd" />
        </bpmn:subProcess>
        <bpmn:subProcess id="onMessage" triggeredByEvent="true">
          <bpmn:startEvent id="messageStart" isInterrupting="false"><bpmn:messageEventDefinition messageRef="Reminder" /></bpmn:startEvent>
        </bpmn:subProcess>
        <bpmn:subProcess id="outer">
          <bpmn:startEvent id="outerStart" />
          <bpmn:subProcess id="inner" triggeredByEvent="true">
            <bpmn:startEvent id="escalationStart" isInterrupting="false"><bpmn:escalationEventDefinition /></bpmn:startEvent>
          </bpmn:subProcess>
          <bpmn:subProcess id="innerConditional" triggeredByEvent="true">
            <bpmn:startEvent id="conditionalStart"><bpmn:conditionalEventDefinition camunda:variableName="amount"><bpmn:condition xsi:type="bpmn:tFormalExpression">\${amount > 100}</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:startEvent>
          </bpmn:subProcess>
        </bpmn:subProcess>`,
        `<bpmn:error id="Failed" errorCode="FAILED" /><bpmn:message id="Reminder" name="催办" />`,
      ),
    );
    expect(results).toEqual({});
  });

  it('reports, in Chinese, a non-interrupting error start, a none start, two starts, flows, a boundary event and multi-instance', async () => {
    const results = await lint(
      processXml(`
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="onError" triggeredByEvent="true">
          <bpmn:startEvent id="errorStart" isInterrupting="false"><bpmn:errorEventDefinition /></bpmn:startEvent>
        </bpmn:subProcess>
        <bpmn:subProcess id="plain" triggeredByEvent="true"><bpmn:startEvent id="noneStart" /></bpmn:subProcess>
        <bpmn:subProcess id="twoStarts" triggeredByEvent="true">
          <bpmn:startEvent id="a"><bpmn:signalEventDefinition signalRef="Alarm" /></bpmn:startEvent>
          <bpmn:startEvent id="b"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
        </bpmn:subProcess>
        <bpmn:subProcess id="wired" triggeredByEvent="true">
          <bpmn:startEvent id="c"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
          <bpmn:multiInstanceLoopCharacteristics camunda:collection="\${items}" camunda:elementVariable="item" />
        </bpmn:subProcess>
        <bpmn:boundaryEvent id="onWired" attachedToRef="wired"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="toWired" sourceRef="start" targetRef="wired" />`,
        `<bpmn:signal id="Alarm" name="暴雨预警" />`),
    );
    const reports = results['anju/event-subprocesses'] ?? [];
    const messages = (id: string) => reports.filter((r) => r.id === id).map((r) => r.message);
    expect(messages('errorStart')).toEqual(['错误开始事件总是中断所在范围，不能设为非中断（isInterrupting="false"）。']);
    expect(messages('twoStarts')).toEqual(['事件子流程必须有且只有一个开始事件（现有 2 个）。']);
    expect(messages('wired').sort()).toEqual(['事件子流程上不能附加边界事件。', '事件子流程不能是多实例。', '事件子流程不能有进入或离开的顺序流：它由开始事件触发。'].sort());
    expect(ids(reports)).toEqual(['errorStart', 'twoStarts', 'wired', 'wired', 'wired']);
    expect(reports.every((r) => r.category === 'error')).toBe(true);
    // A none start event does not start an event subprocess.
    expect(ids(results['anju/supported-elements'])).toEqual(['noneStart']);
  });
});

describe('anju/conditional-events', () => {
  it('accepts conditional intermediate catch and boundary events (interrupting or not) and variableEvents of create, update, delete; refuses other variableEvents and a catch after an event-based gateway', async () => {
    const condition = `<bpmn:condition xsi:type="bpmn:tFormalExpression">\${approved}</bpmn:condition>`;
    const results = await lint(
      processXml(`
        <bpmn:intermediateCatchEvent id="catch"><bpmn:conditionalEventDefinition camunda:variableName="approved,amount">${condition}</bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="task" camunda:assignee="admin" />
        <bpmn:boundaryEvent id="boundary" attachedToRef="task"><bpmn:conditionalEventDefinition>${condition}</bpmn:conditionalEventDefinition></bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="beside" attachedToRef="task" cancelActivity="false"><bpmn:conditionalEventDefinition>${condition}</bpmn:conditionalEventDefinition></bpmn:boundaryEvent>
        <bpmn:intermediateCatchEvent id="events"><bpmn:conditionalEventDefinition camunda:variableEvents="create, changed">${condition}</bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="listed"><bpmn:conditionalEventDefinition camunda:variableEvents="create, update,delete">${condition}</bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:eventBasedGateway id="gateway" />
        <bpmn:intermediateCatchEvent id="afterGateway"><bpmn:conditionalEventDefinition>${condition}</bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="timer"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="g1" sourceRef="gateway" targetRef="afterGateway" />
        <bpmn:sequenceFlow id="g2" sourceRef="gateway" targetRef="timer" />`),
    );
    expect(results['anju/supported-elements']).toBeUndefined();
    const reports = results['anju/conditional-events'] ?? [];
    expect(ids(reports)).toEqual(['afterGateway', 'events']);
    expect(reports.find((r) => r.id === 'afterGateway')?.message).toBe('事件网关之后不能是条件中间捕获事件。');
    expect(reports.find((r) => r.id === 'events')?.message).toContain('变量事件只能填 create（新建）、update（修改）、delete（删除）');
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

  it('reports, in Chinese, a signal event without a signal, a signal without a name, an expression as the name of a process signal start (not of a throw) and camunda:async', async () => {
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
    expect(ids(reports)).toEqual(['async', 'dangling', 'expression', 'noRef', 'unnamed']);
    const message = (id: string) => reports.find((r) => r.id === id)?.message;
    expect(message('noRef')).toBe('信号事件必须选择一个信号（信号定义，signalRef）。');
    expect(message('dangling')).toBe(message('noRef'));
    expect(message('unnamed')).toBe('信号“NoName”没有名称；抛出和捕获按名称对应。');
    expect(message('expression')).toBe('信号名称“预警-\${district}”是表达式：流程的信号开始事件启动新案件，此时还没有变量可用来求值；请使用固定名称。');
    expect(message('async')).toContain('camunda:async');
    expect(reports.every((r) => r.category === 'error')).toBe(true);
    // Signal events themselves are supported now.
    expect(results['anju/supported-elements']).toBeUndefined();
  });
});

describe('anju/refused-extensions', () => {
  it('reports, in Chinese, DMN, a connector, field injection, script and update listeners and a script parameter, where the server refuses them', async () => {
    const results = await lint(
      processXml(`
        <bpmn:businessRuleTask id="dmn" camunda:decisionRef="scoring" />
        <bpmn:serviceTask id="connector">
          <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:sendTask id="fields" camunda:class="notify">
          <bpmn:extensionElements><camunda:field name="url"><camunda:string>https://example.org</camunda:string></camunda:field></bpmn:extensionElements>
        </bpmn:sendTask>
        <bpmn:userTask id="listeners" camunda:assignee="admin">
          <bpmn:extensionElements>
            <camunda:executionListener event="start"><camunda:script scriptFormat="js">1</camunda:script></camunda:executionListener>
            <camunda:taskListener event="update" expression="\${true}" />
            <camunda:taskListener event="create" delegateExpression="\${notifier}"><camunda:field name="to" stringValue="admin" /></camunda:taskListener>
          </bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:endEvent id="parameters">
          <bpmn:extensionElements>
            <camunda:inputOutput>
              <camunda:inputParameter name="note">\${reason}</camunda:inputParameter>
              <camunda:inputParameter name="computed"><camunda:script scriptFormat="js">1</camunda:script></camunda:inputParameter>
              <camunda:inputParameter name="nested"><camunda:map><camunda:entry key="a"><camunda:list><camunda:script scriptFormat="js">2</camunda:script></camunda:list></camunda:entry></camunda:map></camunda:inputParameter>
            </camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:endEvent>`),
    );
    const reports = results['anju/refused-extensions'] ?? [];
    const messages = (id: string) => reports.filter((r) => r.id === id).map((r) => r.message);
    expect(messages('dmn')).toEqual(['引擎不执行 DMN 决策（camunda:decisionRef）：请改用处理程序（处理程序类、表达式或委托表达式）或外部任务。']);
    expect(messages('connector')).toEqual(['引擎不支持连接器（camunda:connector）：请改用处理程序或外部任务。']);
    expect(messages('fields')).toEqual(['引擎不支持字段注入（camunda:field）：请把值作为扩展属性（camunda:properties）交给处理程序。']);
    expect(messages('listeners')).toEqual([
      '执行监听器写成了脚本（camunda:script），引擎不支持：脚本无法沙箱化，请改用表达式、委托表达式或处理程序类。',
      '引擎不支持 update 事件的任务监听器：请改用 assignment 或 complete 监听器。',
      '任务监听器中的字段注入（camunda:field）不受支持：请把值作为元素的扩展属性（camunda:properties）交给处理程序。',
    ]);
    expect(messages('parameters')).toEqual([
      '参数“computed”的值是脚本（camunda:script），引擎不支持：脚本无法沙箱化，请改用表达式。',
      '参数“nested”的值是脚本（camunda:script），引擎不支持：脚本无法沙箱化，请改用表达式。',
    ]);
    expect(reports.every((r) => r.category === 'error')).toBe(true);
    // DMN is said once, in Chinese, by this rule.
    expect(results['anju/supported-elements']).toBeUndefined();
  });

  it('accepts what the engine runs, and leaves to the server’s warning what has no effect where it stands', async () => {
    const results = await lint(
      processXml(`
        <bpmn:serviceTask id="handler" camunda:delegateExpression="\${notifier}">
          <bpmn:extensionElements>
            <camunda:properties><camunda:property name="to" value="admin" /></camunda:properties>
            <camunda:executionListener event="end" expression="\${journal.note(execution)}" />
            <camunda:taskListener event="update" expression="\${true}" />
            <camunda:inputOutput><camunda:inputParameter name="people"><camunda:list><camunda:value>a</camunda:value></camunda:list></camunda:inputParameter></camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:businessRuleTask id="external" camunda:type="external" camunda:topic="score" />
        <bpmn:parallelGateway id="gateway">
          <bpmn:extensionElements>
            <camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="js">1</camunda:script></camunda:inputParameter></camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:parallelGateway>
        <bpmn:userTask id="task" camunda:assignee="admin">
          <bpmn:extensionElements><camunda:field name="ignored" stringValue="x" /></bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:businessRuleTask id="dmn" camunda:decisionRef="scoring" />`),
    );
    // Only the DMN task: a task listener on a service task, a mapping on a gateway and a field on a user task have no
    // effect there (the server deploys them with a warning).
    expect(ids(results['anju/refused-extensions'])).toEqual(['dmn']);
    expect(Object.keys(results)).toEqual(['anju/refused-extensions']);
  });
  it('reports, in Chinese, script conditions on sequence flows (not JUEL ones) and the errors of an external task', async () => {
    const results = await lint(
      processXml(
        `
        <bpmn:exclusiveGateway id="choose" />
        <bpmn:endEvent id="a" /><bpmn:endEvent id="b" /><bpmn:endEvent id="c" />
        <bpmn:sequenceFlow id="script" sourceRef="choose" targetRef="a"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">x &gt; 1</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="juel" sourceRef="choose" targetRef="b"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="JUEL">\${x &gt; 1}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="expression" sourceRef="choose" targetRef="c"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${x &lt;= 1}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:serviceTask id="worker" camunda:type="external" camunda:topic="check">
          <bpmn:extensionElements><camunda:errorEventDefinition id="late" errorRef="Late" expression="\${late}" /></bpmn:extensionElements>
        </bpmn:serviceTask>`,
        `<bpmn:error id="Late" errorCode="LATE" />`,
      ),
    );
    const reports = results['anju/refused-extensions'] ?? [];
    expect(reports.map((r) => [r.id, r.message])).toEqual([
      ['script', '顺序流的条件是脚本（语言 javascript），引擎不支持：脚本无法沙箱化，请改用 ${…} 表达式。'],
      ['worker', '引擎不支持外部任务的错误定义（camunda:errorEventDefinition）：请让外部工作者报告 BPMN 错误，由错误边界事件捕获。'],
    ]);
    expect(Object.keys(results)).toEqual(['anju/refused-extensions']);
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
