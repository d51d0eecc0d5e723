// A procedure's start form as the generic start page shows it: the BPMN start event's camunda:formFields (types
// enum / boolean / long / double / string, required, min / max / minlength / maxlength), the conditional
// `requiredWhen` property the Host checks (src/Host/Validation/FormValidator.cs), and on-behalf-of fields only
// for the roles named in them. Pure: no API calls, no DOM beyond parsing.
import { byLocalName } from '../common/caseinfo';
import { validateForm, type FieldError, type FormFieldView, type Values } from '../tasks/form';
import { fieldsFromStartForm } from '../portal/filings';

/** "Required when another field has one of these values" (`other=a|b`). */
export interface RequiredWhen {
  field: string;
  values: string[];
}

export interface StartField extends FormFieldView {
  requiredWhen?: RequiredWhen;
}

export interface StartForm {
  fields: StartField[];
  /** The procedure is about one compound (it looks the compound up): the page asks which. */
  needsCompound: boolean;
}

/** Parses `other=a|b`; undefined for anything else (as the Host ignores it). */
export function parseRequiredWhen(rule: string | null | undefined): RequiredWhen | undefined {
  if (!rule) return undefined;
  const at = rule.indexOf('=');
  if (at <= 0) return undefined;
  const field = rule.slice(0, at).trim();
  const values = rule.slice(at + 1).split('|').map((v) => v.trim()).filter(Boolean);
  return field && values.length ? { field, values } : undefined;
}

/**
 * The form fields of the start event a person starts: the process's none start event (no timer, message or signal
 * definition — the quarterly assessment also has a timer start), else the first start event with a form.
 */
export function startFields(xml: string): Element[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const process = byLocalName(doc, 'process')[0] ?? doc.documentElement;
  const starts = Array.from(process.children).filter((e) => e.localName === 'startEvent');
  const none = starts.find((e) => !Array.from(e.children).some((c) => c.localName.endsWith('EventDefinition')));
  const hasForm = (e: Element) => byLocalName(e, 'formField').length > 0 || byLocalName(e, 'formProperty').length > 0;
  const chosen = none ?? starts.find(hasForm);
  if (!chosen) return [];
  const fields = byLocalName(chosen, 'formField');
  return fields.length ? fields : byLocalName(chosen, 'formProperty').flatMap((p) => asFormField(doc, p));
}

/**
 * The older camunda:formProperty (also Activiti's and Flowable's) as the formField the page reads, as the engine maps
 * it (docs/bpmn-support.md): name → label, type (string when absent), default → defaultValue, required and
 * writable="false" → constraints, enum values kept; a property with readable="false" is not in the form.
 */
function asFormField(doc: Document, property: Element): Element[] {
  if (property.getAttribute('readable') === 'false') return [];
  const ns = property.namespaceURI;
  const field = doc.createElementNS(ns, 'formField');
  field.setAttribute('id', property.getAttribute('id') ?? '');
  const name = property.getAttribute('name');
  if (name) field.setAttribute('label', name);
  field.setAttribute('type', property.getAttribute('type') ?? 'string');
  const fallback = property.getAttribute('default');
  if (fallback !== null) field.setAttribute('defaultValue', fallback);
  const constraints: string[] = [];
  if (property.getAttribute('required') === 'true') constraints.push('required');
  if (property.getAttribute('writable') === 'false') constraints.push('readonly');
  for (const constraint of constraints) {
    const element = doc.createElementNS(ns, 'constraint');
    element.setAttribute('name', constraint);
    field.appendChild(element);
  }
  for (const value of byLocalName(property, 'value')) field.appendChild(value.cloneNode(true));
  return [field];
}

/** The start form of a definition's XML for a user with these roles. */
export function startForm(xml: string, roles: readonly string[]): StartForm {
  const elements = startFields(xml);
  const visible = fieldsFromStartForm(elements, roles);
  const rules = new Map(elements.map((e) => [
    e.getAttribute('id') ?? '',
    parseRequiredWhen(byLocalName(e, 'property').find((p) => p.getAttribute('id') === 'requiredWhen')?.getAttribute('value')),
  ] as const));
  const fields: StartField[] = visible.map((field) => {
    const rule = rules.get(field.id);
    return rule ? { ...field, requiredWhen: rule } : field;
  });
  return { fields, needsCompound: xml.includes('${lookupCompound}') };
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Whether the field's requiredWhen condition holds for these values. */
export function requiredNow(field: StartField, values: Values): boolean {
  if (!field.requiredWhen) return false;
  const other = values[field.requiredWhen.field];
  return typeof other === 'string' && field.requiredWhen.values.includes(other);
}

/** Every field's errors: the form's own checks, plus "required" for an empty field whose condition holds. */
export function validateStart(fields: readonly StartField[], values: Values): Record<string, FieldError[]> {
  const errors = validateForm(fields, values);
  for (const field of fields) {
    if (requiredNow(field, values) && isEmpty(values[field.id])) {
      errors[field.id] = [{ code: 'required' }, ...(errors[field.id] ?? [])];
    }
  }
  return errors;
}
