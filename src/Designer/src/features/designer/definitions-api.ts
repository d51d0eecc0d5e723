import type {
  DeployDryRunResponse,
  DeployProblemView,
  DeployResponse,
  GetDefinitionFileUpdateView,
  GetDefinitionResponse,
  GetDefinitionVersionView,
  ListDefinitionsItem,
} from '../../api/schema';
import { api } from '../../app/api';

/** GET /api/definitions; `fileUpdate` (administrators): the definitions file has newer content than the person's version. */
export type DefinitionSummary = ListDefinitionsItem;

/** GET /api/definitions/{key}; `fileUpdate` (administrators): the file's newer content, to diff and adopt or ignore. */
export type DefinitionVersions = GetDefinitionResponse;

export type FileUpdate = GetDefinitionFileUpdateView;

/** A version; `source` is `file:<name>.bpmn` or `user:<username>` (null for versions deployed before sources were kept). */
export type DefinitionVersion = GetDefinitionVersionView;

/** POST /api/deployments: 201 with the new versions, 200 when nothing changed. */
export type DeploymentResult = DeployResponse;

/** One problem of POST /api/deployments?dryRun=true: the element, a stable code, "error" or "warning", the message. */
export type DeploymentProblem = DeployProblemView;

/** POST /api/deployments?dryRun=true: what a deployment would do, and every problem; nothing is stored. */
export type DryRunResult = DeployDryRunResponse;

export const definitionsApi = {
  list: (signal?: AbortSignal) => api.get<DefinitionSummary[]>('/api/definitions', signal ? { signal } : {}),
  versions: (key: string, signal?: AbortSignal) =>
    api.get<DefinitionVersions>(`/api/definitions/${encodeURIComponent(key)}`, signal ? { signal } : {}),
  xml: (key: string, version?: number, signal?: AbortSignal) =>
    api.get<string>(`/api/definitions/${encodeURIComponent(key)}/xml`, {
      as: 'text',
      query: { version },
      ...(signal ? { signal } : {}),
    }),
  adoptFile: (key: string, contentHash: string) =>
    api.post<DeploymentResult>(`/api/definitions/${encodeURIComponent(key)}/file-update/adopt`, { contentHash }),
  ignoreFile: (key: string, contentHash: string) =>
    api.post<void>(`/api/definitions/${encodeURIComponent(key)}/file-update/ignore`, { contentHash }),
  dryRun: (xml: string, signal?: AbortSignal) =>
    api.post<DryRunResult>('/api/deployments', undefined, {
      body: xml,
      contentType: 'application/xml',
      query: { dryRun: true },
      ...(signal ? { signal } : {}),
    }),
  deploy: (xml: string, note: string) =>
    api.post<DeploymentResult>('/api/deployments', undefined, {
      body: xml,
      contentType: 'application/xml',
      query: { note: note.trim() || undefined },
    }),
};
