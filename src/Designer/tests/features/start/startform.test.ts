import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genericStartables } from '../../../src/features/start/page';
import { parseRequiredWhen, requiredNow, startForm, validateStart } from '../../../src/features/start/startform';
import { collectVariables, generateForm } from '../../../src/features/tasks/form';

const definition = (key: string) => readFileSync(resolve(__dirname, '../../../../../definitions', `${key}.bpmn`), 'utf8');

describe('the generic start form', () => {
  it('reads a start form written as camunda:formProperty (Camunda, Activiti or Flowable) like the engine does', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn" id="d" targetNamespace="t">
        <process id="leave" isExecutable="true">
          <startEvent id="start">
            <extensionElements>
              <activiti:formProperty id="days" name="天数" type="long" required="true" />
              <activiti:formProperty id="kind" name="类别" type="enum" default="annual">
                <activiti:value id="annual" name="年假" /><activiti:value id="sick" name="病假" />
              </activiti:formProperty>
              <activiti:formProperty id="note" name="说明" writable="false" />
              <activiti:formProperty id="hidden" readable="false" />
            </extensionElements>
          </startEvent>
        </process>
      </definitions>`;

    const form = startForm(xml, ['owner']);

    expect(form.fields.map((f) => [f.id, f.label, f.type, f.required, f.readOnly])).toEqual([
      ['days', '天数', 'long', true, false], ['kind', '类别', 'enum', false, false], ['note', '说明', 'string', false, true],
    ]);
    expect(form.fields[1]!.enumValues).toEqual([{ id: 'annual', name: '年假' }, { id: 'sick', name: '病假' }]);
    expect(form.fields[1]!.defaultValue).toBe('annual');
    expect(validateStart(form.fields, {})).toEqual({ days: [{ code: 'required' }] });
  });

  it('reads committee formation: a three-way choice, a share between 0 and 1, an optional note, in one compound', () => {
    const form = startForm(definition('committee-formation'), ['owner']);
    expect(form.needsCompound).toBe(true);
    expect(form.fields.map((f) => [f.id, f.type, f.required])).toEqual([
      ['initiatedBy', 'enum', true], ['applicantShare', 'double', true], ['applicationNote', 'string', false],
    ]);
    expect(validateStart(form.fields, {})).toEqual({ initiatedBy: [{ code: 'required' }], applicantShare: [{ code: 'required' }] });
    expect(validateStart(form.fields, { initiatedBy: 'owners', applicantShare: 1.2 })).toEqual({ applicantShare: [{ code: 'max', argument: '1' }] });
    expect(validateStart(form.fields, { initiatedBy: 'owners', applicantShare: 0.25 })).toEqual({});
  });

  it('renders each type with its input: radios for few choices, a number with min and max, a text box', () => {
    const form = generateForm(startForm(definition('committee-formation'), ['owner']).fields, { idPrefix: 'start' });
    const root = form.element;
    expect(root.querySelectorAll('input[type=radio][name=start-initiatedBy]')).toHaveLength(3);
    const share = root.querySelector<HTMLInputElement>('#start-applicantShare')!;
    expect([share.type, share.min, share.max, share.step]).toEqual(['number', '0', '1', 'any']);
    root.querySelector<HTMLInputElement>('input[value=owners]')!.checked = true;
    share.value = '0.3';
    expect(collectVariables(startForm(definition('committee-formation'), ['owner']).fields, form.values())).toEqual({ initiatedBy: 'owners', applicantShare: 0.3 });
  });

  it('requires the decision fields of committee supervision only for an unlawful decision (requiredWhen)', () => {
    const form = startForm(definition('committee-supervision'), ['street-office']);
    const decisionText = form.fields.find((f) => f.id === 'decisionText')!;
    expect(decisionText.requiredWhen).toEqual({ field: 'supervisionKind', values: ['unlawful-decision'] });
    const base = { situation: '业委会连续半年未召开会议' };
    expect(validateStart(form.fields, { ...base, supervisionKind: 'adjust-committee' })).toEqual({});
    expect(Object.keys(validateStart(form.fields, { ...base, supervisionKind: 'unlawful-decision' })).sort()).toEqual(['decisionBy', 'decisionText']);
    expect(validateStart(form.fields, { ...base, supervisionKind: 'unlawful-decision', decisionBy: 'owners-committee', decisionText: '决定挪用维修资金' })).toEqual({});
    expect(requiredNow(decisionText, { supervisionKind: 'adjust-committee' })).toBe(false);
  });

  it('reads the whole number fields of fund use with their limits', () => {
    const form = startForm(definition('fund-normal-use'), ['owners-committee']);
    expect(validateStart(form.fields, { planTitle: '2026年度维修计划', planAmount: 0.5, planYear: 1999 })).toEqual({
      planAmount: [{ code: 'long' }], planYear: [{ code: 'min', argument: 2000 }],
    });
    const raises = generateForm(form.fields).element.querySelectorAll('input[type=radio][value=true]');
    expect(raises).toHaveLength(1);
  });

  it('offers the reporter field of a violation report to the station only, and asks an owner for the compound', () => {
    const owner = startForm(definition('enforcement-referral'), ['owner']);
    expect(owner.fields.map((f) => f.id)).toEqual(['category', 'location', 'description', 'stopMeasures']);
    expect(owner.needsCompound).toBe(true);
    expect(startForm(definition('enforcement-referral'), ['enforcement-station']).fields.map((f) => f.id)).toContain('reporter');
  });

  it('needs no compound for the city-wide quarterly assessment', () => {
    const form = startForm(definition('quarterly-assessment'), ['housing-bureau']);
    expect(form.needsCompound).toBe(false);
    expect(validateStart(form.fields, { quarter: '2026Q' })).toEqual({ quarter: [{ code: 'minlength', argument: 6 }] });
  });

  it('parses requiredWhen as the Host does and ignores malformed rules', () => {
    expect(parseRequiredWhen('result=rectify|dismiss')).toEqual({ field: 'result', values: ['rectify', 'dismiss'] });
    expect(parseRequiredWhen(' a = x ')).toEqual({ field: 'a', values: ['x'] });
    expect(parseRequiredWhen('=x')).toBeUndefined();
    expect(parseRequiredWhen('a=')).toBeUndefined();
    expect(parseRequiredWhen(null)).toBeUndefined();
  });

  it('offers on the portal only what the user may start and the portal has no page for', () => {
    const list = [
      { key: 'complaint-handling', name: '投诉', latestVersion: 1, canStart: true, fileUpdate: false },
      { key: 'committee-formation', name: '业委会组建', latestVersion: 1, canStart: true, fileUpdate: false },
      { key: 'rectification', name: '整改', latestVersion: 1, canStart: false, fileUpdate: false },
    ];
    expect(genericStartables(list).map((d) => d.key)).toEqual(['committee-formation']);
  });
});
