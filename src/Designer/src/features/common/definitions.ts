import type { ListDefinitionsItem } from '../../api/schema';
import { api } from '../../app/api';
import { onSessionChange } from '../../app/session';

/** GET /api/definitions; `canStart`: whether the signed-in user may start the latest version (decided by the server). */
export type DefinitionSummary = ListDefinitionsItem;

let cache: Promise<DefinitionSummary[]> | null = null;

/** The deployed procedures (GET /api/definitions), loaded once per page view. */
export function loadDefinitions(): Promise<DefinitionSummary[]> {
  cache ??= api.get<DefinitionSummary[]>('/api/definitions').catch((error: unknown) => {
    cache = null;
    throw error;
  });
  return cache;
}

export function forgetDefinitions(): void {
  cache = null;
}

// canStart belongs to the signed-in user: another user signing in on the same page must not inherit it.
onSessionChange(() => forgetDefinitions());

/** A procedure's Chinese name, or its key while unknown. */
export function definitionName(list: readonly DefinitionSummary[], key: string): string {
  return list.find((d) => d.key === key)?.name || key;
}

const xmlCache = new Map<string, Promise<string>>();

/** The BPMN XML of one version (cached: a deployed version never changes). */
export function loadXml(key: string, version?: number): Promise<string> {
  const id = `${key}@${version ?? 'latest'}`;
  let entry = xmlCache.get(id);
  if (!entry) {
    entry = api.get<string>(`/api/definitions/${encodeURIComponent(key)}/xml`, { as: 'text', query: { version } });
    entry.catch(() => xmlCache.delete(id));
    if (version !== undefined) xmlCache.set(id, entry);
  }
  return entry;
}
