import type Modeler from 'bpmn-js/lib/Modeler';
import { createModeler } from '../../../src/features/designer/modeler/create-modeler';
import { processXml } from './fixtures';

/**
 * The designer's real Modeler and properties panel in happy-dom, for tests that edit an element in the panel and read
 * the XML bpmn-js writes. happy-dom lacks SVGTransformList.consolidate, which diagram-js calls (through tiny-svg);
 * vite.config.ts makes the panel and its preact one instance under vitest.
 */
const transformList = (document.createElementNS('http://www.w3.org/2000/svg', 'g') as unknown as { transform: { baseVal: object } }).transform.baseVal;
const transformListPrototype = Object.getPrototypeOf(transformList) as Record<string, unknown>;
if (typeof transformListPrototype.consolidate !== 'function') {
  transformListPrototype.consolidate = function consolidate(this: {
    numberOfItems: number;
    getItem(index: number): { matrix: DOMMatrix };
    clear(): void;
    appendItem(item: unknown): unknown;
  }) {
    if (this.numberOfItems === 0) return null;
    let matrix = this.getItem(0).matrix;
    for (let i = 1; i < this.numberOfItems; i++) matrix = matrix.multiply(this.getItem(i).matrix);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg') as unknown as { createSVGTransformFromMatrix(m: unknown): unknown };
    const transform = svg.createSVGTransformFromMatrix(matrix);
    this.clear();
    this.appendItem(transform);
    return transform;
  };
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Time for the panel to hear of a change (elements.changed) and render again. */
export const settle = () => wait(120);

const sizes: Record<string, [number, number]> = {
  task: [100, 80],
  subProcess: [300, 200],
  callActivity: [100, 80],
  gateway: [50, 50],
  event: [36, 36],
};

function sizeOf(tag: string): [number, number] {
  if (tag === 'subProcess') return sizes.subProcess!;
  if (tag === 'callActivity') return sizes.callActivity!;
  if (/Task$|^task$/.test(tag)) return sizes.task!;
  if (/Gateway$/.test(tag)) return sizes.gateway!;
  return sizes.event!;
}

/**
 * `processXml(body, extra)` with diagram interchange for every flow node of `body` (a grid; boundary events on their
 * host), so that bpmn-js shows it. Sequence flows are left out.
 */
export function diagramXml(body: string, extra = ''): string {
  const shapes: string[] = [];
  const hosts = new Map<string, [number, number]>();
  let index = 0;
  for (const match of body.matchAll(/<bpmn:(\w+) id="([^"]+)"([^>]*)>/g)) {
    const [, tag, id, attributes] = match as unknown as [string, string, string, string];
    if (/Definition$|^(sequenceFlow|extensionElements|incoming|outgoing|documentation)$/.test(tag)) continue;
    const [width, height] = sizeOf(tag);
    let x = 100 + (index % 4) * 400;
    let y = 100 + Math.floor(index / 4) * 300;
    const host = /attachedToRef="([^"]+)"/.exec(attributes)?.[1];
    if (tag === 'boundaryEvent' && host && hosts.has(host)) [x, y] = [hosts.get(host)![0] + 20, hosts.get(host)![1] + 62];
    else index++;
    hosts.set(id, [x, y]);
    const expanded = tag === 'subProcess' ? ' isExpanded="true"' : '';
    shapes.push(`<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${expanded}><dc:Bounds x="${x}" y="${y}" width="${width}" height="${height}" /></bpmndi:BPMNShape>`);
  }
  const diagram = `<bpmndi:BPMNDiagram id="Diagram_1" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="p">${shapes.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
  return processXml(body, extra).replace('</bpmn:definitions>', `${diagram}</bpmn:definitions>`);
}

export interface Panel {
  modeler: Modeler;
  /** Selects the element, as a click on the canvas does, and waits for the panel. */
  select(id: string): Promise<void>;
  /** The panel's root element (or one group of it, `data-group-id="group-<id>"`). */
  root(groupId?: string): HTMLElement;
  /** The text of every label in the panel (or in one group). */
  labels(groupId?: string): string[];
  /** The input, select or textarea labelled `label` (exactly), the first one in the panel (or the group). */
  field<T extends HTMLElement = HTMLInputElement>(label: string, groupId?: string): T;
  /** Types into a text field and leaves it. */
  type(label: string, value: string, groupId?: string): Promise<void>;
  choose(label: string, value: string, groupId?: string): Promise<void>;
  check(label: string, checked: boolean, groupId?: string): Promise<void>;
  /** Clicks a list group's "create" button. */
  add(groupId: string): Promise<void>;
  options(label: string, groupId?: string): string[];
  xml(): Promise<string>;
  destroy(): void;
}

export async function mountPanel(xml: string): Promise<Panel> {
  const canvas = document.createElement('div');
  const panelElement = document.createElement('div');
  document.body.append(canvas, panelElement);
  const modeler = createModeler(canvas, panelElement);
  const { warnings } = await modeler.importXML(xml);
  if (warnings.length > 0) throw new Error(`import warnings: ${warnings.map((w) => String((w as { message?: unknown }).message ?? w)).join('; ')}`);
  await wait(150); // the panel subscribes to selection changes in effects, after its first paint

  const root = (groupId?: string): HTMLElement => {
    if (!groupId) return panelElement;
    const group = panelElement.querySelector<HTMLElement>(`[data-group-id="group-${groupId}"]`);
    if (!group) throw new Error(`no group ${groupId} in the panel: ${[...panelElement.querySelectorAll('[data-group-id]')].map((g) => g.getAttribute('data-group-id')).join(', ')}`);
    return group;
  };
  const labels = (groupId?: string) => [...root(groupId).querySelectorAll('label')].map((label) => label.textContent?.trim() ?? '');
  const field = <T extends HTMLElement>(label: string, groupId?: string): T => {
    const found = [...root(groupId).querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
    const target = found?.getAttribute('for');
    const element = target ? panelElement.ownerDocument.getElementById(target) : null;
    if (!element) throw new Error(`no field labelled ${label}; labels: ${labels(groupId).join(' | ')}`);
    return element as T;
  };

  // The panel renders a change a moment after it: look for a field a little while before giving up.
  const findField = async <T extends HTMLElement>(label: string, groupId?: string): Promise<T> => {
    for (let tries = 0; ; tries++) {
      try {
        return field<T>(label, groupId);
      } catch (error) {
        if (tries >= 50) throw error;
        await wait(20);
      }
    }
  };

  return {
    modeler,
    async select(id) {
      const element = (modeler.get('elementRegistry') as { get(id: string): unknown }).get(id);
      if (!element) throw new Error(`no element ${id}`);
      (modeler.get('selection') as { select(element: unknown): void }).select(element);
      await settle();
    },
    root,
    labels,
    field,
    async type(label, value, groupId) {
      const input = await findField<HTMLInputElement>(label, groupId);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Leaving the field commits at once, as Tab does in the browser (else after the panel's 600 ms debounce).
      input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      await settle();
    },
    async choose(label, value, groupId) {
      const select = await findField<HTMLSelectElement>(label, groupId);
      select.value = value;
      select.dispatchEvent(new Event('input', { bubbles: true })); // the panel's select listens to input
      await settle();
    },
    async check(label, checked, groupId) {
      const input = await findField<HTMLInputElement>(label, groupId);
      input.checked = checked;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
    },
    async add(groupId) {
      const button = root(groupId).querySelector<HTMLButtonElement>('.bio-properties-panel-group-header-buttons button.bio-properties-panel-add-entry');
      if (!button) throw new Error(`no create button in ${groupId}`);
      button.click();
      await settle();
    },
    options(label, groupId) {
      return [...field<HTMLSelectElement>(label, groupId).querySelectorAll('option')].map((option) => option.value);
    },
    async xml() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml ?? '';
    },
    destroy() {
      modeler.destroy();
      canvas.remove();
      panelElement.remove();
    },
  };
}
