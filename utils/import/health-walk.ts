import { errorText } from '../result';
import type { ImportRequest, ImportUpdate, RecordProblem } from './worker-protocol';

/** What the walk needs of the library worker (entrypoints/library/import-worker.ts). */
export type CheckWorker = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

export interface HealthWalkOptions {
  startWorker(): CheckWorker;
  /** Resolves when the next chunk may be read (the page: `quietMoment`). */
  pause(): Promise<void>;
  /** Records read and checked per chunk. */
  chunk: number;
  /** How long after a change a walk begins (the library settles first). */
  delayMs: number;
  /** A walk's result: every record that does not validate. */
  onProblems(problems: RecordProblem[]): void;
  /** A walk that could not run or finish, said once until a walk succeeds. */
  onFailure(text: string): void;
}

/**
 * The library's health check: a walk over every stored record, a chunk at a time, each chunk
 * after `pause()` (reading and checking 50,000 records at once kept the worker and its garbage
 * collections busy for two seconds after the library page opened, and on two cores a fling
 * meanwhile dropped one frame in ten). `changed()` after each library change: a change during a
 * walk does not start it over (papers completed in the background change the library every few
 * seconds); the walk ends, and the next begins `delayMs` after (after a failure, at the next
 * change). `stop()` ends it all.
 */
export function healthWalk(options: HealthWalkOptions): { changed(): void; stop(): void } {
  let stopped = false;
  let worker: CheckWorker | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let walking = false;
  let again = false;
  /** Bumped when a walk ends: what an earlier walk still has pending does nothing. */
  let run = 0;
  let reported = false;

  const end = () => {
    run++;
    worker?.terminate();
    worker = undefined;
    walking = false;
  };
  const fail = (text: string) => {
    end();
    if (!reported) options.onFailure(`The library's health check ${text}`);
    reported = true;
  };
  const walk = () => {
    walking = true;
    again = false;
    const mine = run;
    const found: RecordProblem[] = [];
    const current = () => !stopped && mine === run;
    const ask = (after: string | null) =>
      void options.pause().then(() => {
        if (!current()) return;
        // A change made before the walk's first read is one the walk sees.
        if (after === null) again = false;
        try {
          // Started at the first chunk: loading the worker's code is work too.
          worker ??= listen(options.startWorker());
          worker.postMessage({ type: 'check', after, limit: options.chunk } satisfies ImportRequest);
        } catch (e) {
          fail(`could not run: ${errorText(e)}`);
        }
      });
    const listen = (checker: CheckWorker) => {
      checker.addEventListener('message', (event: MessageEvent<ImportUpdate>) => {
        if (!current()) return;
        const update = event.data;
        if (update.type === 'failed') return fail(`could not finish: ${update.message}`);
        if (update.type !== 'checked') return;
        found.push(...update.problems);
        if (update.next !== null) return ask(update.next);
        end();
        reported = false;
        options.onProblems(found);
        if (again) changed();
      });
      checker.addEventListener('error', (event) => {
        if (current()) fail(`could not run: ${(event as ErrorEvent).message || 'its worker failed to start'}`);
      });
      return checker;
    };
    ask(null);
  };
  const changed = () => {
    if (stopped) return;
    if (walking) {
      again = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(walk, options.delayMs);
  };
  return {
    changed,
    stop() {
      stopped = true;
      clearTimeout(timer);
      end();
    },
  };
}
