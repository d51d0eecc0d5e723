import type { DryRunResult } from '../definitions-api';

/** What the server said about the diagram as it is now (or that it could not be asked). */
export type ServerVerdict =
  | { state: 'checking' }
  | { state: 'done'; result: DryRunResult }
  | { state: 'failed'; message: string };

export interface ServerLintOptions {
  /** Serialises the diagram as it is now. */
  xml: () => Promise<string>;
  /** POST /api/deployments?dryRun=true; must honour the signal. */
  dryRun: (xml: string, signal: AbortSignal) => Promise<DryRunResult>;
  /** Called with every change of verdict; only the newest request's answer is ever reported. */
  onVerdict: (verdict: ServerVerdict) => void;
  /** Quiet time after the last change before the server is asked (ms). */
  delay?: number;
}

/**
 * The designer's lint by the server: after each change (debounced) the diagram is sent to the deployment dry run,
 * the request before it is cancelled, and only the newest answer counts. The server is the one authority on what
 * deploys, so the designer can never call a diagram fine that the server refuses, or the other way round.
 */
export class ServerLint {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: AbortController | undefined;
  private generation = 0;
  private disposed = false;

  constructor(private readonly options: ServerLintOptions) {}

  /** The diagram changed: report "checking" now and ask the server once it has been quiet for a moment. */
  schedule(): void {
    if (this.disposed) return;
    this.generation++;
    this.inflight?.abort();
    this.inflight = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.options.onVerdict({ state: 'checking' });
    this.timer = setTimeout(() => void this.run(), this.options.delay ?? 400);
  }

  /** Asks at once (e.g. right before a deployment) and resolves with that answer. */
  async checkNow(): Promise<ServerVerdict> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.generation++;
    this.inflight?.abort();
    return this.run();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.inflight?.abort();
  }

  private async run(): Promise<ServerVerdict> {
    this.timer = undefined;
    const generation = this.generation;
    const controller = new AbortController();
    this.inflight = controller;
    let verdict: ServerVerdict;
    try {
      const xml = await this.options.xml();
      verdict = { state: 'done', result: await this.options.dryRun(xml, controller.signal) };
    } catch (error) {
      if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return { state: 'checking' };
      verdict = { state: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    // A newer change was made meanwhile: this answer is about a diagram that no longer exists.
    if (generation !== this.generation || this.disposed) return { state: 'checking' };
    this.inflight = undefined;
    this.options.onVerdict(verdict);
    return verdict;
  }
}
