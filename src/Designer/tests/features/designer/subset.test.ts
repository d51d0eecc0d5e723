import { describe, expect, it } from 'vitest';
import { eventKind, isSupported, localName, whyUnsupported } from '../../../src/features/designer/subset';
import { appendFits, appendTargets, filterEntries, fitsWhereItGoes, placedAt, replaceTargets } from '../../../src/features/designer/modeler/supported-elements';

describe('the supported subset (docs/bpmn-subset.json)', () => {
  it('names types and event kinds as the JSON does', () => {
    expect(localName('bpmn:IntermediateCatchEvent')).toBe('intermediateCatchEvent');
    expect(eventKind('bpmn:TimerEventDefinition')).toBe('timer');
    expect(eventKind(undefined)).toBe('none');
  });

  it('accepts supported and accepted-not-executed elements and explains the others', () => {
    expect(isSupported({ type: 'bpmn:UserTask' })).toBe(true);
    expect(isSupported({ type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' })).toBe(true);
    expect(isSupported({ type: 'bpmn:TextAnnotation' })).toBe(true);
    expect(whyUnsupported({ type: 'bpmn:ScriptTask' })).toContain('sandbox');
    expect(isSupported({ type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:ConditionalEventDefinition' })).toBe(true);
    expect(whyUnsupported({ type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:ErrorEventDefinition' })).toContain('only event subprocesses');
    expect(isSupported({ type: 'bpmn:IntermediateThrowEvent', eventDefinitionType: 'bpmn:CompensateEventDefinition' })).toBe(false);
    expect(isSupported({ type: 'bpmn:ComplexGateway' })).toBe(false);
  });

  it('keeps only supported replace options (the replace menu)', () => {
    const targets = replaceTargets();
    expect(targets.get('replace-with-script-task')?.type).toBe('bpmn:ScriptTask');
    const entries = { 'replace-with-script-task': 1, 'replace-with-user-task': 2, 'replace-with-conditional-start': 3, 'replace-with-timer-start': 4 };
    expect(Object.keys(filterEntries(entries, targets, () => false)).sort()).toEqual(['replace-with-conditional-start', 'replace-with-timer-start', 'replace-with-user-task']);
  });

  it('offers link and escalation events where the engine runs them', () => {
    const targets = replaceTargets();
    const entries = Object.fromEntries(
      [
        'replace-with-link-intermediate-catch',
        'replace-with-link-intermediate-throw',
        'replace-with-escalation-intermediate-throw',
        'replace-with-escalation-end',
        'replace-with-escalation-boundary',
        'replace-with-non-interrupting-escalation-boundary',
        'replace-with-escalation-start',
        'replace-with-compensation-intermediate-throw',
      ].map((id) => [id, id]),
    );
    const host = (type: string) => ({ host: { businessObject: { $instanceOf: (t: string) => t === type || (type === 'bpmn:UserTask' && t === 'bpmn:Task') } } });
    const onSubProcess = filterEntries(entries, targets, () => false, (target) => fitsWhereItGoes(host('bpmn:SubProcess'), target));
    expect(Object.keys(onSubProcess)).toEqual([
      'replace-with-link-intermediate-catch',
      'replace-with-link-intermediate-throw',
      'replace-with-escalation-intermediate-throw',
      'replace-with-escalation-end',
      'replace-with-escalation-boundary',
      'replace-with-non-interrupting-escalation-boundary',
    ]);
    // The engine catches escalations on subprocesses and call activities only.
    const onTask = filterEntries(entries, targets, () => false, (target) => fitsWhereItGoes(host('bpmn:UserTask'), target));
    expect(Object.keys(onTask)).not.toContain('replace-with-escalation-boundary');
    expect(Object.keys(onTask)).not.toContain('replace-with-non-interrupting-escalation-boundary');
    expect(Object.keys(onTask)).toContain('replace-with-escalation-end');
    expect(fitsWhereItGoes(host('bpmn:CallActivity'), { type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:EscalationEventDefinition' })).toBe(true);
  });

  it('offers signal start, intermediate catch and throw, end and boundary events (interrupting or not) on any activity', () => {
    const targets = replaceTargets();
    const signals = [
      'replace-with-signal-start',
      'replace-with-signal-intermediate-catch',
      'replace-with-signal-intermediate-throw',
      'replace-with-signal-end',
      'replace-with-signal-boundary',
      'replace-with-non-interrupting-signal-boundary',
    ];
    for (const id of signals) expect(targets.get(id)?.eventDefinitionType, id).toBe('bpmn:SignalEventDefinition');
    const entries = Object.fromEntries([...signals, 'replace-with-compensation-end'].map((id) => [id, id]));
    const onTask = { host: { businessObject: { $instanceOf: (t: string) => t === 'bpmn:UserTask' || t === 'bpmn:Task' } } };
    expect(Object.keys(filterEntries(entries, targets, () => false, (target) => fitsWhereItGoes(onTask, target)))).toEqual(signals);
    for (const type of ['bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent', 'bpmn:BoundaryEvent']) {
      expect(whyUnsupported({ type, eventDefinitionType: 'bpmn:SignalEventDefinition' }), type).toBeNull();
    }
  });

  it('appends a signal catch event after an event-based gateway, not a conditional one, which the engine refuses there (context pad)', () => {
    const entries = { 'append.signal-intermediate-event': 1, 'append.condition-intermediate-event': 2, 'append.timer-intermediate-event': 3 };
    expect(Object.keys(filterEntries(entries, appendTargets, () => false, appendFits))).toEqual([
      'append.signal-intermediate-event',
      'append.timer-intermediate-event',
    ]);
  });

  it('accepts event subprocesses and their message, timer, signal, error, escalation and conditional starts; a process starts with none, message, timer, signal or conditional', () => {
    expect(whyUnsupported({ type: 'bpmn:SubProcess', triggeredByEvent: true })).toBeNull();
    for (const kind of ['Message', 'Timer', 'Signal', 'Error', 'Escalation', 'Conditional']) {
      const eventDefinitionType = `bpmn:${kind}EventDefinition`;
      expect(whyUnsupported({ type: 'bpmn:StartEvent', eventDefinitionType, inEventSubProcess: true }), kind).toBeNull();
    }
    expect(whyUnsupported({ type: 'bpmn:StartEvent', inEventSubProcess: true })).toContain('An event subprocess starts with');
    expect(isSupported({ type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:CompensateEventDefinition', inEventSubProcess: true })).toBe(false);
    for (const kind of ['Error', 'Escalation']) {
      expect(whyUnsupported({ type: 'bpmn:StartEvent', eventDefinitionType: `bpmn:${kind}EventDefinition` }), kind).toContain('only event subprocesses');
    }
    expect(whyUnsupported({ type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:ConditionalEventDefinition' })).toBeNull();
  });

  it('accepts conditional intermediate catch and boundary events (interrupting or not)', () => {
    for (const type of ['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent']) {
      expect(whyUnsupported({ type, eventDefinitionType: 'bpmn:ConditionalEventDefinition' }), type).toBeNull();
    }
    const targets = replaceTargets();
    const conditional = ['replace-with-conditional-intermediate-catch', 'replace-with-conditional-boundary', 'replace-with-non-interrupting-conditional-boundary'];
    const entries = Object.fromEntries([...conditional, 'replace-with-compensation-boundary', 'replace-with-cancel-boundary'].map((id) => [id, id]));
    const onTask = { host: { businessObject: { $instanceOf: (t: string) => t === 'bpmn:UserTask' || t === 'bpmn:Task' } } };
    expect(Object.keys(filterEntries(entries, targets, () => false, (target) => fitsWhereItGoes(onTask, target)))).toEqual(conditional);
  });

  it('offers the event subprocess for a subprocess, and the six start kinds, interrupting or not, for its start event (replace menu)', () => {
    const targets = replaceTargets();
    const bo = (type: string, triggeredByEvent: boolean) => ({ businessObject: { $instanceOf: (t: string) => t === type, $parent: { triggeredByEvent } } });
    const subProcess = bo('bpmn:SubProcess', false);
    const menu = (element: ReturnType<typeof bo>, ids: string[]) =>
      Object.keys(
        filterEntries(
          Object.fromEntries(ids.map((id) => [id, id])),
          targets,
          () => false,
          (target) => fitsWhereItGoes(element, target),
          (target) => placedAt(element, target),
        ),
      );
    expect(menu(subProcess, ['replace-with-transaction', 'replace-with-event-subprocess', 'replace-with-ad-hoc-subprocess', 'replace-with-collapsed-subprocess'])).toEqual([
      'replace-with-event-subprocess',
      'replace-with-collapsed-subprocess',
    ]);
    // bpmn-js's EVENT_SUB_PROCESS_START_EVENT options, as its replace menu lists them for an event subprocess's start event.
    const startOptions = [
      'replace-with-message-start',
      'replace-with-timer-start',
      'replace-with-conditional-start',
      'replace-with-signal-start',
      'replace-with-error-start',
      'replace-with-escalation-start',
      'replace-with-compensation-start',
      'replace-with-non-interrupting-message-start',
      'replace-with-non-interrupting-timer-start',
      'replace-with-non-interrupting-conditional-start',
      'replace-with-non-interrupting-signal-start',
      'replace-with-non-interrupting-escalation-start',
    ];
    for (const id of startOptions) expect(targets.get(id)?.type, id).toBe('bpmn:StartEvent');
    expect(menu(bo('bpmn:StartEvent', true), startOptions)).toEqual(startOptions.filter((id) => id !== 'replace-with-compensation-start'));
    // At process level: no error or escalation start (bpmn-js offers the non-interrupting ones in event subprocesses only).
    const atProcessLevel = menu(bo('bpmn:StartEvent', false), startOptions);
    expect(atProcessLevel.filter((id) => !id.includes('non-interrupting'))).toEqual(['replace-with-message-start', 'replace-with-timer-start', 'replace-with-conditional-start', 'replace-with-signal-start']);
    expect(atProcessLevel.filter((id) => /error|escalation/.test(id))).toEqual([]);
  });
});
