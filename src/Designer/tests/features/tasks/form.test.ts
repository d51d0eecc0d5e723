import { describe, expect, it } from 'vitest';
import {
  collectVariables, generateForm, parseDate, toValue, validateField, validateForm, type FormFieldView,
} from '../../../src/features/tasks/form';

const text = (constraints: [string, string | null][] = [], required = false): FormFieldView => ({
  id: 'note', label: '说明', type: 'string', required, constraints: constraints.map(([name, config]) => ({ name, config })),
});

describe('validateField mirrors FormValidator.cs', () => {
  it('requires a required field and treats whitespace as empty', () => {
    expect(validateField(text([], true), undefined)).toEqual([{ code: 'required' }]);
    expect(validateField(text([], true), '   ')).toEqual([{ code: 'required' }]);
    expect(validateField(text([['required', null]]), '')).toEqual([{ code: 'required' }]);
    expect(validateField(text(), undefined)).toEqual([]);
  });

  it('counts characters as the server does (Chinese and emoji are one each)', () => {
    const field = text([['minlength', '2'], ['maxlength', '3']]);
    expect(validateField(field, '好')).toEqual([{ code: 'minlength', argument: 2 }]);
    expect(validateField(field, '很好👍')).toEqual([]);
    expect(validateField(field, '非常好的')).toEqual([{ code: 'maxlength', argument: 3 }]);
    expect(validateField(field, 12)).toEqual([{ code: 'string' }]);
  });

  it('checks whole numbers and their bounds', () => {
    const field: FormFieldView = { id: 'n', label: 'n', type: 'long', required: true, constraints: [{ name: 'min', config: '1' }, { name: 'max', config: '10' }] };
    expect(validateField(field, 5)).toEqual([]);
    expect(validateField(field, 0)).toEqual([{ code: 'min', argument: 1 }]);
    expect(validateField(field, 11)).toEqual([{ code: 'max', argument: 10 }]);
    expect(validateField(field, 3.5)).toEqual([{ code: 'long' }]);
    expect(validateField(field, 'abc')).toEqual([{ code: 'long' }]);
  });

  it('checks yes/no, choices and dates', () => {
    expect(validateField({ id: 'b', label: 'b', type: 'boolean', required: true }, 'true')).toEqual([{ code: 'boolean' }]);
    expect(validateField({ id: 'b', label: 'b', type: 'boolean', required: true }, false)).toEqual([]);
    const choice: FormFieldView = { id: 'd', label: 'd', type: 'enum', required: true, enumValues: [{ id: 'accept', name: '受理' }] };
    expect(validateField(choice, 'accept')).toEqual([]);
    expect(validateField(choice, 'other')).toEqual([{ code: 'enum' }]);
    const date: FormFieldView = { id: 'd', label: 'd', type: 'date', required: false, constraints: [{ name: 'min', config: '2026-01-01' }] };
    expect(validateField(date, '2026-02-30')).toEqual([{ code: 'date' }]);
    expect(validateField(date, '2025-12-31')).toEqual([{ code: 'min', argument: '2026-01-01' }]);
    expect(validateField(date, '2026-03-01')).toEqual([]);
  });

  it('does not check read-only fields (they are not sent)', () => {
    expect(validateField({ id: 'r', label: 'r', type: 'string', required: true, readOnly: true }, undefined)).toEqual([]);
  });

  it('reports every field at once', () => {
    const errors = validateForm([text([], true), { id: 'n', label: 'n', type: 'long', required: true }], { n: 'x' });
    expect(Object.keys(errors).sort()).toEqual(['n', 'note']);
  });
});

describe('values', () => {
  it('parses ISO dates with and without offsets', () => {
    expect(parseDate('2026-10-10')).toBe(Date.UTC(2026, 9, 10));
    expect(parseDate('2026-10-10T08:00+08:00')).toBe(Date.UTC(2026, 9, 10, 0, 0));
    expect(parseDate('10/10/2026')).toBeNull();
  });

  it('converts input text to the type the server expects', () => {
    expect(toValue({ id: 'n', label: '', type: 'long', required: false }, ' 42 ')).toBe(42);
    expect(toValue({ id: 'n', label: '', type: 'long', required: false }, '4.2')).toBe('4.2');
    expect(toValue({ id: 'b', label: '', type: 'boolean', required: false }, 'false')).toBe(false);
    expect(toValue(text(), '')).toBeUndefined();
  });

  it('leaves read-only and empty fields out of the variables', () => {
    const fields: FormFieldView[] = [text(), { id: 'r', label: '', type: 'string', required: false, readOnly: true, defaultValue: 'x' }];
    expect(collectVariables(fields, { note: '', r: 'x' })).toEqual({});
    expect(collectVariables(fields, { note: '好', r: 'x' })).toEqual({ note: '好' });
  });
});

describe('generateForm', () => {
  const fields: FormFieldView[] = [
    { id: 'decision', label: '受理意见', type: 'enum', required: true, enumValues: [{ id: 'accept', name: '受理' }, { id: 'reject', name: '不予受理' }] },
    { id: 'urgent', label: '紧急', type: 'boolean', required: false, defaultValue: true },
    { id: 'count', label: '户数', type: 'long', required: false },
    { id: 'compound', label: '小区', type: 'string', required: false, readOnly: true, defaultValue: '滨江花园' },
    text([['maxlength', '500']], true),
  ];

  it('builds an input per field: radios for a decision, yes/no, number, read-only text, a text area for long text', () => {
    const form = generateForm(fields);
    document.body.replaceChildren(form.element);
    expect(document.querySelectorAll('input[name="f-decision"][type=radio]')).toHaveLength(2);
    expect((document.querySelector('input[name="f-urgent"][value=true]') as HTMLInputElement).checked).toBe(true);
    expect(document.querySelector('#f-count')?.getAttribute('type')).toBe('number');
    expect(document.querySelector('[data-field=compound] .readonly-value')?.textContent).toBe('滨江花园');
    expect(document.querySelector('#f-note')?.tagName).toBe('TEXTAREA');
    expect(document.querySelector('[data-field=note] .required')).not.toBeNull();
  });

  it('validates, shows the errors under the fields, and reads typed values', () => {
    const form = generateForm(fields);
    document.body.replaceChildren(form.element);
    expect(form.validate()).toBe(false);
    expect(document.querySelector('#f-decision-error')?.textContent).toBe('此项为必填项。');
    expect(document.querySelector('#f-note-error')?.textContent).toBe('此项为必填项。');

    (document.querySelector('input[name="f-decision"][value=accept]') as HTMLInputElement).checked = true;
    (document.querySelector('#f-note') as HTMLTextAreaElement).value = '已核实';
    (document.querySelector('#f-count') as HTMLInputElement).value = '12';
    expect(form.validate()).toBe(true);
    expect(document.querySelector('#f-note-error')?.hasAttribute('hidden')).toBe(true);
    expect(collectVariables(fields, form.values())).toEqual({ decision: 'accept', urgent: true, count: 12, note: '已核实' });
  });

  it('shows the server\'s messages on the fields', () => {
    const form = generateForm(fields);
    document.body.replaceChildren(form.element);
    expect(form.showErrors({ note: ['最多输入 500 个字符。'] })).toBe(1);
    expect(document.querySelector('#f-note-error')?.textContent).toBe('最多输入 500 个字符。');
    expect(document.querySelector('#f-note')?.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('generateForm editing', () => {
  it('clears a field\'s error when the user changes it', () => {
    const form = generateForm([{ id: 'decision', label: '受理意见', type: 'enum', required: true, enumValues: [{ id: 'accept', name: '受理' }] }]);
    document.body.replaceChildren(form.element);
    expect(form.validate()).toBe(false);
    const radio = document.querySelector('input[name="f-decision"]') as HTMLInputElement;
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    expect(document.querySelector('#f-decision-error')?.hasAttribute('hidden')).toBe(true);
    expect(form.isDirty()).toBe(true);
  });
});
