import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { healthWalk, type CheckWorker } from '@/utils/import/health-walk';
import type { ImportRequest, ImportUpdate, RecordProblem } from '@/utils/import/worker-protocol';

/** A library of ids checked by a stand-in worker that answers as the real one does, chunk by chunk. */
class FakeWorker extends EventTarget implements CheckWorker {
  asked: ImportRequest[] = [];
  terminated = false;
  constructor(private readonly library: { ids: string[]; bad: Set<string>; failAt?: string | null }) {
    super();
  }
  postMessage(message: ImportRequest): void {
    if (message.type !== 'check') return;
    this.asked.push(message);
    const { ids, bad, failAt } = this.library;
    const update: ImportUpdate =
      failAt !== undefined && failAt === message.after
        ? { type: 'failed', message: 'the read failed' }
        : (() => {
            const from = message.after === null ? 0 : ids.indexOf(message.after) + 1;
            const chunk = ids.slice(from, from + message.limit);
            const problems: RecordProblem[] = chunk.filter((id) => bad.has(id)).map((id) => ({ id, problem: 'bad', fixes: [] }));
            return { type: 'checked', problems, next: chunk.length < message.limit ? null : chunk[chunk.length - 1]! };
          })();
    queueMicrotask(() => !this.terminated && this.dispatchEvent(new MessageEvent('message', { data: update })));
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('the health check walk', () => {
  let gate: (() => void)[];
  const pause = () => new Promise<void>((resolve) => gate.push(resolve));
  /** Lets every pending pause through until the walk settles. */
  const release = async () => {
    for (let i = 0; i < 50; i++) {
      gate.splice(0).forEach((open) => open());
      await vi.advanceTimersByTimeAsync(0);
    }
  };

  beforeEach(() => {
    vi.useFakeTimers();
    gate = [];
  });
  afterEach(() => vi.useRealTimers());

  function setUp(library: { ids: string[]; bad: Set<string>; failAt?: string | null }) {
    const workers: FakeWorker[] = [];
    const results: string[][] = [];
    const failures: string[] = [];
    const walker = healthWalk({
      startWorker: () => {
        const w = new FakeWorker(library);
        workers.push(w);
        return w;
      },
      pause,
      chunk: 2,
      delayMs: 1000,
      onProblems: (found) => results.push(found.map((p) => p.id)),
      onFailure: (text) => failures.push(text),
    });
    return { walker, workers, results, failures };
  }

  it('reads every record once, a chunk per pause, a second after the change, and ends its worker', async () => {
    const { walker, workers, results } = setUp({ ids: ['a', 'b', 'c', 'd', 'e'], bad: new Set(['b', 'e']) });
    walker.changed();
    await vi.advanceTimersByTimeAsync(999);
    expect(gate).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    // Nothing is read, nor the worker started, until the page is quiet.
    expect(workers).toHaveLength(0);
    await release();
    expect(workers).toHaveLength(1);
    expect(workers[0]!.asked.map((m) => (m.type === 'check' ? m.after : ''))).toEqual([null, 'b', 'd']);
    expect(results).toEqual([['b', 'e']]);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('a change during a walk does not start it over: one more walk follows it', async () => {
    const library = { ids: ['a', 'b', 'c', 'd'], bad: new Set(['c']) };
    const { walker, workers, results } = setUp(library);
    walker.changed();
    await vi.advanceTimersByTimeAsync(1000);
    gate.splice(0).forEach((open) => open());
    await vi.advanceTimersByTimeAsync(0);
    // The first chunk is read; then a record in it changes, before the second chunk is read.
    expect(workers[0]!.asked).toHaveLength(1);
    library.bad.add('a');
    walker.changed();
    walker.changed();
    await release();
    // Not started over: the walk went on to its end.
    expect(results).toEqual([['c']]);
    expect(workers[0]!.asked).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1000);
    await release();
    expect(results).toEqual([['c'], ['a', 'c']]);
    expect(workers).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5000);
    await release();
    expect(results).toHaveLength(2);
  });

  it('a read that fails is said once while it lasts, and again only after a walk that succeeds', async () => {
    const library: { ids: string[]; bad: Set<string>; failAt?: string | null } = { ids: ['a', 'b', 'c'], bad: new Set(), failAt: 'b' };
    const { walker, workers, results, failures } = setUp(library);
    for (let i = 0; i < 3; i++) {
      walker.changed();
      await vi.advanceTimersByTimeAsync(1000);
      await release();
    }
    expect(failures).toEqual(["The library's health check could not finish: the read failed"]);
    expect(results).toEqual([]);
    expect(workers.every((w) => w.terminated)).toBe(true);
    library.failAt = undefined;
    walker.changed();
    await vi.advanceTimersByTimeAsync(1000);
    await release();
    expect(results).toEqual([[]]);
    library.failAt = null;
    walker.changed();
    await vi.advanceTimersByTimeAsync(1000);
    await release();
    expect(failures).toHaveLength(2);
  });

  it('a worker that cannot start fails the walk instead of leaving it running', async () => {
    const failures: string[] = [];
    let starts = 0;
    const walker = healthWalk({
      startWorker: () => {
        starts++;
        throw new Error('no workers here');
      },
      pause,
      chunk: 2,
      delayMs: 1000,
      onProblems: () => undefined,
      onFailure: (text) => failures.push(text),
    });
    walker.changed();
    await vi.advanceTimersByTimeAsync(1000);
    await release();
    expect(failures).toEqual(["The library's health check could not run: no workers here"]);
    // Not stuck as running: the next change tries again.
    walker.changed();
    await vi.advanceTimersByTimeAsync(1000);
    await release();
    expect(starts).toBe(2);
  });

  it('stopped, nothing pending reads or reports', async () => {
    const { walker, workers, results } = setUp({ ids: ['a', 'b', 'c'], bad: new Set(['c']) });
    walker.changed();
    await vi.advanceTimersByTimeAsync(1000);
    gate.splice(0).forEach((open) => open());
    await vi.advanceTimersByTimeAsync(0);
    walker.stop();
    await release();
    walker.changed();
    await vi.advanceTimersByTimeAsync(1000);
    await release();
    expect(results).toEqual([]);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[0]!.asked).toHaveLength(1);
  });
});
