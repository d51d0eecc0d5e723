import type Modeler from 'bpmn-js/lib/Modeler';
import type { ElementError } from '../../app/api';
import { h } from '../../app/dom';

interface Canvas {
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
}
interface Overlays {
  add(id: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}

/**
 * Shows the server's validation problems (its dry run, or a 400 from POST /api/deployments) on the offending
 * elements: a red (errors) or amber (warnings) outline and a badge with the messages. Returns a function that
 * removes them again.
 */
export function markServerErrors(modeler: Modeler, errors: readonly ElementError[], kind: 'error' | 'warning' = 'error'): () => void {
  const marker = kind === 'warning' ? 'anju-server-warning' : 'anju-server-error';
  const canvas = modeler.get('canvas') as Canvas;
  const overlays = modeler.get('overlays') as Overlays;
  const registry = modeler.get('elementRegistry') as { get(id: string): unknown };
  const byElement = new Map<string, string[]>();
  for (const error of errors) {
    if (error.elementId && registry.get(error.elementId)) {
      byElement.set(error.elementId, [...(byElement.get(error.elementId) ?? []), error.message]);
    }
  }
  for (const [id, messages] of byElement) {
    canvas.addMarker(id, marker);
    overlays.add(id, marker, {
      position: { top: -14, left: -10 },
      html: h('div', { class: `${marker}-badge`, title: messages.join('\n'), 'data-element-id': id }, '!', h('span', null, messages.join('；'))),
    });
  }
  return () => {
    for (const id of byElement.keys()) canvas.removeMarker(id, marker);
    overlays.remove({ type: marker });
  };
}
