// Pure rules of the administrator screens and the owners' register (tested in tests/features/admin).

import type { Jurisdiction } from '../../app/jurisdictions';

/** A node of the jurisdiction tree with its children, in the order GET /api/jurisdictions gives (by path). */
export interface TreeNode {
  node: Jurisdiction;
  depth: number;
  children: TreeNode[];
}

/** Builds the tree from the flat list; nodes whose parent is unknown become roots. */
export function buildTree(nodes: readonly Jurisdiction[]): TreeNode[] {
  const byPath = new Map<string, TreeNode>();
  const sorted = [...nodes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const node of sorted) byPath.set(node.path, { node, depth: 0, children: [] });
  const roots: TreeNode[] = [];
  for (const item of byPath.values()) {
    const parent = item.node.parentPath ? byPath.get(item.node.parentPath) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  const setDepth = (items: TreeNode[], depth: number) => {
    for (const item of items) {
      item.depth = depth;
      setDepth(item.children, depth + 1);
    }
  };
  setDepth(roots, 0);
  return roots;
}

/** The tree walked depth first (parents before children), for indented pickers. */
export function flatten(tree: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (items: readonly TreeNode[]) => {
    for (const item of items) {
      out.push(item);
      walk(item.children);
    }
  };
  walk(tree);
  return out;
}

/** What may be added under a node, as the API allows: towns/streets/zones under the city, communities under those, compounds under communities. */
export function childKinds(kind: string): string[] {
  switch (kind) {
    case 'city':
      return ['street', 'town', 'zone'];
    case 'street':
    case 'town':
    case 'zone':
      return ['community'];
    case 'community':
      return ['compound'];
    default:
      return [];
  }
}

/** A unit number as the register writes it ("3-1-201") split into building, entrance and room. */
export function splitUnitNumber(number: string): { building: string; entrance: string; room: string } {
  const parts = number.split('-').map((p) => p.trim());
  if (parts.length >= 3) return { building: parts[0]!, entrance: parts[1]!, room: parts.slice(2).join('-') };
  if (parts.length === 2) return { building: parts[0]!, entrance: '', room: parts[1]! };
  return { building: '', entrance: '', room: number.trim() };
}

/** Joins building, entrance and room back into the register's number ("3-1-201"; empty parts left out). */
export function joinUnitNumber(building: string, entrance: string, room: string): string {
  return [building, entrance, room].map((p) => p.trim()).filter((p) => p.length > 0).join('-');
}

/** Square metres with two decimals and thousands separators: 1004.4 → "1,004.40". */
export function formatArea(area: number): string {
  const [whole, fraction] = Math.abs(area).toFixed(2).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${area < 0 ? '-' : ''}${grouped}.${fraction}`;
}

/** A share as a percentage with at most two decimals: 0.0125 → "1.25%", 0.5 → "50%". */
export function formatShare(share: number): string {
  const percent = Math.round(share * 10000) / 100;
  return `${percent}%`;
}

/** |register − registered| / registered rounded up to four decimals (the API's tolerance precision); 1 when nothing is registered but some is listed. */
export function shareNeeded(register: number, registered: number): number {
  if (registered <= 0) return register === 0 ? 0 : 1;
  const share = Math.abs(register - registered) / registered;
  return Math.min(1, Math.ceil(share * 10000 - 1e-7) / 10000);
}

/**
 * The smallest tolerance the street office may confirm for the register as it is: it must cover both the area's and
 * the unit count's difference from the registry.
 */
export function minimumTolerance(registerArea: number, registeredArea: number, registerUnits: number, registeredUnits: number): number {
  return Math.max(shareNeeded(registerArea, registeredArea), shareNeeded(registerUnits, registeredUnits));
}

/** A percentage typed by a person ("2", "2.5%", "２") as the API's share (0.02), or null when not a number in 0..100. */
export function parsePercent(text: string): number | null {
  const normalized = text.trim().replace(/[％%]$/, '').replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  const percent = Number(normalized);
  if (percent < 0 || percent > 100) return null;
  return Math.round(percent * 100) / 10000;
}

/** The registry log's before/after of one edit as the fields that changed: [{ field, before, after }]. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): { field: string; before: string; after: string }[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  const out: { field: string; before: string; after: string }[] = [];
  for (const key of keys) {
    const b = text(before?.[key]);
    const a = text(after?.[key]);
    if (b !== a) out.push({ field: key, before: b, after: a });
  }
  return out;
}
