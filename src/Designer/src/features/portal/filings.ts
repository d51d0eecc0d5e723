// What a property firm or an owner files on the portal, per procedure. When the procedure's BPMN start event
// declares camunda:formFields, those are the form (startFormFromXml); otherwise these fields, taken from
// docs/procedures.md and the variables the definitions read (definitions/CONVENTIONS.md).
import { byLocalName, type VariableLabel } from '../common/caseinfo';
import type { FormFieldView } from '../tasks/form';

export interface Filing {
  key: string;
  /** i18n keys of the card and the page. */
  titleKey: 'portal.complaint' | 'portal.repair' | 'portal.violation';
  hintKey: 'portal.complaintHint' | 'portal.repairHint' | 'portal.violationHint';
  roles: readonly string[];
  fields: FormFieldView[];
  /** Photos are asked for (uploaded to the case right after it starts). */
  photos: boolean;
}

const req = (max: number, min?: number) => [
  { name: 'required', config: null },
  ...(min ? [{ name: 'minlength', config: String(min) }] : []),
  { name: 'maxlength', config: String(max) },
];

const complaintCategories = [
  ['sanitation', '环境卫生'], ['facilities', '设施设备'], ['public-order', '治安秩序'], ['fire-safety', '消防安全'],
  ['fees', '收费问题'], ['service-attitude', '服务态度'], ['other', '其他'],
] as const;

const emergencies = [
  ['elevator', '电梯严重故障'], ['fire-facilities', '消防设施、器材严重损坏'], ['facade', '建筑外立面有脱落危险'],
  ['wall-road', '围墙、道路坍塌'], ['leakage', '屋面、外墙渗漏'], ['drainage', '排水设施严重堵塞或损坏'],
] as const;

const violations = [
  ['illegal-construction', '违法建设'], ['greenery-damage', '毁坏绿化'], ['unlicensed-stall', '擅自摆摊设点'],
  ['illegal-posting', '乱贴乱挂'], ['sanitation-duty', '不履行市容环卫责任、生活垃圾分类收集转运'],
  ['structural-alteration', '损坏或擅自改变房屋承重结构、主体结构'], ['common-property-disposal', '擅自处分共用部分、共用设施设备'],
  ['parking-sale-only', '车位只售不租'], ['warranty-duty', '不履行保修责任'], ['noise', '社会生活噪声污染'],
  ['falling-objects', '高空抛物'], ['dog-keeping', '不文明养犬'], ['elevator-safety', '电梯未按规定检验、维护保养'],
  ['fee-pricing', '不执行政府指导价、未公示收费项目标准'], ['cooking-fumes', '餐饮油烟污染、违规新建扩建油烟项目'],
  ['fire-lane', '占用消防通道'], ['fire-facilities', '封堵、破坏消防设施，设施缺失损坏'], ['ebike-charging', '电动自行车违规停放、充电'],
] as const;

const choices = (list: readonly (readonly [string, string])[]) => list.map(([id, name]) => ({ id, name }));

export const filings: Filing[] = [
  {
    key: 'complaint-handling',
    titleKey: 'portal.complaint',
    hintKey: 'portal.complaintHint',
    roles: ['owner'],
    photos: true,
    fields: [
      { id: 'category', label: '投诉类别', type: 'enum', required: true, enumValues: choices(complaintCategories) },
      { id: 'description', label: '问题描述', type: 'string', required: true, constraints: req(1000, 5), multiline: true, hint: '请说明发生了什么、在哪里、持续多久（至少5个字）' },
      { id: 'location', label: '具体位置', type: 'string', required: false, constraints: req(200).slice(1), hint: '如：3幢2单元门口' },
      { id: 'contact', label: '联系电话', type: 'string', required: true, constraints: req(20, 7) },
    ],
  },
  {
    key: 'emergency-repair',
    titleKey: 'portal.repair',
    hintKey: 'portal.repairHint',
    roles: ['property-firm', 'owners-committee', 'community'],
    photos: true,
    fields: [
      { id: 'emergencyKind', label: '紧急情况类别', type: 'enum', required: true, enumValues: choices(emergencies) },
      { id: 'description', label: '险情描述', type: 'string', required: true, constraints: req(1000, 5), multiline: true },
      { id: 'repairPlan', label: '维修方案', type: 'string', required: true, constraints: req(2000, 5), multiline: true },
      { id: 'budget', label: '预算（元）', type: 'long', required: true, constraints: [{ name: 'min', config: '1' }, { name: 'max', config: '100000000' }] },
      { id: 'contractor', label: '施工单位', type: 'string', required: true, constraints: req(200) },
      { id: 'plannedDays', label: '计划工期（天）', type: 'long', required: true, constraints: [{ name: 'min', config: '1' }, { name: 'max', config: '365' }] },
      { id: 'affectedUnits', label: '分摊范围：受益的幢、单元或房号', type: 'string', required: false, constraints: req(2000).slice(1), hint: '逗号分隔，如：2（2幢）、3-1（3幢1单元）、1-101；不填为全小区共用部位' },
    ],
  },
  {
    key: 'enforcement-referral',
    titleKey: 'portal.violation',
    hintKey: 'portal.violationHint',
    roles: ['property-firm', 'owners-committee', 'owner'],
    photos: true,
    fields: [
      { id: 'category', label: '违法行为类别', type: 'enum', required: true, enumValues: choices(violations) },
      { id: 'location', label: '具体位置', type: 'string', required: true, constraints: req(200) },
      { id: 'description', label: '情况描述', type: 'string', required: true, constraints: req(1000, 5), multiline: true },
      { id: 'stopMeasures', label: '已采取的劝阻、制止措施', type: 'string', required: true, constraints: req(1000), multiline: true, hint: '报告前须已劝阻、制止无效' },
    ],
  },
];

export function filingFor(key: string): Filing | undefined {
  return filings.find((f) => f.key === key);
}

/**
 * Start-event form fields of the BPMN as the task form's shape (so generateForm can build them). A field with the
 * property onBehalfOf names a person (the complaining owner): it is offered only to the roles listed there, who file
 * for someone else (the server refuses it from anyone else).
 */
export function fieldsFromStartForm(elements: readonly Element[], roles: readonly string[] = []): FormFieldView[] {
  return elements.filter((e) => {
    const onBehalf = byLocalName(e, 'property').find((p) => p.getAttribute('id') === 'onBehalfOf');
    if (!onBehalf) return true;
    const allowed = (onBehalf.getAttribute('value') ?? '').split(',').map((r) => r.trim());
    return roles.some((r) => allowed.includes(r));
  }).map((e) => {
    const constraints = byLocalName(e, 'constraint').map((c) => ({ name: c.getAttribute('name') ?? '', config: c.getAttribute('config') }));
    const values = byLocalName(e, 'value').map((v) => ({ id: v.getAttribute('id') ?? '', name: v.getAttribute('name') ?? v.getAttribute('id') ?? '' }));
    return {
      id: e.getAttribute('id') ?? '',
      label: e.getAttribute('label') ?? e.getAttribute('id') ?? '',
      type: e.getAttribute('type') ?? 'string',
      required: constraints.some((c) => c.name === 'required'),
      readOnly: constraints.some((c) => c.name === 'readonly'),
      enumValues: values.length ? values : null,
      constraints,
      defaultValue: e.getAttribute('defaultValue') ?? undefined,
      onBehalfOf: byLocalName(e, 'property').some((p) => p.getAttribute('id') === 'onBehalfOf'),
    };
  });
}

/**
 * Adds the filing form's labels and choice names to a definition's labels (start variables have no form in
 * the BPMN), so a case's details show "占用消防通道" rather than "fire-lane".
 */
export function withFilingLabels(key: string, labels: Map<string, VariableLabel>): Map<string, VariableLabel> {
  const merged = new Map(labels);
  for (const field of filingFor(key)?.fields ?? []) {
    const entry = merged.get(field.id);
    const choices = new Map((field.enumValues ?? []).map((v) => [v.id, v.name] as const));
    if (!entry) merged.set(field.id, { label: field.label, choices });
    else for (const [id, name] of choices) if (!entry.choices.has(id)) entry.choices.set(id, name);
  }
  return merged;
}

/**
 * What the filer is told after the start: "已提交" only when the case really started; a case that stopped at an
 * incident at once did not go through (administrators were notified), and the filer must not believe otherwise.
 */
export function filingOutcome(instance: { status: string; incident?: { message: string } | null | undefined }): 'filed' | 'failed' {
  return instance.incident || instance.status === 'incident' ? 'failed' : 'filed';
}

/**
 * Whether the filer named someone else in an onBehalfOf field (an owner's account, or a caller without one: name,
 * phone, channel): the case is for that person, who is to be given the case number.
 */
export function filedForSomeone(fields: readonly FormFieldView[], values: Record<string, unknown>): boolean {
  return fields.some((f) => f.onBehalfOf && typeof values[f.id] === 'string' && (values[f.id] as string).trim() !== '');
}
