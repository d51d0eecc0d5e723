import { api } from '../../app/api';
import type { Jurisdiction } from '../../app/jurisdictions';
import { buildTree, flatten } from './logic';

/** The roles of the Host (src/Host/Identity/Roles.cs), in the order the forms offer them. */
export const allRoles = ['owner', 'property-firm', 'owners-committee', 'community', 'street-office', 'enforcement-station', 'department', 'housing-bureau', 'admin', 'worker'] as const;

/** The city's tree fetched fresh (the header's cached copy may predate an administrator's additions). */
export async function fetchTree(signal?: AbortSignal): Promise<Jurisdiction[]> {
  return api.get<Jurisdiction[]>('/api/jurisdictions', { signal });
}

/** `jiangyin/chengjiang/huangshan` → `澄江街道 / 黄山社区` from the given list (the city left out below the top). */
export function pathName(path: string, nodes: ReadonlyMap<string, Jurisdiction>): string {
  const names: string[] = [];
  for (let node = nodes.get(path); node; node = node.parentPath ? nodes.get(node.parentPath) : undefined) names.unshift(node.name);
  if (names.length === 0) return path;
  return (names.length > 1 ? names.slice(1) : names).join(' / ');
}

export function byPath(nodes: readonly Jurisdiction[]): Map<string, Jurisdiction> {
  return new Map(nodes.map((n) => [n.path, n]));
}

/** Options of an indented jurisdiction picker, parents before children. */
export function jurisdictionOptions(nodes: readonly Jurisdiction[], selected: readonly string[] = []): HTMLOptionElement[] {
  return flatten(buildTree(nodes)).map((item) => {
    const option = document.createElement('option');
    option.value = item.node.path;
    option.textContent = `${'\u3000'.repeat(item.depth)}${item.node.name}`;
    option.selected = selected.includes(item.node.path);
    return option;
  });
}
