import { api, type ElementError } from '../../app/api';

/** GET /api/definitions */
export interface DefinitionSummary {
  key: string;
  name: string | null;
  latestVersion: number;
  /** Administrators: the definitions file has newer content than the person's version kept at start-up. */
  fileUpdate?: boolean;
}

/** GET /api/definitions/{key} */
export interface DefinitionVersions {
  key: string;
  name: string | null;
  versions: DefinitionVersion[];
  /** Administrators: the definitions file's newer content, to diff and then adopt or ignore. */
  fileUpdate?: FileUpdate | null;
}

export interface FileUpdate {
  fileName: string;
  contentHash: string;
  lastFileVersion: number | null;
  xml: string;
}

export interface DefinitionVersion {
  version: number;
  id: string;
  deployedAt: string;
  deployedBy: string | null;
  note: string | null;
  /** `file:<name>.bpmn` or `user:<username>`; null for versions deployed before sources were kept. */
  source?: string | null;
  contentHash?: string;
}

/** POST /api/deployments: 201 with the new versions, 200 when nothing changed. */
export interface DeploymentResult {
  deploymentId: string;
  definitions: { key: string; version: number; name: string | null; id: string }[];
}

/** One problem of POST /api/deployments?dryRun=true: the element, a stable code, the message in the console's language. */
export interface DeploymentProblem extends ElementError {
  code: string;
  severity: 'error' | 'warning';
  /** The engine's English sentence. */
  detail: string;
}

/** POST /api/deployments?dryRun=true: what a deployment would do, and every problem; nothing is stored. */
export interface DryRunResult {
  valid: boolean;
  definitions: { key: string; version: number; name: string | null; isNew: boolean }[];
  errors: DeploymentProblem[];
  warnings: DeploymentProblem[];
}

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
