/**
 * What the properties panel offers on an element, where Anju's engine differs from Camunda 7 (docs/bpmn-support.md).
 * Pure functions over the moddle elements, used by `anju-properties.ts`; an option the engine refuses is offered only
 * while the diagram still has it, so that it can be seen and taken away (the server's check marks it meanwhile).
 */
export interface ModdleElement {
  $type: string;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
}

const eventDefinitionsOf = (bo: ModdleElement): ModdleElement[] => (bo.get('eventDefinitions') as ModdleElement[] | undefined) ?? [];

/** The extension elements of `bo` (`bpmn:extensionElements` values) of `type`, or of any of `types`. */
export function extensionValues(bo: ModdleElement, ...types: string[]): ModdleElement[] {
  const extensionElements = bo.get('extensionElements') as ModdleElement | undefined;
  const values = (extensionElements?.get('values') as ModdleElement[] | undefined) ?? [];
  return values.filter((value) => types.some((type) => value.$instanceOf(type)));
}

/** `bpmn:LinkEventDefinition` → `link`; `none` without a definition. */
export function eventKindOf(bo: ModdleElement): string {
  const definition = eventDefinitionsOf(bo)[0];
  if (!definition) return 'none';
  const name = definition.$type.replace(/^bpmn:/, '').replace(/EventDefinition$/, '');
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export interface AsyncOptions {
  before: boolean;
  after: boolean;
}

/**
 * Where the engine runs `camunda:asyncBefore` / `camunda:asyncAfter` (docs/bpmn-support.md, "Asynchronous
 * continuations on events and gateways"): on every flow node both, except asyncAfter on an event-based gateway (it is
 * left by the event that occurs) and on an error end event (the error is thrown; both are server warnings, "has no
 * effect"), and on an escalation end event, whose asyncAfter the engine does not run either.
 */
export function asyncOptions(bo: ModdleElement): AsyncOptions {
  if (!bo.$instanceOf('bpmn:FlowNode')) return { before: false, after: false };
  if (bo.$instanceOf('bpmn:EventBasedGateway')) return { before: true, after: false };
  if (bo.$instanceOf('bpmn:EndEvent')) return { before: true, after: !['error', 'escalation'].includes(eventKindOf(bo)) };
  return { before: true, after: true };
}

export function isAsyncBefore(bo: ModdleElement): boolean {
  return bo.get('camunda:asyncBefore') === true || bo.get('camunda:async') === true;
}

export function isAsyncAfter(bo: ModdleElement): boolean {
  return bo.get('camunda:asyncAfter') === true;
}

/** A boundary event that may be interrupting or not: message, timer, escalation, signal and conditional (an error boundary always interrupts). */
export function hasInterruptingSwitch(bo: ModdleElement): boolean {
  return bo.$instanceOf('bpmn:BoundaryEvent') && ['message', 'timer', 'escalation', 'signal', 'conditional'].includes(eventKindOf(bo));
}

/** The start event of an event subprocess (its parent has `triggeredByEvent`). */
export function isEventSubProcessStart(bo: ModdleElement): boolean {
  const parent = (bo as ModdleElement & { $parent?: ModdleElement }).$parent;
  return bo.$instanceOf('bpmn:StartEvent') && parent !== undefined && parent.$instanceOf('bpmn:SubProcess') && parent.get('triggeredByEvent') === true;
}

/**
 * The start event of an event subprocess that may be interrupting or not (`isInterrupting`): message, timer, signal,
 * escalation and conditional; an error start always interrupts, so it has the switch only while the file says otherwise,
 * to be switched back (docs/bpmn-support.md, "Event subprocesses").
 */
export function hasStartInterruptingSwitch(bo: ModdleElement): boolean {
  if (!isEventSubProcessStart(bo)) return false;
  const kind = eventKindOf(bo);
  return ['message', 'timer', 'signal', 'escalation', 'conditional'].includes(kind) || (kind === 'error' && !isStartInterrupting(bo));
}

export function isStartInterrupting(bo: ModdleElement): boolean {
  return bo.get('isInterrupting') !== false;
}

/**
 * Whether Camunda's form groups (form key or reference, generated form fields) are offered: on user tasks and none start
 * events, not on message, timer or signal start events, whose start form the engine refuses (only a none start event
 * can have one), unless the file has one, to be removed.
 */
export function startFormShown(bo: ModdleElement): boolean {
  if (!bo.$instanceOf('bpmn:StartEvent') || eventKindOf(bo) === 'none') return true;
  if (bo.get('camunda:formKey') !== undefined || bo.get('camunda:formRef') !== undefined) return true;
  return extensionValues(bo, 'camunda:FormData', 'camunda:FormProperty').length > 0;
}

/**
 * Whether Camunda's "In mappings" groups (`camunda:in` on the signal definition of a signal throw or end event: variables
 * handed to the processes the signal starts) are offered: the engine passes no variables with a thrown signal, so they
 * show only while the file still has such a mapping, to be removed.
 */
export function signalInMappingsShown(bo: ModdleElement): boolean {
  const definition = eventDefinitionsOf(bo)[0];
  if (!definition?.$instanceOf('bpmn:SignalEventDefinition')) return true;
  return extensionValues(definition, 'camunda:In').length > 0;
}

export function isInterrupting(bo: ModdleElement): boolean {
  return bo.get('cancelActivity') !== false;
}

/** How a listener is implemented, as Camunda's panel reads it. */
export type ListenerKind = 'class' | 'expression' | 'delegateExpression' | 'script';

export function listenerKind(listener: ModdleElement): ListenerKind {
  if (listener.get('class') !== undefined) return 'class';
  if (listener.get('expression') !== undefined) return 'expression';
  if (listener.get('delegateExpression') !== undefined) return 'delegateExpression';
  if (listener.get('script') !== undefined) return 'script';
  return 'class';
}

/** The listener implementations the engine runs; a script listener is refused (scripts cannot be sandboxed). */
export const listenerKinds: readonly ListenerKind[] = ['expression', 'delegateExpression', 'class'];

/** English templates (translated by the designer's translate service) of each kind. */
export const listenerKindLabels: Record<ListenerKind, string> = {
  class: 'Java class',
  expression: 'Expression',
  delegateExpression: 'Delegate expression',
  script: 'Script',
};

/** Task listener events the engine runs (Camunda's `update` is not among them); a `timeout` listener has an id and a timer. */
export const taskListenerEvents: readonly string[] = ['create', 'assignment', 'complete', 'delete', 'timeout'];

/** An id for a new timeout listener of a task whose task listeners have `ids`: `timeout`, else `timeout2`, `timeout3` … */
export function newTimeoutListenerId(ids: readonly unknown[]): string {
  let n = 1;
  while (ids.includes(n === 1 ? 'timeout' : `timeout${n}`)) n++;
  return n === 1 ? 'timeout' : `timeout${n}`;
}

/** The options of a select: the supported ones, and the current value too when it is not one of them. */
export function withCurrent<T extends string>(supported: readonly T[], current: T | undefined): T[] {
  return current === undefined || current === '' || supported.includes(current) ? [...supported] : [...supported, current];
}

/** `camunda:inputParameter` / `outputParameter` whose value is text or a `${…}` expression (not a list, map or script). */
export function isTextParameter(parameter: ModdleElement): boolean {
  return parameter.get('definition') === undefined;
}

/**
 * The moddle element that carries a task's implementation (`camunda:class` …, `camunda:field`, `camunda:connector`), as
 * Camunda's panel reads it: the task itself, or the message definition of a message throw or end event.
 */
export function implementationHost(bo: ModdleElement): ModdleElement {
  if (bo.$instanceOf('bpmn:IntermediateThrowEvent') || bo.$instanceOf('bpmn:EndEvent')) {
    const message = eventDefinitionsOf(bo).find((definition) => definition.$instanceOf('bpmn:MessageEventDefinition'));
    if (message) return message;
  }
  return bo;
}

/** A service, send or business-rule task's implementation type, as Camunda's panel reads it; '' for none. */
export type ImplementationType = '' | 'class' | 'expression' | 'delegateExpression' | 'external' | 'dmn' | 'connector';

export function implementationType(bo: ModdleElement): ImplementationType {
  const host = implementationHost(bo);
  if (host.$instanceOf('camunda:DmnCapable') && host.get('camunda:decisionRef') !== undefined) return 'dmn';
  if (extensionValues(host, 'camunda:Connector').length > 0) return 'connector';
  if (host.$instanceOf('camunda:ExternalCapable') && host.get('camunda:type') === 'external') return 'external';
  if (host.get('camunda:class') !== undefined) return 'class';
  if (host.get('camunda:expression') !== undefined) return 'expression';
  if (host.get('camunda:delegateExpression') !== undefined) return 'delegateExpression';
  return '';
}

/**
 * The implementation types the engine runs (docs/bpmn-support.md, "Tasks"), in the order Camunda's select shows them in
 * Chinese: none, class, expression, delegate expression, external task. DMN (`camunda:decisionRef`) and connectors are
 * refused at deploy.
 */
export function implementationTypes(bo: ModdleElement): ImplementationType[] {
  const external: ImplementationType[] = implementationHost(bo).$instanceOf('camunda:ExternalCapable') ? ['external'] : [];
  return ['', 'class', 'expression', 'delegateExpression', ...external];
}

/** English templates (translated by the designer's translate service) of each implementation type, Camunda's own. */
export const implementationTypeLabels: Record<ImplementationType, string> = {
  '': '<none>',
  class: 'Java class',
  expression: 'Expression',
  delegateExpression: 'Delegate expression',
  external: 'External',
  dmn: 'DMN',
  connector: 'Connector',
};

/** Field injection (`camunda:field`) of a task: refused by the engine, so offered only while the file has one, to be removed. */
export function fieldInjectionsShown(bo: ModdleElement): boolean {
  return extensionValues(implementationHost(bo), 'camunda:Field').length > 0;
}

/** `camunda:errorEventDefinition` of an external task ("Errors"): refused by the engine, so offered only while the file has one, to be removed. */
export function errorEventDefinitionsShown(bo: ModdleElement): boolean {
  return extensionValues(bo, 'camunda:ErrorEventDefinition').length > 0;
}

/** A sequence flow's condition type, as Camunda's panel reads it: a `language` makes it a script. */
export type ConditionType = '' | 'expression' | 'script';

export function conditionType(flow: ModdleElement): ConditionType {
  const condition = flow.get('conditionExpression') as ModdleElement | undefined;
  if (!condition) return '';
  return condition.get('language') === undefined ? 'expression' : 'script';
}

/** The condition types the engine runs on a sequence flow: none or a `${…}` expression; a script condition is refused (scripts cannot be sandboxed). */
export const conditionTypes: readonly ConditionType[] = ['', 'expression'];

/** English templates (Camunda's own) of each condition type. */
export const conditionTypeLabels: Record<ConditionType, string> = {
  '': '<none>',
  expression: 'Expression',
  script: 'Script',
};

/** How an input/output parameter's value is given, as Camunda's panel reads it. */
export type ParameterType = 'stringOrExpression' | 'list' | 'map' | 'script';

export function parameterType(parameter: ModdleElement): ParameterType {
  const definition = parameter.get('definition') as ModdleElement | undefined;
  if (definition === undefined) return 'stringOrExpression';
  if (definition.$instanceOf('camunda:List')) return 'list';
  if (definition.$instanceOf('camunda:Map')) return 'map';
  return 'script';
}

/** The parameter values the engine runs: lists, maps, text or `${…}`; a `camunda:script` value is refused (scripts cannot be sandboxed). */
export const parameterTypes: readonly ParameterType[] = ['list', 'map', 'stringOrExpression'];

/** English templates (Camunda's own) of each parameter type. */
export const parameterTypeLabels: Record<ParameterType, string> = {
  list: 'List',
  map: 'Map',
  stringOrExpression: 'String or expression',
  script: 'Script',
};
