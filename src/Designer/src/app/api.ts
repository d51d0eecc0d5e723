import { language, t } from './i18n';

/** RFC 7807 problem details as the Host sends them, with the contract's `errors` member normalised. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  code?: string;
  /** Field errors (`errors: { "<fieldId>": ["message"] }`), e.g. a task form or a portal form. */
  fieldErrors: Record<string, string[]>;
  /** Element errors (`errors: [ { elementId, line, message } ]`) of a rejected BPMN deployment. */
  elementErrors: ElementError[];
}

export interface ElementError {
  elementId: string | null;
  line: number | null;
  message: string;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

/** Reads any error body into a Problem; bodies that are not problem+json still give a usable message. */
export function parseProblem(status: number, body: unknown): Problem {
  const problem: Problem = { status, title: '', detail: '', fieldErrors: {}, elementErrors: [] };
  if (typeof body === 'string') {
    problem.detail = body.trim();
    return problem;
  }
  if (!isRecord(body)) return problem;

  problem.title = typeof body.title === 'string' ? body.title : '';
  problem.detail = typeof body.detail === 'string' ? body.detail : problem.title;
  if (typeof body.code === 'string') problem.code = body.code;
  if (typeof body.status === 'number') problem.status = body.status;

  const errors = body.errors;
  if (Array.isArray(errors)) {
    for (const item of errors) {
      if (isRecord(item)) {
        problem.elementErrors.push({
          elementId: typeof item.elementId === 'string' && item.elementId ? item.elementId : null,
          line: typeof item.line === 'number' ? item.line : null,
          message: typeof item.message === 'string' ? item.message : String(item.message ?? ''),
        });
      } else if (typeof item === 'string') {
        problem.elementErrors.push({ elementId: null, line: null, message: item });
      }
    }
  } else if (isRecord(errors)) {
    for (const [field, messages] of Object.entries(errors)) {
      const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
      problem.fieldErrors[field] = list;
    }
  }
  return problem;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface RequestOptions {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (FormData, XML text, ...) with `contentType` when given. */
  body?: BodyInit;
  contentType?: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Response type; JSON by default, 'text' for XML. */
  as?: 'json' | 'text' | 'blob';
  /** Where a 401 means "wrong password" rather than "session over" (the login call). */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The session decides what a 401 means for the whole app (message, back to the login page). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/**
 * Calls the Host. Authentication is the HTTP-only cookie set at login (same origin), so no token is kept in
 * script-readable storage. Errors come back as ApiError with the parsed problem.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const url = withQuery(path, options.query);
  const headers: Record<string, string> = {
    'Accept-Language': language(),
    Accept: options.as === 'text' ? 'application/xml, text/plain, */*' : 'application/json, application/problem+json',
  };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    body = options.body;
    if (options.contentType) headers['Content-Type'] = options.contentType;
  }

  let response: Response;
  try {
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) init.body = body;
    if (options.signal) init.signal = options.signal;
    response = await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, title: '', detail: t('app.networkError'), fieldErrors: {}, elementErrors: [] });
  }

  if (!response.ok) {
    const problem = parseProblem(response.status, await readBody(response));
    if (response.status === 401 && !options.allowUnauthorized) {
      onUnauthorized();
      problem.detail = t('app.sessionExpired');
    }
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  if (options.as === 'text') return (await response.text()) as T;
  if (options.as === 'blob') return (await response.blob()) as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, json?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, ...(json === undefined ? {} : { json }) }),
  put: <T>(path: string, json?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, json }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
