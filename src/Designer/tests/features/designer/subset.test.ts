import { describe, expect, it } from 'vitest';
import { eventKind, isSupported, localName, whyUnsupported } from '../../../src/features/designer/subset';
import { filterEntries, fitsWhereItGoes, replaceTargets } from '../../../src/features/designer/modeler/supported-elements';

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
    expect(isSupported({ type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:SignalEventDefinition' })).toBe(false);
    expect(isSupported({ type: 'bpmn:SubProcess', triggeredByEvent: true })).toBe(false);
    expect(isSupported({ type: 'bpmn:ComplexGateway' })).toBe(false);
  });

  it('keeps only supported replace options (the replace menu)', () => {
    const targets = replaceTargets();
    expect(targets.get('replace-with-script-task')?.type).toBe('bpmn:ScriptTask');
    const entries = { 'replace-with-script-task': 1, 'replace-with-user-task': 2, 'replace-with-signal-start': 3, 'replace-with-timer-start': 4 };
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
        'replace-with-signal-intermediate-throw',
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
});
