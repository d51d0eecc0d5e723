import subset from '../../../../../docs/bpmn-subset.json';

/**
 * The BPMN subset the engine runs (docs/bpmn-subset.json, also checked against the engine's parser by
 * tests/Workflows.Tests/Parsing/BpmnSubsetTests.cs). The palette, the replace menu and the lint rules all ask
 * this module, so that the designer offers exactly what the engine accepts.
 */
export interface ElementShape {
  /** Moddle type, e.g. `bpmn:StartEvent`. */
  type: string;
  /** e.g. `bpmn:TimerEventDefinition`; none for a plain event. */
  eventDefinitionType?: string | undefined;
  /** An event subprocess. */
  triggeredByEvent?: boolean | undefined;
  /** A start event that is the start of an event subprocess (its parent has `triggeredByEvent`). */
  inEventSubProcess?: boolean | undefined;
}

const supported = subset.supported as Record<string, string[]>;
const accepted = new Set<string>(subset.acceptedNotExecuted);
const unsupported = subset.unsupported as Record<string, string>;

/** `bpmn:IntermediateCatchEvent` → `intermediateCatchEvent`. */
export function localName(type: string): string {
  const name = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `bpmn:TimerEventDefinition` → `timer`. */
export function eventKind(eventDefinitionType: string | undefined): string {
  if (!eventDefinitionType) return 'none';
  return localName(eventDefinitionType).replace(/EventDefinition$/, '');
}

/**
 * The start events of an event subprocess (docs/bpmn-support.md, "Event subprocesses"): the JSON's `startEvent` kinds
 * are those of a process-level start (none, message, timer, signal and conditional, the last started by
 * `POST /api/conditions`); inside an event subprocess the engine also runs error and escalation starts, and no none start. An error start always interrupts (checked by the lint rule `anju/event-subprocesses`).
 */
export const eventSubProcessStartKinds: readonly string[] = ['message', 'timer', 'signal', 'error', 'escalation', 'conditional'];

const noneStartInEventSubProcess = 'An event subprocess starts with a message, timer, signal, error, escalation or conditional start event.';

const startOnlyInEventSubProcess =
  'Error and escalation start events start only event subprocesses, not a process.';

/** Null when the engine runs (or at least accepts) this element; otherwise the reason it does not. */
export function whyUnsupported(shape: ElementShape): string | null {
  const name = localName(shape.type);
  // An event subprocess is a subProcess to the JSON; it lists `eventSubProcess` as unsupported while the engine does not run one.
  if (shape.triggeredByEvent && unsupported.eventSubProcess) return unsupported.eventSubProcess;
  if (accepted.has(name)) return null;
  if (name === 'startEvent' && shape.inEventSubProcess) {
    const kind = eventKind(shape.eventDefinitionType);
    if (kind === 'none') return noneStartInEventSubProcess;
    return eventSubProcessStartKinds.includes(kind) ? null : reasonForKind(kind);
  }
  const kinds = supported[name];
  if (name === 'startEvent' && kinds && !kinds.includes(eventKind(shape.eventDefinitionType)) && eventSubProcessStartKinds.includes(eventKind(shape.eventDefinitionType))) {
    return startOnlyInEventSubProcess;
  }
  if (!kinds) return unsupported[name] ?? `${name}`;
  if (kinds.length === 0) return shape.eventDefinitionType ? reasonForKind(eventKind(shape.eventDefinitionType)) : null;
  const kind = eventKind(shape.eventDefinitionType);
  return kinds.includes(kind) ? null : reasonForKind(kind);
}

function reasonForKind(kind: string): string {
  return unsupported[kind] ?? kind;
}

export function isSupported(shape: ElementShape): boolean {
  return whyUnsupported(shape) === null;
}

/** Element types (local names) the engine executes, for tests and the i18n coverage check. */
export function supportedTypes(): { type: string; kinds: string[] }[] {
  return Object.entries(supported).map(([type, kinds]) => ({ type, kinds }));
}

export function isUnsupportedAttribute(name: string): string | null {
  return unsupported[name] ?? null;
}
