import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { ChangeHandler, diff } from 'bpmn-js-differ';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { h, replace } from '../../app/dom';
import { hasMessage, t } from '../../app/i18n';
import { translateModule } from './modeler/translate';

/** What bpmn-js-differ reports, by element id. */
export interface DiffResult {
  added: string[];
  removed: string[];
  /**
   * Changed elements: `attrs` holds the attributes with old and new values; `nested` names the properties
   * whose contents changed further down (form fields, listeners and the like under `extensionElements`).
   */
  changed: { id: string; attrs: Record<string, { oldValue: unknown; newValue: unknown }>; nested: string[] }[];
  /** The name of each element above that has one (the newer one's for a changed element). */
  names: Record<string, string>;
}

interface RawChanged {
  model: { id?: string; name?: string };
  attrs: Record<string, { oldValue: unknown; newValue: unknown }>;
}

/**
 * bpmn-js-differ's handler, also remembering which properties of a tracked element changed only below it: the
 * differ reports those as changed(element, property) with no values, which would otherwise leave an element
 * marked changed with nothing to show for it.
 */
class NestedChangeHandler extends ChangeHandler {
  declare _added: Record<string, unknown>;
  declare _removed: Record<string, unknown>;
  declare _changed: Record<string, RawChanged>;
  readonly nested = new Map<string, Set<string>>();

  changed(model: { id?: string }, property: string, newValue?: unknown, oldValue?: unknown): void {
    super.changed(model, property, newValue, oldValue);
    const id = model.id;
    if (newValue !== undefined || oldValue !== undefined || id === undefined || !this._changed[id]) return;
    const properties = this.nested.get(id) ?? new Set<string>();
    properties.add(property);
    this.nested.set(id, properties);
  }
}

/**
 * Compares two sets of moddle definitions (semantic changes; layout-only moves are left out). Pass definitions
 * that went through {@link canonicalDefinitions}, or attribute order alone can count as a change.
 */
export function compare(older: unknown, newer: unknown): DiffResult {
  const raw = diff(older, newer, new NestedChangeHandler()) as NestedChangeHandler;
  const names: Record<string, string> = {};
  const named = (id: string, element: unknown) => {
    const name = (element as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string' && name.trim() !== '') names[id] = name.trim();
  };
  for (const [id, element] of Object.entries(raw._added)) named(id, element);
  for (const [id, element] of Object.entries(raw._removed)) named(id, element);
  for (const [id, change] of Object.entries(raw._changed)) named(id, change.model);
  return {
    names,
    added: Object.keys(raw._added),
    removed: Object.keys(raw._removed),
    // bpmn-js-differ 3.2.0 hands jsondiffpatch's [old, new] pair to ChangeHandler.changed(model, key, newValue,
    // oldValue) in that order, so its "oldValue" is the newer value: swap them back.
    changed: Object.entries(raw._changed).map(([id, change]) => ({
      id,
      attrs: Object.fromEntries(
        Object.entries(change.attrs).map(([property, values]) => [property, { oldValue: values.newValue, newValue: values.oldValue }]),
      ),
      nested: [...(raw.nested.get(id) ?? [])].filter((property) => !(property in change.attrs)),
    })),
  };
}

interface Moddle {
  toXML(element: unknown): Promise<{ xml: string }>;
  fromXML(xml: string): Promise<{ rootElement: unknown }>;
}

/**
 * The definitions as the modeler would write them, read back. The differ matches elements without an id (a
 * form, a constraint) by their JSON, whose key order follows the attribute order of the file; a file written
 * by another tool or generator and the same file saved by the designer differ in that order only, so both
 * sides are put through one serialiser before comparing.
 */
export async function canonicalDefinitions(moddle: Moddle, definitions: unknown): Promise<unknown> {
  const { xml } = await moddle.toXML(definitions);
  return (await moddle.fromXML(xml)).rootElement;
}

interface Viewer {
  importXML(xml: string): Promise<unknown>;
  getDefinitions(): unknown;
  get(name: string): unknown;
  destroy(): void;
}
interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(level: string): void;
}

/**
 * Side-by-side view of two versions: the older on the left with removed (red) and changed (amber) elements,
 * the newer on the right with added (green) and changed (amber) ones, and a list of the property changes.
 */
export async function renderDiff(container: HTMLElement, left: { label: string; xml: string }, right: { label: string; xml: string }): Promise<() => void> {
  const leftCanvas = h('div', { class: 'diff-canvas', 'data-testid': 'diff-left' });
  const rightCanvas = h('div', { class: 'diff-canvas', 'data-testid': 'diff-right' });
  const summary = h('div', { class: 'diff-summary', 'data-testid': 'diff-summary' });
  replace(
    container,
    h(
      'div',
      { class: 'diff-panes' },
      h('div', { class: 'diff-pane' }, h('h2', null, left.label), leftCanvas),
      h('div', { class: 'diff-pane' }, h('h2', null, right.label), rightCanvas),
    ),
    summary,
  );

  const options = { additionalModules: [translateModule], moddleExtensions: { camunda: camundaModdle } };
  const leftViewer = new NavigatedViewer({ container: leftCanvas, ...options }) as unknown as Viewer;
  const rightViewer = new NavigatedViewer({ container: rightCanvas, ...options }) as unknown as Viewer;
  await leftViewer.importXML(left.xml);
  await rightViewer.importXML(right.xml);
  const result = compare(
    await canonicalDefinitions(leftViewer.get('moddle') as Moddle, leftViewer.getDefinitions()),
    await canonicalDefinitions(rightViewer.get('moddle') as Moddle, rightViewer.getDefinitions()),
  );

  const leftRegistry = leftViewer.get('elementRegistry') as { get(id: string): unknown };
  const rightRegistry = rightViewer.get('elementRegistry') as { get(id: string): unknown };
  const mark = (viewer: Viewer, registry: { get(id: string): unknown }, ids: string[], marker: string) => {
    for (const id of ids) if (registry.get(id)) (viewer.get('canvas') as Canvas).addMarker(id, marker);
  };
  mark(leftViewer, leftRegistry, result.removed, 'diff-removed');
  mark(leftViewer, leftRegistry, result.changed.map((c) => c.id), 'diff-changed');
  mark(rightViewer, rightRegistry, result.added, 'diff-added');
  mark(rightViewer, rightRegistry, result.changed.map((c) => c.id), 'diff-changed');
  (leftViewer.get('canvas') as Canvas).zoom('fit-viewport');
  (rightViewer.get('canvas') as Canvas).zoom('fit-viewport');

  const empty = result.added.length + result.removed.length + result.changed.length === 0;
  replace(
    summary,
    h('p', null, empty ? t('designer.diffNone') : t('designer.diffSummary', { added: result.added.length, removed: result.removed.length, changed: result.changed.length })),
    h(
      'ul',
      { class: 'diff-list' },
      result.added.map((id) => h('li', { class: 'diff-added-item', 'data-element-id': id }, h('strong', null, t('designer.diffAdded')), ' ', elementLabel(result, id))),
      result.removed.map((id) => h('li', { class: 'diff-removed-item', 'data-element-id': id }, h('strong', null, t('designer.diffRemoved')), ' ', elementLabel(result, id))),
      result.changed.map((c) =>
        h(
          'li',
          { class: 'diff-changed-item', 'data-element-id': c.id },
          h('strong', null, t('designer.diffChanged')),
          ' ',
          elementLabel(result, c.id),
          h(
            'ul',
            null,
            Object.entries(c.attrs).map(([property, change]) =>
              h('li', null, t('designer.diffProperty', { property: attributeLabel(property), old: show(change.oldValue), new: show(change.newValue) })),
            ),
            c.nested.map((property) => h('li', null, t('designer.diffNested', { property: attributeLabel(property) }))),
          ),
        ),
      ),
    ),
  );
  return () => {
    leftViewer.destroy();
    rightViewer.destroy();
  };
}

/** 社区受理（accept）: the element's name with its id, or the id alone. */
function elementLabel(result: DiffResult, id: string): string {
  const name = result.names[id];
  return name === undefined ? id : t('designer.diffElement', { name, id });
}

/** 到期时间（dueDate）: a known BPMN/Camunda attribute in the console's language, with its XML name. */
export function attributeLabel(property: string): string {
  const key = `designer.attr.${property.replace(/\[\d+\]$/, '')}`;
  return hasMessage(key) ? t('designer.diffAttr', { label: t(key), property }) : property;
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '∅';
  if (typeof value === 'object') {
    const body = (value as { body?: unknown }).body;
    if (typeof body === 'string') return body;
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string') return id;
    return JSON.stringify(value);
  }
  return String(value);
}
