import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byLocalName } from '../../../src/features/common/caseinfo';
import { unanswered } from '../../../src/features/portal/ballots';
import { fieldsFromStartForm, filedForSomeone, filingFor, filingOutcome, filings } from '../../../src/features/portal/filings';
import { validateForm } from '../../../src/features/tasks/form';

describe('filings', () => {
  it('offers complaints and violation reports to owners and repairs and violation reports to firms', () => {
    expect(filings.filter((f) => f.roles.includes('owner')).map((f) => f.key)).toEqual(['complaint-handling', 'enforcement-referral']);
    expect(filings.filter((f) => f.roles.includes('property-firm')).map((f) => f.key)).toEqual(['emergency-repair', 'enforcement-referral']);
  });

  it('checks a complaint before sending', () => {
    const fields = filingFor('complaint-handling')!.fields;
    expect(Object.keys(validateForm(fields, {})).sort()).toEqual(['category', 'contact', 'description']);
    expect(validateForm(fields, { category: 'facilities', description: '楼道漏水一周', contact: '13800001234' })).toEqual({});
    expect(validateForm(fields, { category: 'x', description: '漏水', contact: '1' })).toEqual({
      category: [{ code: 'enum' }], description: [{ code: 'minlength', argument: 5 }], contact: [{ code: 'minlength', argument: 7 }],
    });
  });

  it('checks the repair budget as a whole number of at least 1 yuan', () => {
    const budget = filingFor('emergency-repair')!.fields.find((f) => f.id === 'budget')!;
    expect(validateForm([budget], { budget: 0 })).toEqual({ budget: [{ code: 'min', argument: 1 }] });
    expect(validateForm([budget], { budget: 1.5 })).toEqual({ budget: [{ code: 'long' }] });
  });

  it('reads a BPMN start form when the definition has one', () => {
    const doc = new DOMParser().parseFromString(`<x xmlns:camunda="c"><camunda:formField id="kind" label="类别" type="enum"><camunda:value id="a" name="甲" /><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField></x>`, 'application/xml');
    const [field] = fieldsFromStartForm(byLocalName(doc, 'formField'));
    expect(field).toMatchObject({ id: 'kind', label: '类别', type: 'enum', required: true, enumValues: [{ id: 'a', name: '甲' }] });
  });

  it('offers a field that names another person (onBehalfOf) only to the roles that file for others', () => {
    const doc = new DOMParser().parseFromString(`<x xmlns:camunda="c"><camunda:formField id="description" label="问题描述" type="string" /><camunda:formField id="owner" label="投诉业主" type="string"><camunda:properties><camunda:property id="onBehalfOf" value="community,street-office" /></camunda:properties></camunda:formField></x>`, 'application/xml');
    const fields = byLocalName(doc, 'formField');
    expect(fieldsFromStartForm(fields, ['owner']).map((f) => f.id)).toEqual(['description']);
    expect(fieldsFromStartForm(fields, ['community']).map((f) => f.id)).toEqual(['description', 'owner']);
    expect(fieldsFromStartForm(fields).map((f) => f.id)).toEqual(['description']);
  });

  it('offers community staff the hotline caller fields of the shipped complaint form, and owners none of them', () => {
    const xml = readFileSync(resolve(import.meta.dirname, '../../../../../definitions/complaint-handling.bpmn'), 'utf8');
    const start = byLocalName(new DOMParser().parseFromString(xml, 'application/xml'), 'startEvent')[0]!;
    const form = byLocalName(start, 'formField');
    const staff = fieldsFromStartForm(form, ['community']);
    expect(staff.filter((f) => f.onBehalfOf).map((f) => f.id)).toEqual(['owner', 'callerName', 'callerPhone', 'callerChannel']);
    expect(staff.find((f) => f.id === 'callerChannel')!.enumValues!.map((v) => v.id)).toEqual(['12345', 'phone', 'visit']);
    expect(fieldsFromStartForm(form, ['owner']).some((f) => f.onBehalfOf)).toBe(false);
    // the case number is read out to the person named, not to an owner filing for himself
    expect(filedForSomeone(staff, { description: '垃圾未清运', callerName: '张女士' })).toBe(true);
    expect(filedForSomeone(staff, { description: '垃圾未清运', callerName: '  ' })).toBe(false);
  });

  it('checks a decimal start field (double) as the server does', () => {
    const share = { id: 'applicantShare', label: '联名业主占比', type: 'double', required: true, constraints: [{ name: 'min', config: '0' }, { name: 'max', config: '1' }] };
    expect(validateForm([share], { applicantShare: 0.25 })).toEqual({});
    expect(validateForm([share], { applicantShare: 1.5 })).toEqual({ applicantShare: [{ code: 'max', argument: '1' }] });
    expect(validateForm([share], { applicantShare: '很多' })).toEqual({ applicantShare: [{ code: 'double' }] });
  });
});

describe('the answer to a filing', () => {
  it('is "filed" only when the case started; a case that stopped at an incident at once did not go through', () => {
    expect(filingOutcome({ status: 'active' })).toBe('filed');
    expect(filingOutcome({ status: 'incident', incident: { message: '提交未成功' } })).toBe('failed');
    expect(filingOutcome({ status: 'incident' })).toBe('failed');
  });
});

describe('ballots', () => {
  it('lists the questions still to answer', () => {
    const ballot = { questions: [{ id: 'q1', text: '', matter: 'ordinary' }, { id: 'q2', text: '', matter: 'major' }] };
    expect(unanswered(ballot, { q1: 'agree' })).toEqual(['q2']);
    expect(unanswered(ballot, { q1: 'agree', q2: 'abstain' })).toEqual([]);
  });
});

describe('case details of a filing', () => {
  it('names start variables and their choices from the filing form', async () => {
    const { withFilingLabels } = await import('../../../src/features/portal/filings');
    const labels = withFilingLabels('enforcement-referral', new Map());
    expect(labels.get('stopMeasures')?.label).toBe('已采取的劝阻、制止措施');
    expect(labels.get('category')?.choices.get('fire-lane')).toBe('占用消防通道');
  });
});
