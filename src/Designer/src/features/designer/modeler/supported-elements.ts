import * as ReplaceOptions from 'bpmn-js/lib/features/replace/ReplaceOptions';
import { isSupported, type ElementShape } from '../subset';

/**
 * bpmn-js module that hides what the engine cannot run: palette entries, replace-menu entries (and the
 * standard-loop toggle) and context-pad "append" entries of unsupported element types.
 */

// Palette entry ids of bpmn-js's PaletteProvider → the element they create.
const paletteTargets: Record<string, ElementShape> = {
  'create.start-event': { type: 'bpmn:StartEvent' },
  'create.intermediate-event': { type: 'bpmn:IntermediateThrowEvent' },
  'create.end-event': { type: 'bpmn:EndEvent' },
  'create.exclusive-gateway': { type: 'bpmn:ExclusiveGateway' },
  'create.task': { type: 'bpmn:Task' },
  'create.data-object': { type: 'bpmn:DataObjectReference' },
  'create.data-store': { type: 'bpmn:DataStoreReference' },
  'create.subprocess-expanded': { type: 'bpmn:SubProcess' },
  'create.event-subprocess-expanded': { type: 'bpmn:SubProcess', triggeredByEvent: true },
  'create.participant-expanded': { type: 'bpmn:Participant' },
  'create.group': { type: 'bpmn:Group' },
};

// Context-pad append entries → the element they append.
export const appendTargets: Record<string, ElementShape> = {
  'append.end-event': { type: 'bpmn:EndEvent' },
  'append.gateway': { type: 'bpmn:ExclusiveGateway' },
  'append.append-task': { type: 'bpmn:Task' },
  'append.intermediate-event': { type: 'bpmn:IntermediateThrowEvent' },
  'append.text-annotation': { type: 'bpmn:TextAnnotation' },
  'append.receive-task': { type: 'bpmn:ReceiveTask' },
  'append.message-intermediate-event': { type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:MessageEventDefinition' },
  'append.timer-intermediate-event': { type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' },
  'append.condition-intermediate-event': { type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:ConditionalEventDefinition' },
  'append.signal-intermediate-event': { type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:SignalEventDefinition' },
};

interface ReplaceOption {
  actionName: string;
  target: ElementShape;
}

/** Every replace option of bpmn-js by its action name ("replace-with-script-task" → bpmn:ScriptTask). */
export function replaceTargets(): Map<string, ElementShape> {
  const map = new Map<string, ElementShape>();
  for (const options of Object.values(ReplaceOptions as Record<string, unknown>)) {
    if (!Array.isArray(options)) continue;
    for (const option of options as ReplaceOption[]) {
      if (option?.actionName && option.target) map.set(option.actionName, option.target);
    }
  }
  return map;
}

type Entries = Record<string, unknown>;

/**
 * Keeps entries whose target is supported (and `fits` where it would go); entries not in `targets` are kept only when
 * `keepUnknown`.
 */
export function filterEntries(
  entries: Entries,
  targets: Map<string, ElementShape> | Record<string, ElementShape>,
  keepUnknown: (id: string) => boolean,
  fits: (target: ElementShape) => boolean = () => true,
  place: (target: ElementShape) => ElementShape = (target) => target,
): Entries {
  const lookup = targets instanceof Map ? targets : new Map(Object.entries(targets));
  const kept: Entries = {};
  for (const [id, entry] of Object.entries(entries)) {
    const target = lookup.get(id);
    if (target ? isSupported(place(target)) && fits(target) : keepUnknown(id)) kept[id] = entry;
  }
  return kept;
}

interface MenuTarget {
  host?: { businessObject?: { $instanceOf(type: string): boolean } } | null;
  businessObject?: { $instanceOf(type: string): boolean; $parent?: { triggeredByEvent?: boolean } | undefined } | null;
}

/**
 * The replace target as it would be where the menu was opened: a start event that replaces the start event of an event
 * subprocess is the start of that event subprocess (error, escalation and conditional starts run there only).
 */
export function placedAt(element: MenuTarget, target: ElementShape): ElementShape {
  const bo = element.businessObject;
  const inEventSubProcess = bo?.$instanceOf('bpmn:StartEvent') === true && bo.$parent?.triggeredByEvent === true;
  return target.type === 'bpmn:StartEvent' && inEventSubProcess ? { ...target, inEventSubProcess } : target;
}

/**
 * Whether an append entry of the context pad fits: bpmn-js offers its intermediate catch events after an event-based
 * gateway only, and the engine refuses a conditional catch there (docs/bpmn-support.md, "Conditional events").
 */
export function appendFits(target: ElementShape): boolean {
  return !(target.type === 'bpmn:IntermediateCatchEvent' && target.eventDefinitionType === 'bpmn:ConditionalEventDefinition');
}

/**
 * Whether `target` may replace the element the replace menu was opened on: an escalation boundary event only on a
 * subprocess or call activity (the engine catches escalations there only; docs/bpmn-support.md); only start events for
 * the start event of an event subprocess (it has exactly one).
 */
export function fitsWhereItGoes(element: MenuTarget, target: ElementShape): boolean {
  // The start event of an event subprocess stays a start event (bpmn-js also offers the other events of its kind).
  if (placedAt(element, { type: 'bpmn:StartEvent' }).inEventSubProcess && target.type !== 'bpmn:StartEvent') return false;
  if (target.type !== 'bpmn:BoundaryEvent' || target.eventDefinitionType !== 'bpmn:EscalationEventDefinition') return true;
  const host = element.host?.businessObject;
  return host !== undefined && (host.$instanceOf('bpmn:SubProcess') || host.$instanceOf('bpmn:CallActivity'));
}

interface Registry {
  registerProvider(...args: unknown[]): void;
}

interface ElementFactory {
  createShape(attrs: Record<string, unknown>): unknown;
}

interface Create {
  start(event: unknown, elements: unknown[], context?: unknown): void;
}

/**
 * The palette entry of an event subprocess (bpmn-js has none: it makes one only by replacing a subprocess), right after
 * the expanded subprocess: an expanded subprocess with `triggeredByEvent` and an interrupting message start event, the
 * start's kind and interrupting switch changed afterwards (replace menu, panel).
 */
export function withEventSubProcessEntry(entries: Entries, elementFactory: ElementFactory, create: Create, translate: (text: string) => string): Entries {
  const createEventSubProcess = (event: unknown) => {
    const subProcess = elementFactory.createShape({ type: 'bpmn:SubProcess', x: 0, y: 0, isExpanded: true, triggeredByEvent: true });
    const startEvent = elementFactory.createShape({ type: 'bpmn:StartEvent', x: 40, y: 82, parent: subProcess, eventDefinitionType: 'bpmn:MessageEventDefinition' });
    create.start(event, [subProcess, startEvent], { hints: { autoSelect: [subProcess] } });
  };
  const entry = {
    group: 'activity',
    className: 'bpmn-icon-event-subprocess-expanded',
    title: translate('Create event sub-process'),
    action: { dragstart: createEventSubProcess, click: createEventSubProcess },
  };
  const result: Entries = {};
  for (const [id, value] of Object.entries(entries)) {
    result[id] = value;
    if (id === 'create.subprocess-expanded') result['create.event-subprocess-expanded'] = entry;
  }
  if (!('create.event-subprocess-expanded' in result)) result['create.event-subprocess-expanded'] = entry;
  return result;
}

class SupportedElementsFilter {
  static $inject = ['palette', 'popupMenu', 'contextPad', 'elementFactory', 'create', 'translate'];

  constructor(palette: Registry, popupMenu: Registry, contextPad: Registry, elementFactory: ElementFactory, create: Create, translate: (text: string) => string) {
    const replace = replaceTargets();
    // Low priority (100): run after the providers that created the entries.
    palette.registerProvider(100, {
      getPaletteEntries: () => (entries: Entries) =>
        filterEntries(withEventSubProcessEntry(entries, elementFactory, create, translate), paletteTargets, (id) => !id.startsWith('create.')),
    });
    popupMenu.registerProvider('bpmn-replace', 100, {
      getPopupMenuEntries: (element: MenuTarget) => (entries: Entries) =>
        filterEntries(
          entries,
          replace,
          (id) => !id.startsWith('replace-with-'),
          (target) => fitsWhereItGoes(element, target),
          (target) => placedAt(element, target),
        ),
      getPopupMenuHeaderEntries: () => (entries: Entries) => {
        const { ['toggle-loop']: _standardLoop, ...rest } = entries; // standardLoopCharacteristics: not supported
        return rest;
      },
    });
    contextPad.registerProvider(100, {
      getContextPadEntries: () => (entries: Entries) => filterEntries(entries, appendTargets, (id) => !id.startsWith('append.'), appendFits),
    });
  }
}

export const supportedElementsModule = {
  __init__: ['anjuSupportedElements'],
  anjuSupportedElements: ['type', SupportedElementsFilter],
};
