import { CheckboxEntry, SelectEntry, TextFieldEntry, isCheckboxEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import {
  asyncOptions,
  conditionType,
  conditionTypeLabels,
  conditionTypes,
  errorEventDefinitionsShown,
  eventKindOf,
  extensionValues,
  fieldInjectionsShown,
  hasInterruptingSwitch,
  hasStartInterruptingSwitch,
  implementationHost,
  implementationType,
  implementationTypeLabels,
  implementationTypes,
  isAsyncAfter,
  isAsyncBefore,
  isInterrupting,
  isStartInterrupting,
  isTextParameter,
  newTimeoutListenerId,
  listenerKind,
  listenerKindLabels,
  listenerKinds,
  parameterType,
  parameterTypeLabels,
  parameterTypes,
  signalInMappingsShown,
  startFormShown,
  taskListenerEvents,
  withCurrent,
  type ImplementationType,
  type ListenerKind,
  type ModdleElement,
  type ParameterType,
} from './panel-rules';

/**
 * The last properties provider (after bpmn-js-properties-panel's BPMN and Camunda 7 ones): it keeps their groups and
 * entries and changes only what differs for Anju's engine and for a Chinese administrator:
 * - link events: the link name labelled as such (链接名称), with what it does;
 * - escalation events: 升级名称 and 升级代码 instead of a bare "name" and "code"; no escalation code variable (the engine
 *   does not read it); on boundary events of message, timer, escalation and signal, the interrupting switch (cancelActivity);
 * - signal events: 信号名称 on the chosen root bpmn:signal, with what a signal does; no "In mappings" on signal throw and
 *   end events (the engine passes no variables with a thrown signal) unless the file has them;
 * - conditional events: 条件表达式 (a `${…}` expression, what it does) and 变量名（逗号分隔）; no condition type select while
 *   the condition is an expression, then the variable names and the kinds of change (`camunda:variableEvents`); on
 *   conditional boundary events the interrupting switch too;
 * - the start event of an event subprocess: the interrupting switch (isInterrupting; not on an error start, which always
 *   interrupts, unless the file says otherwise);
 * - no start form on message, timer and signal start events (the engine refuses one there) unless the file has one;
 * - asynchronous continuations: where the engine runs them, on every flow node, but no asyncAfter on an event-based
 *   gateway or an error or escalation end event (Camunda's retry cycle as it offers it);
 * - service, send and business-rule tasks: the implementation types the engine runs (none, class, expression, delegate
 *   expression, external; no DMN, no connector), no field injections (字段注入) and no errors of an external task
 *   (camunda:errorEventDefinition), unless the file has them;
 * - sequence flows: the condition types the engine runs (none or an expression; no script) unless the file has one;
 * - input/output parameters: text or `${…}` expressions only (the assignment type select goes, as long as the value is
 *   one; while it is a list or map, no script among its options); execution and task listeners: class, expression or
 *   delegate expression, the task events the engine runs (a timeout listener with its id and timer), each row titled
 *   in words, no field injections or listener ids (but a timeout listener's) unless the file has them;
 * - every group gets the translate service, so that the framework's own buttons ("Create", "Toggle section") are
 *   Chinese too.
 * Camunda's XML is unchanged: files round-trip with Camunda Modeler.
 */

type Translate = (template: string, replacements?: Record<string, string>) => string;

interface DiagramElement {
  id: string;
  businessObject: ModdleElement;
}

interface CommandStack {
  execute(command: string, context: unknown): void;
}

interface BpmnFactory {
  create(type: string, properties?: Record<string, unknown>): ModdleElement & { $parent?: unknown };
}

interface Modeling {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(element: DiagramElement, moddleElement: ModdleElement, properties: Record<string, unknown>): void;
}

export interface Entry {
  id: string;
  component: unknown;
  isEdited?: unknown;
  [key: string]: unknown;
}

interface ListItem {
  id: string;
  label: string;
  entries: Entry[];
  [key: string]: unknown;
}

export interface Group {
  id: string;
  label: string;
  entries?: Entry[];
  items?: ListItem[];
  translate?: Translate;
  [key: string]: unknown;
}

interface PropertiesPanel {
  registerProvider(priority: number, provider: { getGroups(element: DiagramElement): (groups: Group[]) => Group[] }): void;
}

// After bpmn-js-properties-panel's BPMN (1000) and Camunda 7 (500) providers.
const LOW_PRIORITY = 100;

const translateService = (): Translate => useService('translate') as Translate;

function firstEventDefinition(bo: ModdleElement): ModdleElement | undefined {
  return (bo.get('eventDefinitions') as ModdleElement[] | undefined)?.[0];
}

// ---- Link name ----------------------------------------------------------------------------------------------------

function LinkName({ element }: { element: DiagramElement }): unknown {
  const commandStack = useService('commandStack') as CommandStack;
  const translate = translateService();
  const debounce = useService('debounceInput') as unknown;
  const definition = firstEventDefinition(element.businessObject)!;
  return TextFieldEntry({
    element,
    id: 'linkName',
    label: translate('Link name'),
    description: translate('A link throw event continues at the link catch event of the same name in the same scope.'),
    getValue: () => definition.get('name'),
    setValue: (value: string) =>
      commandStack.execute('element.updateModdleProperties', { element, moddleElement: definition, properties: { name: value } }),
    debounce,
  });
}

// ---- Escalation name, code, interrupting --------------------------------------------------------------------------

function escalationOf(element: DiagramElement): ModdleElement | undefined {
  return firstEventDefinition(element.businessObject)?.get('escalationRef') as ModdleElement | undefined;
}

function escalationField(id: string, property: 'name' | 'escalationCode', label: (translate: Translate) => string, description?: (translate: Translate, element: DiagramElement) => string) {
  return function EscalationField({ element }: { element: DiagramElement }): unknown {
    const commandStack = useService('commandStack') as CommandStack;
    const translate = translateService();
    const debounce = useService('debounceInput') as unknown;
    const escalation = escalationOf(element)!;
    return TextFieldEntry({
      element,
      id,
      label: label(translate),
      description: description?.(translate, element),
      getValue: () => escalation.get(property),
      setValue: (value: string) =>
        commandStack.execute('element.updateModdleProperties', { element, moddleElement: escalation, properties: { [property]: value } }),
      debounce,
    });
  };
}

const EscalationName = escalationField('escalationName', 'name', (translate) => translate('Escalation name'));
const EscalationCode = escalationField(
  'escalationCode',
  'escalationCode',
  (translate) => translate('Escalation code'),
  (translate, element) =>
    element.businessObject.$instanceOf('bpmn:BoundaryEvent')
      ? translate('Catches the escalations of this code thrown inside the activity (with no escalation chosen: every escalation).')
      : translate('Caught by an escalation boundary event of the same code on an enclosing subprocess or call activity.'),
);

// ---- Signal name --------------------------------------------------------------------------------------------------

function SignalName({ element }: { element: DiagramElement }): unknown {
  const commandStack = useService('commandStack') as CommandStack;
  const translate = translateService();
  const debounce = useService('debounceInput') as unknown;
  const signal = firstEventDefinition(element.businessObject)?.get('signalRef') as ModdleElement;
  return TextFieldEntry({
    element,
    id: 'signalName',
    label: translate('Signal name'),
    description: translate(
      'A signal is broadcast by this name to every waiting case in the thrower’s jurisdiction and starts the processes with a signal start event of this name.',
    ),
    getValue: () => signal.get('name'),
    setValue: (value: string) =>
      commandStack.execute('element.updateModdleProperties', { element, moddleElement: signal, properties: { name: value } }),
    debounce,
  });
}

/** A switch of a boolean attribute of the event (cancelActivity, isInterrupting), on by default. */
function interruptingSwitch(
  id: 'cancelActivity' | 'isInterrupting',
  label: (translate: Translate) => string,
  description: (translate: Translate) => string,
  isOn: (bo: ModdleElement) => boolean,
) {
  return function InterruptingSwitch({ element }: { element: DiagramElement }): unknown {
    const modeling = useService('modeling') as Modeling;
    const translate = translateService();
    return CheckboxEntry({
      element,
      id,
      label: label(translate),
      description: description(translate),
      getValue: () => isOn(element.businessObject),
      setValue: (value: boolean) => modeling.updateProperties(element, { [id]: value }),
    });
  };
}

const Interrupting = interruptingSwitch(
  'cancelActivity',
  (translate) => translate('Interrupt the activity'),
  (translate) => translate('When off (non-interrupting), the activity goes on and the boundary event’s path starts beside it.'),
  isInterrupting,
);
const StartInterrupting = interruptingSwitch(
  'isInterrupting',
  (translate) => translate('Interrupting'),
  (translate) => translate('When on, the event subprocess cancels the other paths of its scope; when off (non-interrupting), it runs beside them.'),
  isStartInterrupting,
);

// ---- Conditional events ------------------------------------------------------------------------------------------

function ConditionExpression({ element }: { element: DiagramElement }): unknown {
  const commandStack = useService('commandStack') as CommandStack;
  const bpmnFactory = useService('bpmnFactory') as BpmnFactory;
  const translate = translateService();
  const debounce = useService('debounceInput') as unknown;
  const definition = firstEventDefinition(element.businessObject)!;
  return TextFieldEntry({
    element,
    id: 'conditionExpression',
    label: translate('Condition Expression'),
    description: translate(
      'A ${…} expression, evaluated whenever one of the listed variables changes (none listed: any variable); the event fires when it holds.',
    ),
    getValue: () => (definition.get('condition') as ModdleElement | undefined)?.get('body'),
    setValue: (value: string) => {
      const condition = bpmnFactory.create('bpmn:FormalExpression', { body: value });
      condition.$parent = definition;
      commandStack.execute('element.updateModdleProperties', { element, moddleElement: definition, properties: { condition } });
    },
    debounce,
  });
}

function VariableNames({ element }: { element: DiagramElement }): unknown {
  const commandStack = useService('commandStack') as CommandStack;
  const translate = translateService();
  const debounce = useService('debounceInput') as unknown;
  const definition = firstEventDefinition(element.businessObject)!;
  return TextFieldEntry({
    element,
    id: 'conditionVariableName',
    label: translate('Variable names (comma separated)'),
    getValue: () => definition.get('variableName'),
    setValue: (value: string) =>
      commandStack.execute('element.updateModdleProperties', {
        element,
        moddleElement: definition,
        properties: { variableName: value || undefined },
      }),
    debounce,
  });
}

/** Camunda's condition group of a conditional event, as the engine reads it: the expression first, then the variable names. */
function reshapeCondition(group: Group | undefined, bo: ModdleElement): void {
  const definition = firstEventDefinition(bo);
  if (!group?.entries || !definition?.$instanceOf('bpmn:ConditionalEventDefinition')) return;
  const condition = definition.get('condition') as ModdleElement | undefined;
  const script = condition !== undefined && condition.get('language') !== undefined;
  const byId = new Map(group.entries.map((entry) => [entry.id, entry]));
  const entries: Entry[] = [];
  // A script condition keeps Camunda's entries (type select included), to change it back to an expression.
  if (!script) entries.push({ ...(byId.get('conditionExpression') ?? { isEdited: isTextFieldEntryEdited }), id: 'conditionExpression', component: ConditionExpression });
  entries.push({ ...(byId.get('conditionVariableName') ?? { isEdited: isTextFieldEntryEdited }), id: 'conditionVariableName', component: VariableNames });
  if (byId.has('conditionVariableEvents')) entries.push(byId.get('conditionVariableEvents')!);
  if (script) entries.push(...group.entries.filter((entry) => !['conditionVariableName', 'conditionVariableEvents'].includes(entry.id)));
  group.entries = entries;
}

/** A select's options: the values the engine runs, and the current one too when it is not among them, each in words. */
function selectOptions<T extends string>(supported: readonly T[], current: T | undefined, label: (value: T) => string): { value: T; label: string }[] {
  return withCurrent(supported, current).map((value) => ({ value, label: label(value) }));
}

/** A 类型 select of `element`: the types the engine runs (and the current one, to be changed), each in words. */
function typeSelect<T extends string>(
  element: DiagramElement,
  id: string,
  translate: Translate,
  current: () => T,
  supported: readonly T[],
  labels: Record<T, string>,
  setValue: (value: T) => void,
): unknown {
  return SelectEntry({
    element,
    id,
    label: translate('Type'),
    getValue: current,
    setValue,
    getOptions: () => selectOptions(supported, current(), (type) => translate(labels[type])),
  });
}

/** Camunda's condition type select of a sequence flow without script (and with it while the condition is one, to be changed). */
function ConditionTypeSelect({ element }: { element: DiagramElement }): unknown {
  const modeling = useService('modeling') as Modeling;
  const bpmnFactory = useService('bpmnFactory') as BpmnFactory;
  const translate = translateService();
  const bo = element.businessObject;
  return typeSelect(element, 'conditionType', translate, () => conditionType(bo), conditionTypes, conditionTypeLabels, (value) => {
    const condition = value === '' ? undefined : bpmnFactory.create('bpmn:FormalExpression', { body: '' });
    if (condition) condition.$parent = bo;
    modeling.updateProperties(element, { conditionExpression: condition });
  });
}

// ---- Implementation and parameter types ----------------------------------------------------------------------------

const delegateTypes: readonly ImplementationType[] = ['class', 'expression', 'delegateExpression'];

/**
 * The commands that make `element` of implementation type `value`, as Camunda's select does for the types the engine
 * runs: the other types' attributes go (a DMN reference and a connector too), a class, expression or delegate expression
 * keeps the text of the one it replaces.
 */
function implementationCommands(element: DiagramElement, value: ImplementationType): unknown[] {
  const host = implementationHost(element.businessObject);
  const previous = implementationType(element.businessObject);
  const update = (moddleElement: ModdleElement, properties: Record<string, unknown>) => ({
    cmd: 'element.updateModdleProperties',
    context: { element, moddleElement, properties },
  });
  const properties: Record<string, unknown> = {
    'camunda:class': undefined,
    'camunda:expression': undefined,
    'camunda:delegateExpression': undefined,
    'camunda:resultVariable': undefined,
  };
  if (delegateTypes.includes(value)) properties[`camunda:${value}`] = delegateTypes.includes(previous) ? host.get(`camunda:${previous}`) : '';
  if (host.$instanceOf('camunda:DmnCapable')) {
    for (const name of ['decisionRef', 'decisionRefBinding', 'decisionRefVersion', 'mapDecisionResult', 'decisionRefTenantId']) {
      properties[`camunda:${name}`] = undefined;
    }
  }
  if (host.$instanceOf('camunda:ExternalCapable')) {
    properties['camunda:type'] = value === 'external' ? 'external' : undefined;
    properties['camunda:topic'] = value === 'external' ? '' : undefined;
  }
  const commands = [];
  const extensionElements = host.get('extensionElements') as ModdleElement | undefined;
  const values = (extensionElements?.get('values') as ModdleElement[] | undefined) ?? [];
  if (extensionElements && values.some((v) => v.$instanceOf('camunda:Connector'))) {
    commands.push(update(extensionElements, { values: values.filter((v) => !v.$instanceOf('camunda:Connector')) }));
  }
  commands.push(update(host, properties));
  return commands;
}

/** Camunda's implementation type select with the types the engine runs (and the file's own, to be changed). */
function ImplementationTypeSelect({ element }: { element: DiagramElement }): unknown {
  const commandStack = useService('commandStack') as CommandStack;
  const translate = translateService();
  const bo = element.businessObject;
  return typeSelect(element, 'implementationType', translate, () => implementationType(bo), implementationTypes(bo), implementationTypeLabels, (value) =>
    commandStack.execute('properties-panel.multi-command-executor', implementationCommands(element, value)),
  );
}

interface ParameterProps {
  idPrefix: string;
  element: DiagramElement;
  parameter: ModdleElement;
}

/** Camunda's assignment type select of a list or map parameter, without script (and with it while the value is one). */
function ParameterTypeSelect({ idPrefix, element, parameter }: ParameterProps): unknown {
  const commandStack = useService('commandStack') as CommandStack;
  const bpmnFactory = useService('bpmnFactory') as BpmnFactory;
  const translate = translateService();
  const definitionTypes: Partial<Record<ParameterType, string>> = { list: 'camunda:List', map: 'camunda:Map' };
  return SelectEntry({
    element: parameter,
    id: `${idPrefix}-type`,
    label: translate('Assignment type'),
    getValue: () => parameterType(parameter),
    setValue: (value: ParameterType) => {
      const type = definitionTypes[value];
      const definition = type ? bpmnFactory.create(type) : undefined;
      if (definition) definition.$parent = parameter;
      commandStack.execute('element.updateModdleProperties', { element, moddleElement: parameter, properties: { value: undefined, definition } });
    },
    getOptions: () =>
      selectOptions(parameterTypes, parameterType(parameter), (type) => translate(parameterTypeLabels[type])),
  });
}

// ---- Listeners -----------------------------------------------------------------------------------------------------

interface ListenerProps {
  id: string;
  element: DiagramElement;
  listener: ModdleElement;
}

function ListenerKindSelect({ id, element, listener }: ListenerProps): unknown {
  const modeling = useService('modeling') as Modeling;
  const translate = translateService();
  return SelectEntry({
    element,
    id,
    label: translate('Listener type'),
    getValue: () => listenerKind(listener),
    setValue: (value: ListenerKind) =>
      modeling.updateModdleProperties(element, listener, {
        class: undefined,
        expression: undefined,
        delegateExpression: undefined,
        script: undefined,
        [value]: '',
      }),
    getOptions: () =>
      selectOptions(listenerKinds, listenerKind(listener), (kind) => translate(listenerKindLabels[kind])),
  });
}

/** The properties of a task listener of event `value`, as Camunda's select writes them: a timeout listener gets a timer (and an id, which the engine needs). */
function taskListenerEventProperties(element: DiagramElement, listener: ModdleElement, value: string, bpmnFactory: BpmnFactory): Record<string, unknown> {
  if (value !== 'timeout') return { event: value, eventDefinitions: undefined };
  const timer = bpmnFactory.create('bpmn:TimerEventDefinition');
  timer.$parent = listener;
  const ids = extensionValues(element.businessObject, 'camunda:TaskListener').map((other) => other.get('id'));
  return { event: value, eventDefinitions: [timer], id: listener.get('id') || newTimeoutListenerId(ids) };
}

function TaskListenerEventSelect({ id, element, listener }: ListenerProps): unknown {
  const modeling = useService('modeling') as Modeling;
  const bpmnFactory = useService('bpmnFactory') as BpmnFactory;
  const translate = translateService();
  return SelectEntry({
    element,
    id,
    label: translate('Event type'),
    getValue: () => listener.get('event'),
    setValue: (value: string) => modeling.updateModdleProperties(element, listener, taskListenerEventProperties(element, listener, value, bpmnFactory)),
    getOptions: () =>
      selectOptions(taskListenerEvents, listener.get('event') as string | undefined, (event) => translate(event)),
  });
}

/** "开始（start）：表达式": a listener row's title in words (Camunda's panel leaves it in English). */
export function listenerTitle(listener: ModdleElement, translate: Translate): string {
  const event = (listener.get('event') as string | undefined) ?? '';
  return translate('{event}: {kind}', { event: event ? translate(event) : '', kind: translate(listenerKindLabels[listenerKind(listener)]) });
}

function reshapeListeners(group: Group, listeners: ModdleElement[], task: boolean, translate: Translate): void {
  group.items?.forEach((item, index) => {
    const listener = listeners[index];
    if (!listener) return;
    item.label = listenerTitle(listener, translate);
    item.entries = item.entries.flatMap((entry): Entry[] => {
      if (entry.id.endsWith('-listenerType')) return [{ ...entry, component: ListenerKindSelect }];
      if (task && entry.id.endsWith('-eventType')) return [{ ...entry, component: TaskListenerEventSelect }];
      if (entry.id.endsWith('-listenerId')) return listener.get('camunda:id') || listener.get('event') === 'timeout' ? [entry] : [];
      if (entry.id.endsWith('-fields')) return ((listener.get('fields') as unknown[] | undefined) ?? []).length > 0 ? [entry] : [];
      return [entry];
    });
  });
}

// ---- Groups --------------------------------------------------------------------------------------------------------

/** Keeps Camunda's entry (its id and edited check) and renders it with our component. */
function replaceEntry(group: Group | undefined, id: string, component: unknown): void {
  const entries = group?.entries;
  const index = entries?.findIndex((entry) => entry.id === id) ?? -1;
  if (entries && index >= 0) entries[index] = { ...entries[index]!, component };
}

function removeEntries(group: Group | undefined, keep: (entry: Entry) => boolean): void {
  if (group?.entries) group.entries = group.entries.filter(keep);
}

/** Changes Camunda's groups for `element` as described at the top of this file; returns the groups to show. */
export function reshapeGroups(element: DiagramElement, groups: Group[], translate: Translate): Group[] {
  const bo = element.businessObject;
  const find = (id: string) => groups.find((group) => group.id === id);

  replaceEntry(find('link'), 'linkName', LinkName);

  const escalation = find('escalation');
  replaceEntry(escalation, 'escalationName', EscalationName);
  replaceEntry(escalation, 'escalationCode', EscalationCode);
  const codeVariable = firstEventDefinition(bo)?.get('camunda:escalationCodeVariable');
  removeEntries(escalation, (entry) => entry.id !== 'escalationCodeVariable' || Boolean(codeVariable));

  replaceEntry(find('signal'), 'signalName', SignalName);
  const hidden = new Set<string>([
    ...(signalInMappingsShown(bo) ? [] : ['CamundaPlatform__InMapping', 'CamundaPlatform__InMappingPropagation']),
    ...(startFormShown(bo) ? [] : ['CamundaPlatform__Form', 'CamundaPlatform__FormData']),
    ...(fieldInjectionsShown(bo) ? [] : ['CamundaPlatform__FieldInjection']),
    ...(errorEventDefinitionsShown(bo) ? [] : ['CamundaPlatform__Errors']),
  ]);

  replaceEntry(find('CamundaPlatform__Implementation'), 'implementationType', ImplementationTypeSelect);

  reshapeCondition(find('CamundaPlatform__Condition'), bo);
  if (bo.$instanceOf('bpmn:SequenceFlow')) replaceEntry(find('CamundaPlatform__Condition'), 'conditionType', ConditionTypeSelect);

  const eventGroup = () => (eventKindOf(bo) === 'conditional' ? find('CamundaPlatform__Condition') : find(eventKindOf(bo))) ?? find('general');
  if (hasInterruptingSwitch(bo)) {
    eventGroup()?.entries?.push({ id: 'cancelActivity', component: Interrupting, isEdited: isCheckboxEntryEdited });
  }
  if (hasStartInterruptingSwitch(bo)) {
    eventGroup()?.entries?.push({ id: 'isInterrupting', component: StartInterrupting, isEdited: isCheckboxEntryEdited });
  }

  const allowed = asyncOptions(bo);
  const before = allowed.before || isAsyncBefore(bo);
  const after = allowed.after || isAsyncAfter(bo);
  removeEntries(find('CamundaPlatform__AsynchronousContinuations'), (entry) =>
    entry.id === 'asynchronousContinuationBefore' ? before : entry.id === 'asynchronousContinuationAfter' ? after : before || after,
  );

  for (const [groupId, property] of [['CamundaPlatform__Input', 'inputParameters'], ['CamundaPlatform__Output', 'outputParameters']] as const) {
    const inputOutput = extensionValues(bo, 'camunda:InputOutput')[0];
    const parameters = (inputOutput?.get(property) as ModdleElement[] | undefined) ?? [];
    find(groupId)?.items?.forEach((item, index) => {
      const parameter = parameters[index];
      // Text or ${…} has no type select; a list or map has one without script (a script stays selectable, to be changed).
      if (!parameter) return;
      item.entries = item.entries.flatMap((entry): Entry[] =>
        !entry.id.endsWith('-type') ? [entry] : isTextParameter(parameter) ? [] : [{ ...entry, component: ParameterTypeSelect }],
      );
    });
  }

  const listenerHost = (bo.get('processRef') as ModdleElement | undefined) ?? bo;
  const executionListeners = find('CamundaPlatform__ExecutionListener');
  if (executionListeners) reshapeListeners(executionListeners, extensionValues(listenerHost, 'camunda:ExecutionListener'), false, translate);
  const taskListeners = find('CamundaPlatform__TaskListener');
  if (taskListeners) reshapeListeners(taskListeners, extensionValues(bo, 'camunda:TaskListener'), true, translate);

  const shown = groups.filter((group) => !hidden.has(group.id) && (!group.entries || group.entries.length > 0 || group.items));
  for (const group of shown) group.translate ??= translate;
  return shown;
}

class AnjuPropertiesProvider {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly translate: Translate,
  ) {
    propertiesPanel.registerProvider(LOW_PRIORITY, this);
  }

  getGroups(element: DiagramElement): (groups: Group[]) => Group[] {
    return (groups) => reshapeGroups(element, groups, this.translate);
  }
}

export const anjuPropertiesModule = {
  __init__: ['anjuPropertiesProvider'],
  anjuPropertiesProvider: ['type', AnjuPropertiesProvider],
};
