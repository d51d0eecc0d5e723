import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { describe, expect, it } from 'vitest';
import { attributeLabel, canonicalDefinitions, compare } from '../../../src/features/designer/version-diff';
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
    expect(result.changed[0]?.nested).toEqual([]);
  });

  it('finds nothing between identical versions', async () => {
    const xml = processXml(`<bpmn:userTask id="accept" camunda:candidateGroups="community" />`);
    const result = compare(await definitions(xml), await definitions(xml));
    expect(result).toEqual({ added: [], removed: [], changed: [], names: {} });
  });
});

describe('compare on canonical definitions', () => {
  const file = readFileSync(resolve(import.meta.dirname, '../../../../../definitions/complaint-handling.bpmn'), 'utf8');

  async function canonical(xml: string): Promise<unknown> {
    const moddle = new BpmnModdle({ camunda: camundaModdle });
    return canonicalDefinitions(moddle, (await moddle.fromXML(xml)).rootElement);
  }

  it('finds nothing between the procedure file and the same file as the modeler writes it', async () => {
    const moddle = new BpmnModdle({ camunda: camundaModdle });
    const { xml: saved } = await moddle.toXML((await moddle.fromXML(file)).rootElement);
    expect(compare(await canonical(file), await canonical(saved))).toEqual({ added: [], removed: [], changed: [], names: {} });
  });

  it('reports a changed due date on the real complaint procedure as the one change', async () => {
    expect(file).toContain('camunda:dueDate="${workingDays(1)}"');
    const edited = file.replace('camunda:dueDate="${workingDays(1)}"', 'camunda:dueDate="${workingDays(2)}"');
    const result = compare(await canonical(file), await canonical(edited));
    expect(result.changed.map((c) => c.id)).toEqual(['accept']);
    expect(result.changed[0]?.attrs.dueDate).toEqual({ oldValue: '${workingDays(1)}', newValue: '${workingDays(2)}' });
    expect(result.changed[0]?.nested).toEqual([]);
    expect(result.names).toEqual({ accept: '社区受理' });
  });

  it('names extensionElements when only a form field below an element changed', async () => {
    const older = processXml(
      `<bpmn:userTask id="accept"><bpmn:extensionElements><camunda:formData><camunda:formField id="note" label="说明" type="string" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>`,
    );
    const newer = older.replace('label="说明"', 'label="办理说明"');
    const result = compare(await canonical(older), await canonical(newer));
    expect(result.changed).toEqual([{ id: 'accept', attrs: {}, nested: ['extensionElements'] }]);
    expect(attributeLabel('extensionElements')).toBe('扩展元素（extensionElements）');
    expect(attributeLabel('dueDate')).toBe('到期时间（dueDate）');
    expect(attributeLabel('incoming[0]')).toBe('incoming[0]');
  });
});
