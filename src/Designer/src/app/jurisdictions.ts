import type { ListJurisdictionsNode } from '../api/schema';
import { api } from './api';

/** One node of the city's tree (GET /api/jurisdictions), e.g. path `jiangyin/chengjiang/huangshan`. */
export type Jurisdiction = ListJurisdictionsNode;

let byPath = new Map<string, Jurisdiction>();
let loading: Promise<void> | null = null;

/** Loads the tree once per session (names for paths in the header, filters by town/street). */
export function loadJurisdictions(): Promise<void> {
  loading ??= api
    .get<Jurisdiction[]>('/api/jurisdictions')
    .then((nodes) => {
      byPath = new Map(nodes.map((n) => [n.path, n]));
    })
    .catch(() => {
      loading = null;
    });
  return loading;
}

export function jurisdictions(): readonly Jurisdiction[] {
  return [...byPath.values()];
}

/** `jiangyin/chengjiang/huangshan` → `澄江街道 / 黄山社区` (the city itself left out below the top); the path when unknown. */
export function jurisdictionName(path: string): string {
  const names: string[] = [];
  for (let node = byPath.get(path); node; node = node.parentPath ? byPath.get(node.parentPath) : undefined) {
    names.unshift(node.name);
  }
  if (names.length === 0) return path;
  return (names.length > 1 ? names.slice(1) : names).join(' / ');
}
