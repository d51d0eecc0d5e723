import { t } from '../../../app/i18n';
import { whyUnsupported } from '../subset';

/**
 * Anju's bpmnlint rules (plugin "anju"), written against bpmnlint's rule API: a rule is a factory returning
 * `{ check(node, reporter) }`, called for every moddle element of the diagram. Messages follow the console's
 * language. The server is the authority (its deployment dry run runs as the diagram changes and alone decides
 * whether Deploy is possible); these rules stay only where the server gives the same verdict, and say so at once.
 */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  $attrs?: Record<string, string>;
  id?: string;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
  [key: string]: unknown;
}

export interface Reporter {
  report(id: string | undefined, message: string, path?: unknown): void;
}

export type Rule = () => { check(node: ModdleElement, reporter: Reporter): void };

/** A camunda:* attribute, whether or not the camunda moddle extension was loaded. */
export function camundaAttribute(node: ModdleElement, name: string): string | undefined {
  let value: unknown;
  try {
    value = node.get(`camunda:${name}`);
  } catch {
    value = undefined;
  }
  value ??= node.$attrs?.[`camunda:${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const supportedElements: Rule = () => ({
  check(node, reporter) {
    if (node.$instanceOf('bpmn:FlowElement')) {
      const definitions = (node.eventDefinitions as ModdleElement[] | undefined) ?? [];
      const reason =
        definitions.length > 1
          ? t('lint.multipleEventDefinitions')
          : whyUnsupported({
              type: node.$type,
              eventDefinitionType: definitions[0]?.$type,
              triggeredByEvent: node.triggeredByEvent === true,
              inEventSubProcess: node.$instanceOf('bpmn:StartEvent') && isEventSubProcess(node.$parent),
            });
      if (reason) reporter.report(node.id, t('lint.unsupportedElement', { reason }));
    }
    const loop = node.loopCharacteristics as ModdleElement | undefined;
    if (loop?.$instanceOf('bpmn:StandardLoopCharacteristics')) {
      reporter.report(node.id, t('lint.unsupportedElement', { reason: whyUnsupported({ type: 'standardLoopCharacteristics' }) ?? '' }));
    }
  },
});

const userTaskAssignment: Rule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask')) return;
    // A warning, as on the server: an administrator can still assign such a task.
    if (!camundaAttribute(node, 'assignee') && !camundaAttribute(node, 'candidateGroups') && !camundaAttribute(node, 'candidateUsers')) {
      reporter.report(node.id, t('lint.userTaskAssignment'));
    }
  },
});

const exclusiveGatewayConditions: Rule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:ExclusiveGateway')) return;
    // From the sequence flows' sourceRef: <bpmn:outgoing> children are optional in BPMN XML.
    const siblings = (node.$parent?.flowElements as ModdleElement[] | undefined) ?? [];
    const outgoing = siblings.filter((e) => e.$instanceOf('bpmn:SequenceFlow') && e.sourceRef === node);
    if (outgoing.length < 2) return;
    const fallback = node.default as ModdleElement | undefined;
    for (const flow of outgoing) {
      if (flow !== fallback && !flow.conditionExpression) {
        reporter.report(node.id, t('lint.gatewayCondition', { flow: (flow.name as string | undefined) || flow.id || '' }));
      }
    }
  },
});

/** `${…}` or `#{…}` in a signal's name: resolved where the signal is thrown or caught, so not on a process's signal start. */
export function isExpressionName(name: string): boolean {
  return name.includes('${') || name.includes('#{');
}

/**
 * A signal event as the engine reads it (docs/bpmn-support.md): its definition refers to a root bpmn:signal
 * (`signalRef`; a reference to nothing is dropped by the moddle, so it is missing here too), the signal has a name —
 * a fixed one on a process's signal start event, which has no variables yet to resolve an expression in —, and the
 * definition has no camunda:async (the signal is delivered in the thrower's transaction).
 */
const signalEvents: Rule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:SignalEventDefinition')) return;
    const event = node.$parent?.id ?? node.id;
    const signal = node.signalRef as ModdleElement | undefined;
    const name = typeof signal?.name === 'string' ? signal.name.trim() : '';
    if (!signal) reporter.report(event, t('lint.signalRef'));
    else if (name === '') reporter.report(event, t('lint.signalName', { signal: signal.id ?? '' }));
    else if (isExpressionName(name) && node.$parent?.$instanceOf('bpmn:StartEvent') && node.$parent.$parent?.$instanceOf('bpmn:Process')) {
      reporter.report(event, t('lint.signalNameExpression', { name }));
    }
    // Any value, false too, as the engine reads it (with the camunda moddle an own property, else an unknown attribute).
    const async = (Object.hasOwn(node, 'async') && node.async !== undefined) || node.$attrs?.['camunda:async'] !== undefined;
    if (async) reporter.report(event, t('lint.signalAsync'));
  },
});

function isEventSubProcess(node: ModdleElement | undefined): boolean {
  return node?.$instanceOf('bpmn:SubProcess') === true && node.triggeredByEvent === true;
}

function extensionValues(node: ModdleElement): ModdleElement[] {
  const extensionElements = node.extensionElements as ModdleElement | undefined;
  return (extensionElements?.values as ModdleElement[] | undefined) ?? [];
}

function hasInputOutput(node: ModdleElement): boolean {
  return extensionValues(node).some((value) => value.$type === 'camunda:InputOutput');
}

/**
 * Event subprocesses as the engine runs them (docs/bpmn-support.md, "Event subprocesses"): exactly one start event (its
 * kind is checked by `supported-elements`), an error start always interrupting; no sequence flows in or out, no boundary
 * events, no multi-instance, no input/output mapping.
 */
const eventSubProcesses: Rule = () => ({
  check(node, reporter) {
    if (node.$instanceOf('bpmn:StartEvent') && isEventSubProcess(node.$parent) && node.isInterrupting === false) {
      const definitions = (node.eventDefinitions as ModdleElement[] | undefined) ?? [];
      if (definitions.some((d) => d.$instanceOf('bpmn:ErrorEventDefinition'))) reporter.report(node.id, t('lint.errorStartNonInterrupting'));
    }
    if (!isEventSubProcess(node)) return;
    const children = (node.flowElements as ModdleElement[] | undefined) ?? [];
    const starts = children.filter((child) => child.$instanceOf('bpmn:StartEvent')).length;
    if (starts !== 1) reporter.report(node.id, t('lint.eventSubProcessStarts', { count: String(starts) }));
    const siblings = (node.$parent?.flowElements as ModdleElement[] | undefined) ?? [];
    if (siblings.some((e) => e.$instanceOf('bpmn:SequenceFlow') && (e.sourceRef === node || e.targetRef === node))) {
      reporter.report(node.id, t('lint.eventSubProcessFlows'));
    }
    if (siblings.some((e) => e.$instanceOf('bpmn:BoundaryEvent') && e.attachedToRef === node)) reporter.report(node.id, t('lint.eventSubProcessBoundary'));
    if ((node.loopCharacteristics as ModdleElement | undefined)?.$instanceOf('bpmn:MultiInstanceLoopCharacteristics')) {
      reporter.report(node.id, t('lint.eventSubProcessMultiInstance'));
    }
    if (hasInputOutput(node)) reporter.report(node.id, t('lint.eventSubProcessInputOutput'));
  },
});

/** The kinds of change `camunda:variableEvents` may list (the engine refuses any other). */
const VARIABLE_EVENTS = ['create', 'update', 'delete'] as const;

/** The entries of a `camunda:variableEvents` list that the engine does not know. */
function unknownVariableEvents(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '' && !(VARIABLE_EVENTS as readonly string[]).includes(entry));
}

/**
 * Conditional events as the engine runs them (docs/bpmn-support.md, "Conditional events"): `camunda:variableEvents`
 * lists only create, update and delete; no conditional catch after an event-based gateway (a conditional start at process level is `supported-elements`' part).
 */
const conditionalEvents: Rule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:ConditionalEventDefinition')) return;
    const event = node.$parent;
    const events = camundaAttribute(node, 'variableEvents');
    if (events !== undefined && (events.trim() === '' || unknownVariableEvents(events).length > 0)) {
      reporter.report(event?.id ?? node.id, t('lint.conditionalVariableEvents'));
    }
    if (!event?.$instanceOf('bpmn:IntermediateCatchEvent')) return;
    const siblings = (event.$parent?.flowElements as ModdleElement[] | undefined) ?? [];
    const afterGateway = siblings.some(
      (e) => e.$instanceOf('bpmn:SequenceFlow') && e.targetRef === event && (e.sourceRef as ModdleElement | undefined)?.$instanceOf('bpmn:EventBasedGateway'),
    );
    if (afterGateway) reporter.report(event.id, t('lint.conditionalAfterEventGateway'));
  },
});

/** A `camunda:script` anywhere in a parameter's value (a list's items, a map's entries, nested). */
function hasScript(definition: ModdleElement | undefined): boolean {
  if (!definition) return false;
  if (definition.$type === 'camunda:Script') return true;
  const items = (definition.items as ModdleElement[] | undefined) ?? [];
  const entries = ((definition.entries as ModdleElement[] | undefined) ?? []).map((entry) => entry.definition as ModdleElement | undefined);
  return [...items, ...entries].some(hasScript);
}

const implementationTasks = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];

/** Where the engine reads `camunda:inputOutput` (elsewhere it is ignored with a warning). */
const inputOutputElements = ['bpmn:Activity', 'bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent', 'bpmn:EndEvent'];

/**
 * Camunda 7 extensions the engine refuses at deploy with the element named (docs/bpmn-support.md, "Not supported"), which
 * the properties panel no longer offers but a file made elsewhere may have: DMN (`camunda:decisionRef`), connectors,
 * field injection and errors (`camunda:errorEventDefinition`) on service, send and business-rule tasks; script
 * listeners, field injection in listeners and `update` task listeners; script values of input/output parameters; script
 * conditions on sequence flows (a `language` other than JUEL). Only where the engine reads them: elsewhere (a task listener
 * on a service task, a mapping on a gateway) the server deploys with a warning that they have no effect.
 */
const refusedExtensions: Rule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:FlowElement') && !node.$instanceOf('bpmn:Process')) return;
    const report = (message: string) => reporter.report(node.id, message);
    const task = implementationTasks.some((type) => node.$instanceOf(type));
    if (node.$instanceOf('bpmn:BusinessRuleTask') && camundaAttribute(node, 'decisionRef')) report(t('lint.decisionRef'));
    const language = (node.conditionExpression as ModdleElement | undefined)?.language;
    if (node.$instanceOf('bpmn:SequenceFlow') && typeof language === 'string' && language.toLowerCase() !== 'juel') {
      report(t('lint.scriptCondition', { language }));
    }
    for (const value of extensionValues(node)) {
      if (task && value.$type === 'camunda:Connector') report(t('lint.connector'));
      if (task && value.$type === 'camunda:Field') report(t('lint.fieldInjection'));
      if (task && value.$type === 'camunda:ErrorEventDefinition') report(t('lint.errorEventDefinition'));
      const taskListener = value.$type === 'camunda:TaskListener' && node.$instanceOf('bpmn:UserTask');
      if (value.$type === 'camunda:ExecutionListener' || taskListener) {
        const listener = t(taskListener ? 'lint.taskListener' : 'lint.executionListener');
        if (value.script) report(t('lint.scriptListener', { listener }));
        if (((value.fields as unknown[] | undefined) ?? []).length > 0) report(t('lint.listenerFieldInjection', { listener }));
        if (taskListener && value.event === 'update') report(t('lint.updateTaskListener'));
      }
      if (value.$type === 'camunda:InputOutput' && inputOutputElements.some((type) => node.$instanceOf(type))) {
        const parameters = [...((value.inputParameters as ModdleElement[] | undefined) ?? []), ...((value.outputParameters as ModdleElement[] | undefined) ?? [])];
        for (const parameter of parameters) {
          if (hasScript(parameter.definition as ModdleElement | undefined)) report(t('lint.scriptParameter', { name: (parameter.name as string | undefined) ?? '' }));
        }
      }
    }
  },
});

export const anjuRules: Record<string, Rule> = {
  'supported-elements': supportedElements,
  'event-subprocesses': eventSubProcesses,
  'conditional-events': conditionalEvents,
  'signal-events': signalEvents,
  'refused-extensions': refusedExtensions,
  'user-task-assignment': userTaskAssignment,
  'exclusive-gateway-conditions': exclusiveGatewayConditions,
};

/** Each rule's category: the same as the server's (a user task without candidates is a warning there too). */
export const ruleSeverity: Record<string, 'error' | 'warn'> = {
  'user-task-assignment': 'warn',
};
