import { t } from '../../../app/i18n';
import { whyUnsupported } from '../subset';

/**
 * Anju's bpmnlint rules (plugin "anju"), written against bpmnlint's rule API: a rule is a factory returning
 * `{ check(node, reporter) }`, called for every moddle element of the diagram. Messages follow the console's
 * language. The engine checks the same things at deploy time; these rules say so while drawing.
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
            });
      if (reason) reporter.report(node.id, t('lint.unsupportedElement', { reason }));
    }
    const loop = node.loopCharacteristics as ModdleElement | undefined;
    if (loop?.$instanceOf('bpmn:StandardLoopCharacteristics')) {
      reporter.report(node.id, t('lint.unsupportedElement', { reason: whyUnsupported({ type: 'standardLoopCharacteristics' }) ?? '' }));
    }
    if (node.$instanceOf('bpmn:BusinessRuleTask') && camundaAttribute(node, 'decisionRef')) {
      reporter.report(node.id, t('lint.unsupportedElement', { reason: whyUnsupported({ type: 'decisionRef' }) ?? '' }));
    }
  },
});

const userTaskAssignment: Rule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask')) return;
    if (!camundaAttribute(node, 'assignee') && !camundaAttribute(node, 'candidateGroups')) {
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

const timerParses: Rule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:TimerEventDefinition')) return;
    const owner = node.$parent?.id;
    const values = (['timeDate', 'timeDuration', 'timeCycle'] as const)
      .map((kind) => ({ kind, body: (node[kind] as ModdleElement | undefined)?.body as string | undefined }))
      .filter((v) => v.body !== undefined);
    if (values.length !== 1) {
      reporter.report(owner, t('lint.timerOneValue'));
      return;
    }
    const { kind, body } = values[0]!;
    if (!timerValueParses(kind, body ?? '')) reporter.report(owner, t('lint.timerInvalid', { value: body ?? '' }));
  },
});

const expression = /^\s*[$#]\{[^{}]+\}\s*$/;
const isoDuration = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const cronField = /^[\d*?/,\-LW#A-Z]+$/i;

/** Mirrors the engine's TimerSchedule: ISO 8601 date, duration, repeating interval or cron; or an expression. */
export function timerValueParses(kind: 'timeDate' | 'timeDuration' | 'timeCycle', raw: string): boolean {
  const value = raw.trim();
  if (value === '') return false;
  if (expression.test(value)) return true;
  switch (kind) {
    case 'timeDate':
      return isoDateTime.test(value) && !Number.isNaN(Date.parse(value));
    case 'timeDuration':
      return isoDuration.test(value) || (isoDateTime.test(value) && !Number.isNaN(Date.parse(value)));
    case 'timeCycle': {
      const parts = value.split('/');
      if (parts[0]?.startsWith('R')) {
        if (!/^R\d*$/.test(parts[0]) || parts.length < 2 || parts.length > 3) return false;
        const duration = parts[parts.length - 1]!;
        const start = parts.length === 3 ? parts[1]! : null;
        return isoDuration.test(duration) && (start === null || (isoDateTime.test(start) && !Number.isNaN(Date.parse(start))));
      }
      const fields = value.split(/\s+/);
      return fields.length >= 5 && fields.length <= 7 && fields.every((f) => cronField.test(f));
    }
  }
}

export const anjuRules: Record<string, Rule> = {
  'supported-elements': supportedElements,
  'user-task-assignment': userTaskAssignment,
  'exclusive-gateway-conditions': exclusiveGatewayConditions,
  'timer-parses': timerParses,
};
