import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DryRunResult } from '../../../src/features/designer/definitions-api';
import { ServerLint, type ServerVerdict } from '../../../src/features/designer/lint/server-lint';

const result = (errors: number): DryRunResult => ({
  valid: errors === 0,
  definitions: [],
  errors: Array.from({ length: errors }, (_, i) => ({ elementId: `e${i}`, line: 1, message: 'm', code: 'dateValue', severity: 'error' as const, detail: 'd' })),
  warnings: [],
});

/** A fake dry run whose answers the test releases one by one, recording what was asked and what was cancelled. */
function fakeServer() {
  const calls: { xml: string; signal: AbortSignal; resolve: (r: DryRunResult) => void }[] = [];
  const dryRun = (xml: string, signal: AbortSignal) =>
    new Promise<DryRunResult>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      calls.push({ xml, signal, resolve });
    });
  return { calls, dryRun };
}

describe('ServerLint', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the server once after a burst of changes, and says "checking" meanwhile', async () => {
    let diagram = 'v1';
    const verdicts: ServerVerdict[] = [];
    const server = fakeServer();
    const lint = new ServerLint({ xml: async () => diagram, dryRun: server.dryRun, onVerdict: (v) => verdicts.push(v), delay: 300 });

    lint.schedule();
    diagram = 'v2';
    lint.schedule();
    diagram = 'v3';
    lint.schedule();
    await vi.advanceTimersByTimeAsync(299);
    expect(server.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);

    expect(server.calls.map((c) => c.xml)).toEqual(['v3']);
    server.calls[0]!.resolve(result(2));
    await vi.runAllTimersAsync();
    expect(verdicts.map((v) => v.state)).toEqual(['checking', 'checking', 'checking', 'done']);
    expect(verdicts.at(-1)).toEqual({ state: 'done', result: result(2) });
  });

  it('cancels the request of an older diagram and never reports its answer', async () => {
    let diagram = 'old';
    const verdicts: ServerVerdict[] = [];
    const server = fakeServer();
    const lint = new ServerLint({ xml: async () => diagram, dryRun: server.dryRun, onVerdict: (v) => verdicts.push(v), delay: 10 });

    lint.schedule();
    await vi.advanceTimersByTimeAsync(10);
    diagram = 'new';
    lint.schedule();
    await vi.advanceTimersByTimeAsync(10);

    expect(server.calls.map((c) => [c.xml, c.signal.aborted])).toEqual([
      ['old', true],
      ['new', false],
    ]);
    server.calls[0]!.resolve(result(0)); // too late: already cancelled
    server.calls[1]!.resolve(result(1));
    await vi.runAllTimersAsync();
    const done = verdicts.filter((v) => v.state === 'done');
    expect(done).toEqual([{ state: 'done', result: result(1) }]);
  });

  it('checks at once before a deployment and reports a server it cannot reach', async () => {
    const verdicts: ServerVerdict[] = [];
    const lint = new ServerLint({
      xml: async () => 'x',
      dryRun: async () => {
        throw new Error('offline');
      },
      onVerdict: (v) => verdicts.push(v),
    });

    const verdict = await lint.checkNow();

    expect(verdict).toEqual({ state: 'failed', message: 'offline' });
    expect(verdicts).toEqual([{ state: 'failed', message: 'offline' }]);
  });
});
