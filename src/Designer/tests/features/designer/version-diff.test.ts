import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { describe, expect, it } from 'vitest';
import { compare } from '../../../src/features/designer/version-diff';
import { processXml } from './fixtures';

async function definitions(xml: string): Promise<unknown> {
  return (await new BpmnModdle({ camunda: camundaModdle }).fromXML(xml)).rootElement;
}

describe('compare', () => {
  it('reports added, removed and changed elements with old and new values in that order', async () => {
    const older = await definitions(processXml(`<bpmn:userTask id="accept" camunda:dueDate="\${workingDays(2)}" /><bpmn:task id="gone" />`));
    const newer = await definitions(processXml(`<bpmn:userTask id="accept" camunda:dueDate="\${workingDays(3)}" /><bpmn:task id="fresh" />`));
    const result = compare(older, newer);
    expect(result.added).toEqual(['fresh']);
    expect(result.removed).toEqual(['gone']);
    expect(result.changed.map((c) => c.id)).toEqual(['accept']);
    expect(result.changed[0]?.attrs.dueDate).toEqual({ oldValue: '${workingDays(2)}', newValue: '${workingDays(3)}' });
  });

  it('finds nothing between identical versions', async () => {
    const xml = processXml(`<bpmn:userTask id="accept" camunda:candidateGroups="community" />`);
    const result = compare(await definitions(xml), await definitions(xml));
    expect(result).toEqual({ added: [], removed: [], changed: [] });
  });
});
