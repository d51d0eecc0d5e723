import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { h } from '../../app/dom';
import { t } from '../../app/i18n';

export interface DiagramMarks {
  /** Steps waiting now (green). */
  active?: readonly string[];
  /** Steps done (grey). */
  completed?: readonly string[];
  /** Steps with an incident (red, with a badge). */
  incidents?: readonly string[];
  /** The task being worked on (blue outline). */
  current?: readonly string[];
  /** Numbers shown on the steps (per-activity counts of a definition). */
  counts?: Record<string, { active?: number; completed?: number; incidents?: number }>;
  /** Called with the id of a clicked element (the repair panel picks a step this way). */
  onSelect?: (id: string) => void;
}

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(level: string): void;
}
interface Overlays {
  add(id: string, overlay: { position: Record<string, number>; html: HTMLElement }): void;
}
interface Registry {
  get(id: string): unknown;
}
interface EventBus {
  on(event: string, callback: (event: { element?: { id?: string } }) => void): void;
}

/** Shows a definition's diagram read-only (pan and zoom) with the instance's steps marked; returns a disposer. */
export async function showDiagram(container: HTMLElement, xml: string, marks: DiagramMarks = {}): Promise<() => void> {
  container.classList.add('diagram');
  const viewer = new NavigatedViewer({ container });
  try {
    await viewer.importXML(xml);
  } catch {
    container.replaceChildren(h('p', { class: 'muted' }, t('diagram.failed')));
    return () => viewer.destroy();
  }
  const canvas = viewer.get('canvas') as unknown as Canvas;
  const overlays = viewer.get('overlays') as unknown as Overlays;
  const registry = viewer.get('elementRegistry') as unknown as Registry;
  const mark = (ids: readonly string[] | undefined, marker: string) => {
    for (const id of new Set(ids ?? [])) if (registry.get(id)) canvas.addMarker(id, marker);
  };
  mark(marks.completed, 'marker-completed');
  mark(marks.active, 'marker-active');
  mark(marks.current, 'marker-current');
  mark(marks.incidents, 'marker-incident');
  for (const id of new Set(marks.incidents ?? [])) {
    if (registry.get(id)) overlays.add(id, { position: { top: -12, right: 12 }, html: h('span', { class: 'diagram-badge badge-incident', title: t('diagram.incident') }, '!') });
  }
  for (const [id, count] of Object.entries(marks.counts ?? {})) {
    if (!registry.get(id)) continue;
    const parts: HTMLElement[] = [];
    if (count.active) parts.push(h('span', { class: 'diagram-badge badge-active', title: t('diagram.countActive') }, String(count.active)));
    if (count.completed) parts.push(h('span', { class: 'diagram-badge badge-completed', title: t('diagram.countCompleted') }, String(count.completed)));
    if (count.incidents) parts.push(h('span', { class: 'diagram-badge badge-incident', title: t('diagram.countIncidents') }, String(count.incidents)));
    if (parts.length) overlays.add(id, { position: { bottom: 8, left: -8 }, html: h('div', { class: 'diagram-counts' }, parts) });
  }
  if (marks.onSelect) {
    const onSelect = marks.onSelect;
    (viewer.get('eventBus') as unknown as EventBus).on('element.click', (event) => {
      if (event.element?.id) onSelect(event.element.id);
    });
  }
  canvas.zoom('fit-viewport');
  return () => viewer.destroy();
}

/** The legend under a marked diagram. */
export function diagramLegend(withIncidents = true): HTMLElement {
  return h(
    'div',
    { class: 'diagram-legend' },
    h('span', { class: 'legend legend-active' }, t('diagram.active')),
    h('span', { class: 'legend legend-completed' }, t('diagram.completed')),
    withIncidents ? h('span', { class: 'legend legend-incident' }, t('diagram.incident')) : null,
  );
}
