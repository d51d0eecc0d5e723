import { describe, expect, it } from 'vitest';
import { eventKind, isSupported, localName, whyUnsupported } from '../../../src/features/designer/subset';
import { appendTargets, filterEntries, fitsWhereItGoes, replaceTargets } from '../../../src/features/designer/modeler/supported-elements';

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
    expect(isSupported({ type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:ConditionalEventDefinition' })).toBe(false);
    expect(whyUnsupported({ type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:ConditionalEventDefinition' })).toContain('not implemented');
    expect(isSupported({ type: 'bpmn:IntermediateThrowEvent', eventDefinitionType: 'bpmn:CompensateEventDefinition' })).toBe(false);
    expect(isSupported({ type: 'bpmn:SubProcess', triggeredByEvent: true })).toBe(false);
    expect(isSupported({ type: 'bpmn:ComplexGateway' })).toBe(false);
  });

  it('keeps only supported replace options (the replace menu)', () => {
    const targets = replaceTargets();
    expect(targets.get('replace-with-script-task')?.type).toBe('bpmn:ScriptTask');
    const entries = { 'replace-with-script-task': 1, 'replace-with-user-task': 2, 'replace-with-conditional-start': 3, 'replace-with-timer-start': 4 };
    expect(Object.keys(filterEntries(entries, targets, () => false)).sort()).toEqual(['replace-with-timer-start', 'replace-with-user-task']);
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
    const entries = Object.fromEntries([...signals, 'replace-with-conditional-intermediate-catch', 'replace-with-compensation-end'].map((id) => [id, id]));
    const onTask = { host: { businessObject: { $instanceOf: (t: string) => t === 'bpmn:UserTask' || t === 'bpmn:Task' } } };
    expect(Object.keys(filterEntries(entries, targets, () => false, (target) => fitsWhereItGoes(onTask, target)))).toEqual(signals);
    for (const type of ['bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent', 'bpmn:BoundaryEvent']) {
      expect(whyUnsupported({ type, eventDefinitionType: 'bpmn:SignalEventDefinition' }), type).toBeNull();
    }
  });

  it('appends a signal catch event after an event-based gateway (context pad)', () => {
    const entries = { 'append.signal-intermediate-event': 1, 'append.condition-intermediate-event': 2, 'append.timer-intermediate-event': 3 };
    expect(Object.keys(filterEntries(entries, appendTargets, () => false))).toEqual(['append.signal-intermediate-event', 'append.timer-intermediate-event']);
  });
});
