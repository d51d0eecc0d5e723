// A task's form, generated from its camunda:formFields, and the client-side checks that mirror the Host's
// src/Host/Validation/FormValidator.cs (the server checks again; this only saves a round trip).
// Pure: no API calls. Portals reuse it for their start forms (same field shape).
import { h } from '../../app/dom';
import { formatMoney, isMoney } from '../../app/format';
import { t, type MessageKey } from '../../app/i18n';

export interface FormFieldView {
  id: string;
  label: string;
  /** string | long | boolean | date | enum (anything else is treated as string, as the server does). */
  type: string;
  required: boolean;
  readOnly?: boolean;
  enumValues?: { id: string; name: string }[] | null;
  constraints?: { name: string; config: string | null }[] | null;
  defaultValue?: unknown;
  /** Console-only: a hint under the field and a multi-line text box. */
  hint?: string;
  multiline?: boolean;
  /** Console-only: a start-form field naming the person a case is filed for (property onBehalfOf). */
  onBehalfOf?: boolean;
}

export interface FieldError {
  code: 'required' | 'long' | 'double' | 'boolean' | 'date' | 'string' | 'enum' | 'minlength' | 'maxlength' | 'min' | 'max' | 'readonly';
  argument?: string | number;
}

export type Values = Record<string, unknown>;

function config(field: FormFieldView, name: string): string | null {
  return field.constraints?.find((c) => c.name === name)?.config ?? null;
}

/** A field marked required either way: the attribute or a `required` constraint. */
export function isRequired(field: FormFieldView): boolean {
  return field.required || (field.constraints?.some((c) => c.name === 'required') ?? false);
}

export function isReadOnly(field: FormFieldView): boolean {
  return Boolean(field.readOnly) || (field.constraints?.some((c) => c.name === 'readonly') ?? false);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Length in user-perceived characters (the server counts text elements). */
export function textLength(text: string): number {
  const Segmenter = (Intl as unknown as { Segmenter?: new (l?: string, o?: object) => { segment(s: string): Iterable<unknown> } }).Segmenter;
  if (Segmenter) return [...new Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
  return Array.from(text).length;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** ISO 8601 date or date-time as the server accepts it (no offset = UTC); null when invalid. */
export function parseDate(text: string): number | null {
  const m = datePattern.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  let time = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = m[7];
  if (offset && offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    time -= sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  }
  return time;
}

/** Every error of one field, in the server's order. */
export function validateField(field: FormFieldView, value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (isReadOnly(field)) return errors; // read-only fields are not sent
  if (isEmpty(value)) {
    if (isRequired(field)) errors.push({ code: 'required' });
    return errors;
  }
  switch (field.type) {
    case 'long': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        errors.push({ code: 'long' });
        break;
      }
      const min = config(field, 'min');
      const max = config(field, 'max');
      if (min !== null && /^-?\d+$/.test(min) && value < Number(min)) errors.push({ code: 'min', argument: Number(min) });
      if (max !== null && /^-?\d+$/.test(max) && value > Number(max)) errors.push({ code: 'max', argument: Number(max) });
      break;
    }
    case 'double': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        errors.push({ code: 'double' });
        break;
      }
      const min = config(field, 'min');
      const max = config(field, 'max');
      if (min !== null && Number.isFinite(Number(min)) && value < Number(min)) errors.push({ code: 'min', argument: min });
      if (max !== null && Number.isFinite(Number(max)) && value > Number(max)) errors.push({ code: 'max', argument: max });
      break;
    }
    case 'boolean':
      if (typeof value !== 'boolean') errors.push({ code: 'boolean' });
      break;
    case 'date': {
      const date = typeof value === 'string' ? parseDate(value) : null;
      if (date === null) {
        errors.push({ code: 'date' });
        break;
      }
      const min = config(field, 'min');
      const max = config(field, 'max');
      const lower = min === null ? null : parseDate(min);
      const upper = max === null ? null : parseDate(max);
      if (lower !== null && date < lower) errors.push({ code: 'min', argument: min! });
      if (upper !== null && date > upper) errors.push({ code: 'max', argument: max! });
      break;
    }
    case 'enum':
      if (typeof value !== 'string' || !(field.enumValues ?? []).some((v) => v.id === value)) errors.push({ code: 'enum' });
      break;
    default: {
      if (typeof value !== 'string') {
        errors.push({ code: 'string' });
        break;
      }
      const length = textLength(value);
      const min = config(field, 'minlength');
      const max = config(field, 'maxlength');
      if (min !== null && /^\d+$/.test(min) && length < Number(min)) errors.push({ code: 'minlength', argument: Number(min) });
      if (max !== null && /^\d+$/.test(max) && length > Number(max)) errors.push({ code: 'maxlength', argument: Number(max) });
    }
  }
  return errors;
}

/** Errors by field id; an empty object when the values may be sent. */
export function validateForm(fields: readonly FormFieldView[], values: Values): Record<string, FieldError[]> {
  const result: Record<string, FieldError[]> = {};
  for (const field of fields) {
    const errors = validateField(field, values[field.id]);
    if (errors.length > 0) result[field.id] = errors;
  }
  return result;
}

/** The message shown under a field for a client-side error (same wording as the server's). */
export function errorText(error: FieldError): string {
  const key = `form.error.${error.code}` as MessageKey;
  return t(key, { value: error.argument ?? '' });
}

/** Turns what an input holds into the JSON value the server expects for the field's type (undefined = leave out). */
export function toValue(field: FormFieldView, raw: string | boolean): unknown {
  if (field.type === 'boolean') return typeof raw === 'boolean' ? raw : raw === 'true' ? true : raw === 'false' ? false : undefined;
  const text = String(raw);
  if (text.trim() === '') return undefined;
  if (field.type === 'long') {
    const trimmed = text.trim();
    return /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : trimmed; // a non-number stays text → "enter a whole number"
  }
  if (field.type === 'double') {
    const trimmed = text.trim();
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : trimmed; // a non-number stays text → "enter a number"
  }
  return text;
}

/** The variables to send: every editable field that has a value. */
export function collectVariables(fields: readonly FormFieldView[], values: Values): Values {
  const out: Values = {};
  for (const field of fields) {
    if (isReadOnly(field)) continue;
    const value = values[field.id];
    if (value !== undefined && !(typeof value === 'string' && value.trim() === '')) out[field.id] = value;
  }
  return out;
}

function displayDefault(field: FormFieldView): string {
  const value = field.defaultValue;
  if (value === null || value === undefined) return '';
  if (field.type === 'enum') return field.enumValues?.find((v) => v.id === value)?.name ?? String(value);
  if (field.type === 'boolean') return value === true ? t('form.yes') : value === false ? t('form.no') : String(value);
  if (field.type === 'date' && typeof value === 'string') return value.slice(0, 10);
  if (typeof value === 'number' && isMoney(field.id, field.label)) return formatMoney(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export interface GeneratedForm {
  element: HTMLElement;
  /** Current values by field id, typed for the server. */
  values(): Values;
  /** Shows errors under their fields (client codes or the server's messages); clears the others. Returns the number shown. */
  showErrors(errors: Record<string, (FieldError | string)[]>): number;
  /** Checks and shows errors; true when the form may be sent. */
  validate(): boolean;
  isDirty(): boolean;
}

/**
 * Builds the form: a label per field, the input its type needs (text / number / yes-no / date / choice), marks
 * for required fields, read-only fields as plain text. Enum fields with few options (a decision: 受理 / 不予受理)
 * become radio buttons so the choice is one click.
 */
export function generateForm(fields: readonly FormFieldView[], options: { idPrefix?: string } = {}): GeneratedForm {
  const prefix = options.idPrefix ?? 'f';
  const readers = new Map<string, () => unknown>();
  const errorSlots = new Map<string, HTMLElement>();
  const inputs = new Map<string, HTMLElement>();
  let dirty = false;
  const markDirty = (event: Event) => {
    dirty = true;
    // A changed field's old error no longer applies; it is checked again on submit.
    const id = (event.target as HTMLElement | null)?.closest('[data-field]')?.getAttribute('data-field');
    const slot = id ? errorSlots.get(id) : undefined;
    if (slot && !slot.hidden) {
      slot.hidden = true;
      slot.textContent = '';
      inputs.get(id!)?.classList.remove('invalid');
      inputs.get(id!)?.setAttribute('aria-invalid', 'false');
    }
  };

  const rows = fields.map((field) => {
    const inputId = `${prefix}-${field.id}`;
    const errorSlot = h('div', { class: 'field-error', id: `${inputId}-error`, role: 'alert', hidden: true });
    errorSlots.set(field.id, errorSlot);
    const required = isRequired(field);
    const caption = h('span', { class: 'field-label' }, field.label || field.id, required ? h('span', { class: 'required', title: t('form.requiredMark') }, ' *') : null);

    if (isReadOnly(field)) {
      readers.set(field.id, () => field.defaultValue);
      return h('div', { class: 'field field-readonly', 'data-field': field.id }, caption, h('div', { class: 'readonly-value' }, displayDefault(field) || '—'));
    }

    let control: HTMLElement;
    const describedBy = `${inputId}-error`;
    if (field.type === 'boolean') {
      const yes = h('input', { type: 'radio', name: inputId, value: 'true', checked: field.defaultValue === true, onchange: markDirty });
      const no = h('input', { type: 'radio', name: inputId, value: 'false', checked: field.defaultValue === false, onchange: markDirty });
      control = h('div', { class: 'choices', role: 'radiogroup', 'aria-label': field.label, id: inputId },
        h('label', { class: 'choice' }, yes, t('form.yes')), h('label', { class: 'choice' }, no, t('form.no')));
      readers.set(field.id, () => (yes.checked ? true : no.checked ? false : undefined));
    } else if (field.type === 'enum' && (field.enumValues?.length ?? 0) <= 4) {
      const radios = (field.enumValues ?? []).map((v) =>
        h('input', { type: 'radio', name: inputId, value: v.id, checked: field.defaultValue === v.id, onchange: markDirty }),
      );
      control = h('div', { class: 'choices', role: 'radiogroup', 'aria-label': field.label, id: inputId },
        radios.map((radio, i) => h('label', { class: 'choice' }, radio, field.enumValues![i]!.name)));
      readers.set(field.id, () => radios.find((r) => r.checked)?.value);
    } else if (field.type === 'enum') {
      const select = h('select', { id: inputId, 'aria-describedby': describedBy, onchange: markDirty },
        h('option', { value: '' }, t('form.choose')),
        (field.enumValues ?? []).map((v) => h('option', { value: v.id, selected: field.defaultValue === v.id }, v.name)));
      control = select;
      readers.set(field.id, () => toValue(field, select.value));
    } else {
      const maxlength = config(field, 'maxlength');
      const multiline = field.multiline || (field.type === 'string' && maxlength !== null && Number(maxlength) > 200);
      const initial = field.defaultValue === null || field.defaultValue === undefined ? '' : field.type === 'date' ? String(field.defaultValue).slice(0, 10) : String(field.defaultValue);
      const input = multiline
        ? h('textarea', { id: inputId, rows: 3, 'aria-describedby': describedBy, oninput: markDirty })
        : h('input', {
            id: inputId,
            type: field.type === 'long' || field.type === 'double' ? 'number' : field.type === 'date' ? 'date' : 'text',
            step: field.type === 'long' ? 1 : field.type === 'double' ? 'any' : null,
            min: field.type === 'long' || field.type === 'double' || field.type === 'date' ? config(field, 'min') : null,
            max: field.type === 'long' || field.type === 'double' || field.type === 'date' ? config(field, 'max') : null,
            'aria-describedby': describedBy,
            oninput: markDirty,
          });
      input.value = initial;
      control = input;
      readers.set(field.id, () => toValue(field, input.value));
    }
    inputs.set(field.id, control);
    const labelFor = control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement;
    return h(
      'div',
      { class: 'field', 'data-field': field.id },
      labelFor ? h('label', { for: inputId, class: 'field-caption' }, caption) : h('div', { class: 'field-caption' }, caption),
      control,
      field.hint ? h('div', { class: 'field-hint muted' }, field.hint) : null,
      errorSlot,
    );
  });

  const values = (): Values => {
    const out: Values = {};
    for (const [id, read] of readers) out[id] = read();
    return out;
  };

  const showErrors = (errors: Record<string, (FieldError | string)[]>): number => {
    let shown = 0;
    for (const [id, slot] of errorSlots) {
      const list = errors[id] ?? [];
      slot.textContent = list.map((e) => (typeof e === 'string' ? e : errorText(e))).join(' ');
      slot.hidden = list.length === 0;
      inputs.get(id)?.classList.toggle('invalid', list.length > 0);
      inputs.get(id)?.setAttribute('aria-invalid', String(list.length > 0));
      shown += list.length;
    }
    return shown;
  };

  return {
    element: h('div', { class: 'generated-form' }, rows),
    values,
    showErrors,
    validate: () => showErrors(validateForm(fields, values())) === 0,
    isDirty: () => dirty,
  };
}
