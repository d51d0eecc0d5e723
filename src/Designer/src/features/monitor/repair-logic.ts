// The repair tools' rules that need no screen: typed values, modification instructions, the migration link.
import type { BulkResult as ApiBulkResult } from '../../api/schema';
import type { MessageKey } from '../../app/i18n';

/** The types a variable can be edited as (PUT /api/instances/{id}/variables/{name}). */
export const variableTypes = ['string', 'long', 'double', 'boolean', 'json', 'null'] as const;
export type VariableType = (typeof variableTypes)[number];

/** The most likely type of a stored value, for the editor's first choice. */
export function variableTypeOf(value: unknown): VariableType {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  if (typeof value === 'string') return 'string';
  return 'json';
}

/** A stored value as the editor shows it (JSON indented; a text as it is). */
export function editorText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: MessageKey };

/** What the editor's text means as the chosen type; the server checks the same again. */
export function parseTypedValue(type: VariableType, text: string): Parsed {
  const trimmed = text.trim();
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'null':
      return { ok: true, value: null };
    case 'long':
      return /^-?\d{1,18}$/.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, error: 'repair.error.long' };
    case 'double': {
      const number = Number(trimmed);
      return trimmed !== '' && Number.isFinite(number) ? { ok: true, value: number } : { ok: false, error: 'repair.error.double' };
    }
    case 'boolean':
      return trimmed === 'true' || trimmed === 'false' ? { ok: true, value: trimmed === 'true' } : { ok: false, error: 'repair.error.boolean' };
    case 'json':
      try {
        return { ok: true, value: JSON.parse(trimmed) as unknown };
      } catch {
        return { ok: false, error: 'repair.error.json' };
      }
  }
}

export const maxReasonLength = 500;

/** Why a reason cannot be sent, or null when it can. */
export function reasonProblem(reason: string): MessageKey | null {
  if (!reason.trim()) return 'repair.error.reasonRequired';
  return reason.trim().length > maxReasonLength ? 'repair.error.reasonTooLong' : null;
}

export interface ModifyInstruction {
  type: 'cancel' | 'startBefore' | 'startAfter';
  activityId: string;
  variables?: Record<string, unknown>;
}

export interface ModifyDraft {
  /** Activities whose tokens are cancelled. */
  cancel: readonly string[];
  start: 'none' | 'startBefore' | 'startAfter';
  startActivity: string;
  /** Variables set with the start, as a JSON object text (may be empty). */
  variablesText: string;
}

/** The instructions of POST /api/instances/{id}/modify: the cancellations first, then the start. */
export function modifyInstructions(draft: ModifyDraft): { ok: true; instructions: ModifyInstruction[] } | { ok: false; error: MessageKey } {
  const instructions: ModifyInstruction[] = draft.cancel.map((activityId) => ({ type: 'cancel', activityId }));
  if (draft.start !== 'none') {
    if (!draft.startActivity) return { ok: false, error: 'repair.error.noTarget' };
    const start: ModifyInstruction = { type: draft.start, activityId: draft.startActivity };
    if (draft.variablesText.trim()) {
      let variables: unknown;
      try {
        variables = JSON.parse(draft.variablesText);
      } catch {
        return { ok: false, error: 'repair.error.variables' };
      }
      if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return { ok: false, error: 'repair.error.variables' };
      start.variables = variables as Record<string, unknown>;
    }
    instructions.push(start);
  }
  return instructions.length ? { ok: true, instructions } : { ok: false, error: 'repair.error.nothing' };
}

export interface SelectedInstance {
  id: string;
  definitionKey: string;
  definitionVersion: number;
}

/** The migration page for the selected cases, only when they all run on one version of one procedure. */
export function migrateHref(selected: readonly SelectedInstance[]): string | null {
  const first = selected[0];
  if (!first) return null;
  if (!selected.every((s) => s.definitionKey === first.definitionKey && s.definitionVersion === first.definitionVersion)) return null;
  const query = new URLSearchParams({ from: `${first.definitionKey}:${first.definitionVersion}`, instances: selected.map((s) => s.id).join(',') });
  return `#/monitor/migrate?${query.toString().replace(/%3A/g, ':').replace(/%2C/g, ',')}`;
}

/** One case's outcome of a bulk cancel or retry (POST /api/instances/bulk/cancel, /api/incidents/bulk/retry). */
export type BulkResult = ApiBulkResult;

/** How many of a bulk action's results went through and how many did not. */
export function bulkSummary(results: readonly BulkResult[]): { ok: number; failed: number } {
  const ok = results.filter((r) => r.ok).length;
  return { ok, failed: results.length - ok };
}

export interface FlowNodeInfo {
  id: string;
  name: string;
  type: string;
}

const bpmnNamespace = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const flowNodeTypes = new Set([
  'startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent',
  'task', 'userTask', 'serviceTask', 'sendTask', 'receiveTask', 'scriptTask', 'businessRuleTask', 'manualTask',
  'subProcess', 'callActivity', 'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway',
]);

/** The flow nodes of a definition (where a token can be started), in document order, named. */
export function flowNodes(xml: string): FlowNodeInfo[] {
  if (!xml) return [];
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return Array.from(doc.getElementsByTagNameNS(bpmnNamespace, '*'))
    .filter((e) => flowNodeTypes.has(e.localName) && e.getAttribute('id'))
    .map((e) => ({ id: e.getAttribute('id')!, name: e.getAttribute('name') ?? '', type: e.localName }));
}

/** "名称 (id)" for administrators, or the id alone when the step has no name. */
export function nodeLabel(node: { id: string; name?: string | null }): string {
  return node.name ? `${node.name} (${node.id})` : node.id;
}
