import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { diff } from 'bpmn-js-differ';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { translateModule } from './modeler/translate';

/** What bpmn-js-differ reports, by element id. */
export interface DiffResult {
  added: string[];
  removed: string[];
  changed: { id: string; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }[];
}

interface RawDiff {
  _added: Record<string, unknown>;
  _removed: Record<string, unknown>;
  _changed: Record<string, { attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
}

/** Compares two sets of moddle definitions (semantic changes; layout-only moves are left out). */
export function compare(older: unknown, newer: unknown): DiffResult {
  const raw = diff(older, newer) as RawDiff;
  return {
    added: Object.keys(raw._added),
    removed: Object.keys(raw._removed),
    // bpmn-js-differ 3.2.0 hands jsondiffpatch's [old, new] pair to ChangeHandler.changed(model, key, newValue,
    // oldValue) in that order, so its "oldValue" is the newer value: swap them back.
    changed: Object.entries(raw._changed).map(([id, change]) => ({
      id,
      attrs: Object.fromEntries(
        Object.entries(change.attrs).map(([property, values]) => [property, { oldValue: values.newValue, newValue: values.oldValue }]),
      ),
    })),
  };
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
  const result = compare(leftViewer.getDefinitions(), rightViewer.getDefinitions());

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
      result.added.map((id) => h('li', { class: 'diff-added-item' }, h('strong', null, t('designer.diffAdded')), ' ', h('code', null, id))),
      result.removed.map((id) => h('li', { class: 'diff-removed-item' }, h('strong', null, t('designer.diffRemoved')), ' ', h('code', null, id))),
      result.changed.map((c) =>
        h(
          'li',
          { class: 'diff-changed-item', 'data-element-id': c.id },
          h('strong', null, t('designer.diffChanged')),
          ' ',
          h('code', null, c.id),
          h(
            'ul',
            null,
            Object.entries(c.attrs).map(([property, change]) =>
              h('li', null, t('designer.diffProperty', { property, old: show(change.oldValue), new: show(change.newValue) })),
            ),
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
