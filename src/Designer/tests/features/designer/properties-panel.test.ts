import { afterEach, describe, expect, it } from 'vitest';
import { missing } from '../../../src/features/designer/modeler/translate';
import { diagramXml, mountPanel, settle, type Panel } from './panel-harness';

// The designer's properties panel in Chinese, edited as an administrator would, and the XML bpmn-js writes from it.
let panel: Panel | undefined;

/** The panel on `diagramXml(body, extra)`, changed by `edit` (e.g. to draw sequence flows, which diagramXml leaves out). */
async function open(body: string, extra = '', edit = (xml: string) => xml): Promise<Panel> {
  missing.clear();
  panel = await mountPanel(edit(diagramXml(body, extra)));
  return panel;
}

afterEach(() => {
  panel?.destroy();
  panel = undefined;
  // Every label, description and option those panels showed has a Chinese text.
  expect([...missing], 'English strings in the panel').toEqual([]);
});

/** The start tag of the element with `id` in `xml`, e.g. to check its attributes in any order. */
function tag(xml: string, id: string): string {
  return new RegExp(`<[\\w:]+ id="${id}"[^>]*>`).exec(xml)?.[0] ?? '';
}

describe('link events', () => {
  it('edit the link name as 链接名称 and write it on the link definition', async () => {
    const p = await open(`
      <bpmn:intermediateThrowEvent id="Throw"><bpmn:linkEventDefinition id="ThrowLink" /></bpmn:intermediateThrowEvent>
      <bpmn:intermediateCatchEvent id="Catch"><bpmn:linkEventDefinition id="CatchLink" name="转复核" /></bpmn:intermediateCatchEvent>`);
    await p.select('Catch');
    expect(p.field('链接名称', 'link').value).toBe('转复核');
    expect(p.root('link').textContent).toContain('同名的链接捕获事件');

    await p.select('Throw');
    expect(p.labels('link')).toEqual(['链接名称']);
    await p.type('链接名称', '转复核', 'link');
    expect(tag(await p.xml(), 'ThrowLink')).toContain('name="转复核"');
  });
});

describe('escalation events', () => {
  it('an escalation end event gets a new escalation from the panel, with 升级名称 and 升级代码 on the root bpmn:escalation', async () => {
    const p = await open(`<bpmn:endEvent id="End"><bpmn:escalationEventDefinition id="EndEscalation" /></bpmn:endEvent>`);
    await p.select('End');
    await p.choose('升级定义', 'create-new', 'escalation');
    expect(p.labels('escalation')).toEqual(['升级定义', '升级名称', '升级代码']);
    await p.type('升级代码', 'LATE', 'escalation');
    await p.type('升级名称', '逾期上报', 'escalation');

    const xml = await p.xml();
    const escalation = /<bpmn:escalation id="([^"]+)"[^>]*>/.exec(xml);
    expect(escalation?.[0]).toContain('escalationCode="LATE"');
    expect(escalation?.[0]).toContain('name="逾期上报"');
    expect(tag(xml, 'EndEscalation')).toContain(`escalationRef="${escalation?.[1]}"`);
  });

  it('an escalation boundary event on a subprocess shows its code, no code variable, and 中断所附活动 writes cancelActivity', async () => {
    const p = await open(
      `<bpmn:subProcess id="Sub" />
       <bpmn:boundaryEvent id="Boundary" attachedToRef="Sub"><bpmn:escalationEventDefinition id="BoundaryEscalation" escalationRef="Late" /></bpmn:boundaryEvent>`,
      `<bpmn:escalation id="Late" name="逾期上报" escalationCode="LATE" />`,
    );
    await p.select('Boundary');
    expect(p.field('升级代码', 'escalation').value).toBe('LATE');
    expect(p.labels('escalation')).not.toContain('代码变量');
    expect(p.field('中断所附活动', 'escalation').checked).toBe(true);

    await p.check('中断所附活动', false, 'escalation');
    expect(tag(await p.xml(), 'Boundary')).toContain('cancelActivity="false"');
    expect(p.field('中断所附活动', 'escalation').checked).toBe(false);
    await p.check('中断所附活动', true, 'escalation');
    expect(tag(await p.xml(), 'Boundary')).not.toContain('cancelActivity="false"');
  });

  it('message and timer boundary events have the interrupting switch, an error boundary event does not', async () => {
    const p = await open(
      `<bpmn:userTask id="Task" />
       <bpmn:boundaryEvent id="OnMessage" attachedToRef="Task" cancelActivity="false"><bpmn:messageEventDefinition id="M" /></bpmn:boundaryEvent>
       <bpmn:boundaryEvent id="OnError" attachedToRef="Task"><bpmn:errorEventDefinition id="E" /></bpmn:boundaryEvent>`,
    );
    await p.select('OnMessage');
    expect(p.field('中断所附活动', 'message').checked).toBe(false);
    await p.select('OnError');
    expect(p.labels()).not.toContain('中断所附活动');
  });
});

describe('signal events', () => {
  it('a signal throw event gets a new signal from the panel, named as 信号名称 on the root bpmn:signal, with what a signal does', async () => {
    const p = await open(`<bpmn:intermediateThrowEvent id="Throw"><bpmn:signalEventDefinition id="ThrowSignal" /></bpmn:intermediateThrowEvent>`);
    await p.select('Throw');
    expect(p.labels('signal')).toEqual(['信号定义']);
    await p.choose('信号定义', 'create-new', 'signal');
    expect(p.labels('signal')).toEqual(['信号定义', '信号名称']);
    expect(p.root('signal').textContent).toContain('信号按此名称广播给抛出方辖区内所有等待它的案件，并启动以同名信号开始事件开始的流程。');
    await p.type('信号名称', '暴雨预警', 'signal');

    const xml = await p.xml();
    const signal = /<bpmn:signal id="([^"]+)" name="暴雨预警" \/>/.exec(xml);
    expect(signal, xml).not.toBeNull();
    expect(tag(xml, 'ThrowSignal')).toContain(`signalRef="${signal?.[1]}"`);
  });

  it('a signal catch event chooses among the signals of the file and shows the chosen one’s name', async () => {
    const p = await open(
      `<bpmn:intermediateCatchEvent id="Catch"><bpmn:signalEventDefinition id="CatchSignal" /></bpmn:intermediateCatchEvent>`,
      `<bpmn:signal id="Storm" name="暴雨预警" /><bpmn:signal id="AllClear" name="解除预警" />`,
    );
    await p.select('Catch');
    expect(p.options('信号定义', 'signal')).toEqual(['', 'create-new', 'Storm', 'AllClear']);
    await p.choose('信号定义', 'AllClear', 'signal');
    expect(p.field('信号名称', 'signal').value).toBe('解除预警');
    expect(tag(await p.xml(), 'CatchSignal')).toContain('signalRef="AllClear"');
  });

  it('a signal boundary event on a user task has 中断所附活动, which writes cancelActivity', async () => {
    const p = await open(
      `<bpmn:userTask id="Task" camunda:assignee="admin" />
       <bpmn:boundaryEvent id="Boundary" attachedToRef="Task"><bpmn:signalEventDefinition id="BoundarySignal" signalRef="Storm" /></bpmn:boundaryEvent>`,
      `<bpmn:signal id="Storm" name="暴雨预警" />`,
    );
    await p.select('Boundary');
    expect(p.field('信号名称', 'signal').value).toBe('暴雨预警');
    expect(p.field('中断所附活动', 'signal').checked).toBe(true);

    await p.check('中断所附活动', false, 'signal');
    expect(tag(await p.xml(), 'Boundary')).toContain('cancelActivity="false"');
    expect(p.field('中断所附活动', 'signal').checked).toBe(false);
    await p.check('中断所附活动', true, 'signal');
    expect(tag(await p.xml(), 'Boundary')).not.toContain('cancelActivity="false"');
  });

  it('signal throw and end events offer no in mappings (no variables go with a thrown signal) unless the file has one', async () => {
    const inMappingGroups = (p: Panel) =>
      [...p.root().querySelectorAll('[data-group-id]')].map((g) => g.getAttribute('data-group-id')).filter((id) => id?.includes('InMapping'));
    const p = await open(
      `<bpmn:intermediateThrowEvent id="Throw"><bpmn:signalEventDefinition id="S1" signalRef="Storm" /></bpmn:intermediateThrowEvent>
       <bpmn:endEvent id="End"><bpmn:signalEventDefinition id="S2" signalRef="Storm" /></bpmn:endEvent>
       <bpmn:endEvent id="OldEnd">
         <bpmn:signalEventDefinition id="S3" signalRef="Storm">
           <bpmn:extensionElements><camunda:in variables="all" /></bpmn:extensionElements>
         </bpmn:signalEventDefinition>
       </bpmn:endEvent>
       <bpmn:callActivity id="Call" calledElement="other" />`,
      `<bpmn:signal id="Storm" name="暴雨预警" />`,
    );
    await p.select('Throw');
    expect(inMappingGroups(p)).toEqual([]);
    expect(p.labels()).not.toContain('传递所有变量');
    await p.select('End');
    expect(inMappingGroups(p)).toEqual([]);
    // What a file has stays visible, to be taken away.
    await p.select('OldEnd');
    expect(inMappingGroups(p)).toEqual(['group-CamundaPlatform__InMappingPropagation', 'group-CamundaPlatform__InMapping']);
    // A call activity keeps Camunda's in mappings (the engine runs them there).
    await p.select('Call');
    expect(inMappingGroups(p)).toContain('group-CamundaPlatform__InMapping');
  });

  it('a signal (or timer) start event offers no start form, which the engine refuses there; a none start event does', async () => {
    const formGroups = (p: Panel) =>
      [...p.root().querySelectorAll('[data-group-id]')].map((g) => g.getAttribute('data-group-id')).filter((id) => id?.includes('__Form'));
    const p = await open(
      `<bpmn:startEvent id="OnSignal"><bpmn:signalEventDefinition id="S1" signalRef="Storm" /></bpmn:startEvent>
       <bpmn:startEvent id="OnTimer"><bpmn:timerEventDefinition id="T1" /></bpmn:startEvent>
       <bpmn:startEvent id="OldForm" camunda:formKey="embedded:app:start.html"><bpmn:signalEventDefinition id="S2" signalRef="Storm" /></bpmn:startEvent>
       <bpmn:startEvent id="Plain" />`,
      `<bpmn:signal id="Storm" name="暴雨预警" />`,
    );
    await p.select('OnSignal');
    expect(formGroups(p)).toEqual([]);
    expect(p.labels('signal')).toEqual(['信号定义', '信号名称']);
    await p.select('OnTimer');
    expect(formGroups(p)).toEqual([]);
    // What a file has stays visible, to be taken away.
    await p.select('OldForm');
    expect(formGroups(p)).toEqual(['group-CamundaPlatform__Form']);
    await p.select('Plain');
    expect(formGroups(p)).toEqual(['group-CamundaPlatform__Form']);
  });

  it('signal events offer the asynchronous continuations the engine runs, after a signal end event too', async () => {
    const p = await open(
      `<bpmn:startEvent id="Start"><bpmn:signalEventDefinition id="S1" signalRef="Storm" /></bpmn:startEvent>
       <bpmn:intermediateThrowEvent id="Throw"><bpmn:signalEventDefinition id="S2" signalRef="Storm" /></bpmn:intermediateThrowEvent>
       <bpmn:endEvent id="End"><bpmn:signalEventDefinition id="S3" signalRef="Storm" /></bpmn:endEvent>`,
      `<bpmn:signal id="Storm" name="暴雨预警" />`,
    );
    const offered: Record<string, string[]> = {};
    for (const id of ['Start', 'Throw', 'End']) {
      await p.select(id);
      offered[id] = p.labels('CamundaPlatform__AsynchronousContinuations');
    }
    expect(offered).toEqual({ Start: ['之前', '之后'], Throw: ['之前', '之后'], End: ['之前', '之后'] });
  });
});

describe('conditional events', () => {
  it('a conditional boundary event: 条件表达式 and 变量名（逗号分隔） in Chinese, written on the definition, and 中断所附活动', async () => {
    const p = await open(
      `<bpmn:userTask id="Task" camunda:assignee="admin" />
       <bpmn:boundaryEvent id="Boundary" attachedToRef="Task">
         <bpmn:conditionalEventDefinition id="BoundaryCondition"><bpmn:condition xsi:type="bpmn:tFormalExpression" /></bpmn:conditionalEventDefinition>
       </bpmn:boundaryEvent>`,
    );
    await p.select('Boundary');
    const group = 'CamundaPlatform__Condition';
    expect(p.labels(group)).toEqual(['条件表达式', '变量名（逗号分隔）', '变量事件', '中断所附活动']);
    expect(p.root(group).textContent).toContain('每当所列变量之一变化时计算');
    await p.type('条件表达式', '${amount > 1000}', group);
    await p.type('变量名（逗号分隔）', 'amount,approved', group);
    await p.check('中断所附活动', false, group);

    const xml = await p.xml();
    expect(xml).toMatch(/<bpmn:condition xsi:type="bpmn:tFormalExpression">\$\{amount &gt; 1000\}<\/bpmn:condition>/);
    expect(tag(xml, 'BoundaryCondition')).toContain('camunda:variableName="amount,approved"');
    expect(tag(xml, 'Boundary')).toContain('cancelActivity="false"');
    expect(xml).not.toContain('variableEvents');
  });

  it('a conditional catch event without a condition gets one from 条件表达式; variableEvents is offered and kept', async () => {
    const p = await open(
      `<bpmn:intermediateCatchEvent id="Catch"><bpmn:conditionalEventDefinition id="C1" /></bpmn:intermediateCatchEvent>
       <bpmn:intermediateCatchEvent id="Old"><bpmn:conditionalEventDefinition id="C2" camunda:variableEvents="create"><bpmn:condition xsi:type="bpmn:tFormalExpression">\${ok}</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>`,
    );
    await p.select('Catch');
    expect(p.labels('CamundaPlatform__Condition')).toEqual(['条件表达式', '变量名（逗号分隔）', '变量事件']);
    await p.type('条件表达式', '${approved}', 'CamundaPlatform__Condition');
    expect(await p.xml()).toMatch(/<bpmn:conditionalEventDefinition id="C1">\s*<bpmn:condition xsi:type="bpmn:tFormalExpression">\$\{approved\}<\/bpmn:condition>/);

    await p.select('Old');
    expect(p.field('条件表达式', 'CamundaPlatform__Condition').value).toBe('${ok}');
    expect(p.labels('CamundaPlatform__Condition')).toEqual(['条件表达式', '变量名（逗号分隔）', '变量事件']);
  });
});

describe('event subprocesses', () => {
  interface Menus {
    _getProviders(id: string): unknown[];
    _getEntries(target: unknown, providers: unknown[]): Record<string, { label?: string }>;
  }
  /** The replace menu bpmn-js would open on `id`, after our filter: entry id → label, in Chinese. */
  const replaceMenu = (p: Panel, id: string) => {
    const popupMenu = p.modeler.get('popupMenu') as Menus;
    const element = (p.modeler.get('elementRegistry') as { get(id: string): unknown }).get(id);
    const entries = popupMenu._getEntries(element, popupMenu._getProviders('bpmn-replace'));
    const translate = p.modeler.get('translate') as (text: string) => string;
    return Object.fromEntries(Object.entries(entries).map(([key, entry]) => [key, translate(entry.label ?? '')]));
  };

  it('the replace menu offers 事件子流程 for a subprocess, and its start event the six kinds the engine runs there, interrupting or not', async () => {
    const p = await open(
      `<bpmn:subProcess id="Sub"><bpmn:startEvent id="SubStart" /></bpmn:subProcess>
       <bpmn:subProcess id="Events" triggeredByEvent="true"><bpmn:startEvent id="EventsStart"><bpmn:messageEventDefinition id="M" /></bpmn:startEvent></bpmn:subProcess>
       <bpmn:startEvent id="ProcessStart" />
       <bpmn:userTask id="Task" camunda:assignee="admin" />
       <bpmn:boundaryEvent id="Boundary" attachedToRef="Task"><bpmn:timerEventDefinition id="T" /></bpmn:boundaryEvent>
       <bpmn:intermediateThrowEvent id="Throw" />`,
    );
    expect(replaceMenu(p, 'Sub')['replace-with-event-subprocess']).toBe('事件子流程');
    expect(replaceMenu(p, 'EventsStart')).toEqual({
      'replace-with-timer-start': '定时开始事件',
      'replace-with-conditional-start': '条件开始事件',
      'replace-with-signal-start': '信号开始事件',
      'replace-with-error-start': '错误开始事件',
      'replace-with-escalation-start': '升级开始事件',
      'replace-with-non-interrupting-message-start': '消息开始事件（非中断）',
      'replace-with-non-interrupting-timer-start': '定时开始事件（非中断）',
      'replace-with-non-interrupting-conditional-start': '条件开始事件（非中断）',
      'replace-with-non-interrupting-signal-start': '信号开始事件（非中断）',
      'replace-with-non-interrupting-escalation-start': '升级开始事件（非中断）',
    });
    // A process starts with none, message, timer, signal or conditional (POST /api/conditions) only.
    expect(Object.keys(replaceMenu(p, 'ProcessStart')).filter((key) => /error|escalation/.test(key))).toEqual([]);
    expect(replaceMenu(p, 'ProcessStart')['replace-with-conditional-start']).toBe('条件开始事件');
    expect(replaceMenu(p, 'Boundary')).toMatchObject({
      'replace-with-conditional-boundary': '条件边界事件',
      'replace-with-non-interrupting-conditional-boundary': '条件边界事件（非中断）',
    });
    expect(replaceMenu(p, 'Throw')['replace-with-conditional-intermediate-catch']).toBe('条件中间捕获事件');
  });

  it('the palette makes an event subprocess (创建事件子流程) next to the expanded subprocess', async () => {
    const p = await open(`<bpmn:startEvent id="Start" />`);
    const entries = (p.modeler.get('palette') as { getEntries(): Record<string, { title?: string }> }).getEntries();
    const ids = Object.keys(entries);
    expect(ids.indexOf('create.event-subprocess-expanded')).toBe(ids.indexOf('create.subprocess-expanded') + 1);
    expect(entries['create.event-subprocess-expanded']?.title).toBe('创建事件子流程');
  });

  it('the start event of an event subprocess has 中断, which writes isInterrupting; an error start does not', async () => {
    const p = await open(
      `<bpmn:subProcess id="OnMessage" triggeredByEvent="true">
         <bpmn:startEvent id="MessageStart"><bpmn:messageEventDefinition id="M" /></bpmn:startEvent>
       </bpmn:subProcess>
       <bpmn:subProcess id="OnError" triggeredByEvent="true">
         <bpmn:startEvent id="ErrorStart"><bpmn:errorEventDefinition id="E" /></bpmn:startEvent>
       </bpmn:subProcess>
       <bpmn:startEvent id="ProcessStart"><bpmn:messageEventDefinition id="M2" /></bpmn:startEvent>`,
    );
    await p.select('MessageStart');
    expect(p.field('中断', 'message').checked).toBe(true);
    expect(p.root('message').textContent).toContain('事件子流程开始后取消所在范围的其他路径');
    await p.check('中断', false, 'message');
    expect(tag(await p.xml(), 'MessageStart')).toContain('isInterrupting="false"');
    expect(p.field('中断', 'message').checked).toBe(false);

    await p.select('ErrorStart');
    expect(p.labels()).not.toContain('中断');
    await p.select('ProcessStart');
    expect(p.labels()).not.toContain('中断');
  });
});

describe('asynchronous continuations', () => {
  const asyncLabels = (p: Panel) => {
    const group = p.root().querySelector('[data-group-id="group-CamundaPlatform__AsynchronousContinuations"]');
    return group ? p.labels('CamundaPlatform__AsynchronousContinuations') : [];
  };

  it('an exclusive gateway offers 之前 and 之后; checked, it writes asyncBefore and then takes a retry cycle', async () => {
    const p = await open(`<bpmn:exclusiveGateway id="Gateway" />`);
    await p.select('Gateway');
    expect(asyncLabels(p)).toEqual(['之前', '之后']);
    await p.check('之前', true, 'CamundaPlatform__AsynchronousContinuations');
    await p.type('重试周期', 'R5/PT10M', 'CamundaPlatform__JobExecution');

    const xml = await p.xml();
    expect(tag(xml, 'Gateway')).toContain('camunda:asyncBefore="true"');
    expect(xml).toContain('<camunda:failedJobRetryTimeCycle>R5/PT10M</camunda:failedJobRetryTimeCycle>');
  });

  it('events offer what the engine runs: after on a link throw and a terminate end event, not on an error end event', async () => {
    const p = await open(`
      <bpmn:startEvent id="Start" />
      <bpmn:intermediateCatchEvent id="Catch"><bpmn:timerEventDefinition id="T" /></bpmn:intermediateCatchEvent>
      <bpmn:intermediateThrowEvent id="Milestone" />
      <bpmn:intermediateThrowEvent id="LinkThrow"><bpmn:linkEventDefinition id="L" name="a" /></bpmn:intermediateThrowEvent>
      <bpmn:endEvent id="End" />
      <bpmn:endEvent id="ErrorEnd"><bpmn:errorEventDefinition id="E" /></bpmn:endEvent>
      <bpmn:endEvent id="Terminate"><bpmn:terminateEventDefinition id="X" /></bpmn:endEvent>
      <bpmn:parallelGateway id="Fork" />
      <bpmn:userTask id="Task" />`);
    const offered: Record<string, string[]> = {};
    for (const id of ['Start', 'Catch', 'Milestone', 'LinkThrow', 'End', 'ErrorEnd', 'Terminate', 'Fork', 'Task']) {
      await p.select(id);
      offered[id] = asyncLabels(p);
    }
    expect(offered).toEqual({
      Start: ['之前', '之后'],
      Catch: ['之前', '之后'],
      Milestone: ['之前', '之后'],
      LinkThrow: ['之前', '之后'],
      End: ['之前', '之后'],
      ErrorEnd: ['之前'],
      Terminate: ['之前', '之后'],
      Fork: ['之前', '之后'],
      Task: ['之前', '之后'],
    });

    await p.select('End');
    await p.check('之后', true, 'CamundaPlatform__AsynchronousContinuations');
    expect(tag(await p.xml(), 'End')).toContain('camunda:asyncAfter="true"');
  });

  it('a boundary timer event offers 之前 and 之后 and its retry cycle, written on the event', async () => {
    const p = await open(`
      <bpmn:userTask id="Task" />
      <bpmn:boundaryEvent id="Reminder" attachedToRef="Task"><bpmn:timerEventDefinition id="T"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`);
    await p.select('Reminder');
    expect(asyncLabels(p)).toEqual(['之前', '之后']);
    await p.check('之前', true, 'CamundaPlatform__AsynchronousContinuations');
    await p.check('之后', true, 'CamundaPlatform__AsynchronousContinuations');
    await p.type('重试周期', 'R3/PT5M', 'CamundaPlatform__JobExecution');

    const xml = await p.xml();
    expect(tag(xml, 'Reminder')).toContain('camunda:asyncBefore="true"');
    expect(tag(xml, 'Reminder')).toContain('camunda:asyncAfter="true"');
    expect(xml).toContain('<camunda:failedJobRetryTimeCycle>R3/PT5M</camunda:failedJobRetryTimeCycle>');
  });

  it('an event-based gateway offers 之前 only; an asyncAfter already in the file (no effect: a server warning) stays, to be removed', async () => {
    const p = await open(`
      <bpmn:eventBasedGateway id="Race" />
      <bpmn:eventBasedGateway id="OldRace" camunda:asyncAfter="true" />`);
    await p.select('Race');
    expect(asyncLabels(p)).toEqual(['之前']);
    await p.check('之前', true, 'CamundaPlatform__AsynchronousContinuations');
    expect(tag(await p.xml(), 'Race')).toContain('camunda:asyncBefore="true"');
    expect(p.labels()).toContain('重试周期');

    await p.select('OldRace');
    expect(asyncLabels(p)).toEqual(['之前', '之后', '排他']);
    await p.check('之后', false, 'CamundaPlatform__AsynchronousContinuations');
    expect(tag(await p.xml(), 'OldRace')).not.toContain('asyncAfter="true"');
    expect(asyncLabels(p)).toEqual(['之前']);
  });
});

describe('input and output parameters', () => {
  it('新建 adds a parameter of name and text or ${…} value, written as Camunda 7 inputOutput', async () => {
    const p = await open(`<bpmn:userTask id="Task" camunda:assignee="admin" />`);
    await p.select('Task');
    expect(p.root('CamundaPlatform__Input').querySelector('.bio-properties-panel-add-entry')?.textContent).toBe('新建');

    await p.add('CamundaPlatform__Input');
    expect(p.labels('CamundaPlatform__Input')).toEqual(['局部变量名', '值']); // no list, map or script
    await p.type('局部变量名', 'amount', 'CamundaPlatform__Input');
    await p.type('值', '${order.amount * 2}', 'CamundaPlatform__Input');
    await p.add('CamundaPlatform__Output');
    await p.type('流程变量名', 'approved', 'CamundaPlatform__Output');
    await p.type('值', '已受理', 'CamundaPlatform__Output');

    const xml = await p.xml();
    expect(xml).toMatch(
      /<bpmn:extensionElements>\s*<camunda:inputOutput>\s*<camunda:inputParameter name="amount">\$\{order\.amount \* 2\}<\/camunda:inputParameter>\s*<camunda:outputParameter name="approved">已受理<\/camunda:outputParameter>\s*<\/camunda:inputOutput>/,
    );
  });

  it('reads the parameters of a file, and keeps the type select for a list, to change it back', async () => {
    const p = await open(`
      <bpmn:endEvent id="End">
        <bpmn:extensionElements>
          <camunda:inputOutput>
            <camunda:inputParameter name="note">\${reason}</camunda:inputParameter>
            <camunda:inputParameter name="people"><camunda:list><camunda:value>a</camunda:value></camunda:list></camunda:inputParameter>
          </camunda:inputOutput>
        </bpmn:extensionElements>
      </bpmn:endEvent>`);
    await p.select('End');
    const items = [...p.root('CamundaPlatform__Input').querySelectorAll('.bio-properties-panel-list-item')];
    expect(items.map((item) => item.querySelector('.bio-properties-panel-collapsible-entry-header-title')?.textContent)).toEqual(['note', 'people']);
    for (const item of items) (item.querySelector('.bio-properties-panel-collapsible-entry-header') as HTMLElement).click();
    await settle();
    expect(p.labels('CamundaPlatform__Input').filter((l) => l === '赋值类型')).toHaveLength(1);
    expect(p.field<HTMLTextAreaElement>('值', 'CamundaPlatform__Input').value).toBe('${reason}');
    // An end event has inputs only, as in Camunda.
    expect(p.root().querySelector('[data-group-id="group-CamundaPlatform__Output"]')).toBeNull();
  });
});

describe('listeners', () => {
  it('an execution listener: start or end, expression, delegate expression or class (no script), titled in words', async () => {
    const p = await open(`<bpmn:serviceTask id="Notify" camunda:delegateExpression="\${notifier}" />`);
    await p.select('Notify');
    await p.add('CamundaPlatform__ExecutionListener');
    const group = 'CamundaPlatform__ExecutionListener';
    expect(p.options('事件类型', group)).toEqual(['start', 'end']);
    expect(p.options('监听器类型', group)).toEqual(['expression', 'delegateExpression', 'class']);
    expect(p.labels(group)).not.toContain('字段注入');

    await p.choose('监听器类型', 'expression', group);
    await p.type('表达式', '${journal.note(execution)}', group);
    await p.choose('事件类型', 'end', group);
    expect(p.root(group).querySelector('.bio-properties-panel-collapsible-entry-header-title')?.textContent).toBe('结束（end）：表达式');

    const listener = /<camunda:executionListener [^>]*\/>/.exec(await p.xml())?.[0] ?? '';
    expect(listener).toContain('expression="${journal.note(execution)}"');
    expect(listener).toContain('event="end"');
    expect(listener).not.toContain('class=');
  });

  it('a task listener: the events the engine runs (timeout too), a delegate expression, no listener id', async () => {
    const p = await open(`<bpmn:userTask id="Accept" camunda:candidateGroups="community" />`);
    await p.select('Accept');
    const group = 'CamundaPlatform__TaskListener';
    await p.add(group);
    expect(p.options('事件类型', group)).toEqual(['create', 'assignment', 'complete', 'delete', 'timeout']);
    expect(p.labels(group)).not.toContain('监听器 ID');
    await p.choose('事件类型', 'assignment', group);
    await p.choose('监听器类型', 'delegateExpression', group);
    await p.type('委托表达式', '${assignmentNotifier}', group);

    const listener = /<camunda:taskListener [^>]*\/>/.exec(await p.xml())?.[0] ?? '';
    expect(listener).toContain('delegateExpression="${assignmentNotifier}"');
    expect(listener).toContain('event="assignment"');
  });

  it('a file’s script listener and update event stay selectable, to be changed', async () => {
    const p = await open(`
      <bpmn:userTask id="Accept">
        <bpmn:extensionElements>
          <camunda:taskListener event="update"><camunda:script scriptFormat="js">1</camunda:script></camunda:taskListener>
        </bpmn:extensionElements>
      </bpmn:userTask>`);
    await p.select('Accept');
    const group = 'CamundaPlatform__TaskListener';
    (p.root(group).querySelector('.bio-properties-panel-collapsible-entry-header') as HTMLElement).click();
    await settle();
    expect(p.options('事件类型', group)).toEqual(['create', 'assignment', 'complete', 'delete', 'timeout', 'update']);
    expect(p.options('监听器类型', group)).toEqual(['expression', 'delegateExpression', 'class', 'script']);
  });
});

describe('timeout task listeners', () => {
  it('超时（timeout） gets an id and a timer: its type and value in Chinese, written as Camunda 7 writes them', async () => {
    const p = await open(`<bpmn:userTask id="Accept" camunda:candidateGroups="community" />`);
    await p.select('Accept');
    const group = 'CamundaPlatform__TaskListener';
    await p.add(group);
    expect([...p.field<HTMLSelectElement>('事件类型', group).querySelectorAll('option')].map((o) => o.textContent)).toContain('超时（timeout）');
    await p.choose('事件类型', 'timeout', group);
    await p.choose('监听器类型', 'expression', group);
    await p.type('表达式', '${reminder.send(task)}', group);
    expect(p.field('监听器 ID', group).value).toBe('timeout');
    expect(p.options('类型', group)).toEqual(['', 'timeDate', 'timeDuration', 'timeCycle']);
    await p.choose('类型', 'timeDuration', group);
    await p.type('值', 'PT4H', group);
    expect(p.root(group).querySelector('.bio-properties-panel-collapsible-entry-header-title')?.textContent).toBe('超时（timeout）：表达式');

    const listener = /<camunda:taskListener [^>]*>[\s\S]*?<\/camunda:taskListener>/.exec(await p.xml())?.[0] ?? '';
    expect(listener).toContain('event="timeout"');
    expect(listener).toContain('id="timeout"');
    expect(listener).toContain('expression="${reminder.send(task)}"');
    expect(listener).toMatch(/<bpmn:timerEventDefinition[^>]*>\s*<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT4H<\/bpmn:timeDuration>/);

    // Back to another event: the timer goes, the id stays as the file's own.
    await p.choose('事件类型', 'complete', group);
    expect(await p.xml()).not.toContain('timerEventDefinition');
  });
});

describe('value-expression service tasks', () => {
  it('take an expression and its result variable (结果变量)', async () => {
    const p = await open(`<bpmn:serviceTask id="Double" />`);
    await p.select('Double');
    await p.choose('类型', 'expression', 'CamundaPlatform__Implementation');
    await p.type('表达式', '${amount * 2}', 'CamundaPlatform__Implementation');
    await p.type('结果变量', 'doubled', 'CamundaPlatform__Implementation');
    const task = tag(await p.xml(), 'Double');
    expect(task).toContain('camunda:expression="${amount * 2}"');
    expect(task).toContain('camunda:resultVariable="doubled"');
  });
});

describe('implementations the engine refuses', () => {
  const groupIds = (p: Panel) => [...p.root().querySelectorAll('[data-group-id]')].map((g) => g.getAttribute('data-group-id'));
  const implementation = 'CamundaPlatform__Implementation';

  it('a service task offers none, class, expression, delegate expression and external — no connector, no 字段注入', async () => {
    const p = await open(`<bpmn:serviceTask id="Notify" />`);
    await p.select('Notify');
    expect(p.options('类型', implementation)).toEqual(['', 'class', 'expression', 'delegateExpression', 'external']);
    expect([...p.field<HTMLSelectElement>('类型', implementation).querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      '<无>',
      '处理程序类（class）',
      '表达式',
      '委托表达式',
      '外部任务',
    ]);
    expect(groupIds(p)).not.toContain('group-CamundaPlatform__FieldInjection');
    expect(p.root().textContent).not.toContain('字段注入');

    await p.choose('类型', 'delegateExpression', implementation);
    await p.type('委托表达式', '${notifier}', implementation);
    await p.choose('类型', 'external', implementation);
    await p.type('主题', 'notify', implementation);
    const task = tag(await p.xml(), 'Notify');
    expect(task).toContain('camunda:type="external"');
    expect(task).toContain('camunda:topic="notify"');
    expect(task).not.toContain('delegateExpression');
  });

  it('a business-rule task offers no DMN and a send task no connector', async () => {
    const p = await open(`<bpmn:businessRuleTask id="Score" /><bpmn:sendTask id="Send" />`);
    await p.select('Score');
    expect(p.options('类型', implementation)).toEqual(['', 'class', 'expression', 'delegateExpression', 'external']);
    expect(groupIds(p)).not.toContain('group-CamundaPlatform__FieldInjection');
    await p.select('Send');
    expect(p.options('类型', implementation)).toEqual(['', 'class', 'expression', 'delegateExpression', 'external']);
  });

  it('a file’s DMN task, connector and field injection stay visible, and choosing a handler takes DMN and the connector away', async () => {
    const p = await open(`
      <bpmn:businessRuleTask id="Score" camunda:decisionRef="scoring" camunda:mapDecisionResult="singleEntry" />
      <bpmn:serviceTask id="Call">
        <bpmn:extensionElements>
          <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
          <camunda:field name="url"><camunda:string>https://example.org</camunda:string></camunda:field>
        </bpmn:extensionElements>
      </bpmn:serviceTask>`);
    await p.select('Score');
    expect(p.options('类型', implementation)).toEqual(['', 'class', 'expression', 'delegateExpression', 'external', 'dmn']);
    await p.choose('类型', 'delegateExpression', implementation);
    await p.type('委托表达式', '${scorer}', implementation);
    const score = tag(await p.xml(), 'Score');
    expect(score).toContain('camunda:delegateExpression="${scorer}"');
    expect(score).not.toContain('decision');

    await p.select('Call');
    expect(p.options('类型', implementation)).toEqual(['', 'class', 'expression', 'delegateExpression', 'external', 'connector']);
    expect(groupIds(p)).toContain('group-CamundaPlatform__FieldInjection');
    await p.choose('类型', 'class', implementation);
    const xml = await p.xml();
    expect(xml).not.toContain('camunda:connector');
    expect(tag(xml, 'Call')).toContain('camunda:class=""');
    // The field stays until it is removed in its group: the server and the lint still name it.
    expect(xml).toContain('<camunda:field name="url">');
  });

  it('an external task offers no 错误 group (camunda:errorEventDefinition) unless the file has one, to be removed', async () => {
    const p = await open(`
      <bpmn:serviceTask id="Worker" camunda:type="external" camunda:topic="check" />
      <bpmn:serviceTask id="OldWorker" camunda:type="external" camunda:topic="check">
        <bpmn:extensionElements><camunda:errorEventDefinition id="Late" expression="\${late}" /></bpmn:extensionElements>
      </bpmn:serviceTask>`);
    await p.select('Worker');
    expect(p.labels(implementation)).toContain('主题');
    expect(groupIds(p)).not.toContain('group-CamundaPlatform__Errors');
    await p.select('OldWorker');
    expect(groupIds(p)).toContain('group-CamundaPlatform__Errors');
  });

  it('a sequence flow’s condition is none or an expression, not a script; a file’s script stays selectable, to be changed', async () => {
    const body = `
      <bpmn:exclusiveGateway id="Choose" />
      <bpmn:endEvent id="A" />
      <bpmn:endEvent id="B" />
      <bpmn:sequenceFlow id="ToA" sourceRef="Choose" targetRef="A" />
      <bpmn:sequenceFlow id="ToB" sourceRef="Choose" targetRef="B"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">x &gt; 1</bpmn:conditionExpression></bpmn:sequenceFlow>`;
    // diagramXml leaves sequence flows out: draw these two from the gateway (100, 100) to the end events.
    const edges = ['ToA', 'ToB'].map(
      (id, index) =>
        `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"><di:waypoint x="150" y="125" /><di:waypoint x="${500 + index * 400}" y="118" /></bpmndi:BPMNEdge>`,
    );
    const q = await open(body, '', (xml) => xml.replace('</bpmndi:BPMNPlane>', `${edges.join('')}</bpmndi:BPMNPlane>`));
    const condition = 'CamundaPlatform__Condition';
    await q.select('ToA');
    expect(q.options('类型', condition)).toEqual(['', 'expression']);
    expect([...q.field<HTMLSelectElement>('类型', condition).querySelectorAll('option')].map((o) => o.textContent)).toEqual(['<无>', '表达式']);
    await q.choose('类型', 'expression', condition);
    await q.type('条件表达式', '${x <= 1}', condition);
    expect(await q.xml()).toMatch(/<bpmn:sequenceFlow id="ToA"[^>]*>\s*<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\$\{x &lt;= 1\}<\/bpmn:conditionExpression>/);

    await q.select('ToB');
    expect(q.options('类型', condition)).toEqual(['', 'expression', 'script']);
    await q.choose('类型', 'expression', condition);
    const xml = await q.xml();
    expect(xml).not.toContain('javascript');
    expect(xml).toMatch(/<bpmn:sequenceFlow id="ToB"[^>]*>\s*<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">(<\/bpmn:conditionExpression>|\s)/);
  });

  it('a list or map parameter offers list, map and text but no script; a file’s script stays selectable, to be changed', async () => {
    const p = await open(`
      <bpmn:userTask id="Task" camunda:assignee="admin">
        <bpmn:extensionElements>
          <camunda:inputOutput>
            <camunda:inputParameter name="people"><camunda:list><camunda:value>a</camunda:value></camunda:list></camunda:inputParameter>
            <camunda:inputParameter name="computed"><camunda:script scriptFormat="js">1</camunda:script></camunda:inputParameter>
          </camunda:inputOutput>
        </bpmn:extensionElements>
      </bpmn:userTask>`);
    await p.select('Task');
    const group = 'CamundaPlatform__Input';
    for (const item of p.root(group).querySelectorAll('.bio-properties-panel-collapsible-entry-header')) (item as HTMLElement).click();
    await settle();
    const selects = [...p.root(group).querySelectorAll('label')]
      .filter((label) => label.textContent?.trim() === '赋值类型')
      .map((label) => document.getElementById(label.getAttribute('for') ?? '') as HTMLSelectElement);
    expect(selects.map((select) => [...select.options].map((option) => option.value))).toEqual([
      ['list', 'map', 'stringOrExpression'],
      ['list', 'map', 'stringOrExpression', 'script'],
    ]);
    expect([...selects[0]!.options].map((option) => option.textContent)).toEqual(['列表', '映射表', '文本或表达式']);

    selects[1]!.value = 'stringOrExpression';
    selects[1]!.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    const xml = await p.xml();
    expect(xml).not.toContain('camunda:script');
    expect(xml).toMatch(/<camunda:inputParameter name="computed" \/>/);
  });
});
