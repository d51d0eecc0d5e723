import { describe, expect, it } from 'vitest';
import { eventKind, isSupported, localName, whyUnsupported } from '../../../src/features/designer/subset';
import { filterEntries, replaceTargets } from '../../../src/features/designer/modeler/supported-elements';

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
});
