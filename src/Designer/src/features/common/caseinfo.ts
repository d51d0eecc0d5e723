// Case variables shown to people: only those with a Chinese label (from the definition's form fields or the
// list below), with choice ids turned into their names. Technical variables stay hidden.
import { formatDateTime, h } from '../../app/dom';
import { formatMoney, isMoney } from '../../app/format';
import { t } from '../../app/i18n';

/** Descendants by local name, whatever their prefix (camunda:formField, bpmn:startEvent). */
export function byLocalName(root: Document | Element, name: string): Element[] {
  return Array.from(root.querySelectorAll('*')).filter((e) => e.localName === name);
}

export interface VariableLabel {
  label: string;
  choices: Map<string, string>;
}

/** Well-known case variables of the procedures (definitions/README.md), for those no form field names. */
const known: Record<string, string> = {
  compoundName: '小区',
  description: '问题描述',
  contact: '联系电话',
  location: '具体位置',
  title: '标题',
  category: '类别',
  categoryName: '类别',
  urgent: '紧急',
  emergencyKind: '紧急情况类别',
  repairPlan: '维修方案',
  budget: '预算（元）',
  contractor: '施工单位',
  handlingResult: '处理结果',
  satisfaction: '满意度',
  reviewComment: '评价意见',
  outcome: '结果',
  leadingDepartmentName: '牵头部门',
  rejectReason: '不予受理理由',
  verifyNote: '核实意见',
  acceptNote: '受理说明',
};

const knownChoices: Record<string, string> = {
  resolved: '已解决', rejected: '不予受理', referred: '已移送执法', ruled: '街道裁定', unresolved: '未办结',
  satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意', none: '无',
};

/** Labels of every form field declared anywhere in the definition (start event and user tasks). */
export function labelsFromXml(xml: string): Map<string, VariableLabel> {
  const labels = new Map<string, VariableLabel>();
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  for (const field of byLocalName(doc, 'formField')) {
    const id = field.getAttribute('id');
    if (!id) continue;
    const entry = labels.get(id) ?? { label: field.getAttribute('label') || id, choices: new Map<string, string>() };
    for (const value of byLocalName(field, 'value')) {
      const valueId = value.getAttribute('id');
      if (valueId) entry.choices.set(valueId, value.getAttribute('name') || valueId);
    }
    labels.set(id, entry);
  }
  return labels;
}

/** The start event's form fields (a portal's filing form), in document order. */
export function startFormFromXml(xml: string): Element[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const start = byLocalName(doc, 'startEvent')[0];
  return start ? byLocalName(start, 'formField') : [];
}

export function displayValue(value: unknown, choices?: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('form.yes') : t('form.no');
  if (typeof value === 'string') {
    if (choices?.has(value)) return choices.get(value)!;
    // A moment with its zone (UTC from the server) in Beijing time; a local date-time as written.
    if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value)) return formatDateTime(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 16).replace('T', ' ');
    return knownChoices[value] ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => displayValue(v, choices)).join('、');
  if (typeof value === 'object') return '—';
  return String(value);
}

/** The Chinese label of a variable (form field label or a well-known name); undefined for technical ones. */
export function variableLabel(name: string, labels: Map<string, VariableLabel>): string | undefined {
  return labels.get(name)?.label ?? known[name];
}

/** A definition list (dl) of the labelled variables; null when none is labelled. */
export function caseInfo(variables: Record<string, unknown> | null | undefined, labels: Map<string, VariableLabel>): HTMLElement | null {
  if (!variables) return null;
  const rows: HTMLElement[] = [];
  for (const [name, value] of Object.entries(variables)) {
    const label = variableLabel(name, labels);
    if (!label || value === null || value === undefined || value === '' || (typeof value === 'object' && !Array.isArray(value))) continue;
    const shown = typeof value === 'number' && isMoney(name, label) ? formatMoney(value) : displayValue(value, labels.get(name)?.choices);
    rows.push(h('dt', null, label), h('dd', { 'data-variable': name }, shown));
  }
  return rows.length ? h('dl', { class: 'case-info' }, rows) : null;
}
