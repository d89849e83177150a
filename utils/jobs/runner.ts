import type { Repository } from '../db/repository';
import { errorText } from '../result';
import { MAX_ATTEMPTS, retryDelay, type Job, type JobKind } from './job';

/**
 * How an attempt went: done, or why not and whether trying again could help. `kept`: the
 * handler wrote the job's next time itself, with its result (a weekly re-check).
 */
export type JobOutcome = { ok: true; kept?: true } | { ok: false; retry: boolean; message: string };
export type JobHandler = (job: Job) => Promise<JobOutcome>;

export type JobStore = Pick<Repository, 'dueJobs' | 'nextJobTime' | 'finishJob' | 'failJob'>;

export interface JobClock {
  now(): number;
  /** Run `kick` again at `time` (or never, when undefined), even if the worker is stopped meanwhile. */
  wakeAt(time: number | undefined): void;
}

/** Due jobs taken at a time: arXiv lookups made together share one request (20 ids each). */
const BATCH = 60;

/**
 * Works through the jobs written down in IndexedDB: every due job is attempted; a done job is
 * removed, a failed one waits longer each time and is given up on (kept, saying why) after
 * MAX_ATTEMPTS or when retrying cannot help. One pass at a time; a kick during a pass makes
 * another. Resumed by `kick` whenever the worker starts, an alarm fires, or work is added.
 */
export function createJobRunner(store: JobStore, handlers: Record<JobKind, JobHandler>, clock: JobClock) {
  let running: Promise<void> | null = null;
  let again = false;

  async function attempt(job: Job): Promise<void> {
    let outcome: JobOutcome;
    try {
      outcome = await handlers[job.kind](job);
    } catch (error) {
      console.error('[paperdex:jobs]', job.id, error);
      outcome = { ok: false, retry: true, message: errorText(error) };
    }
    if (outcome.ok) return outcome.kept ? undefined : store.finishJob(job.id);
    const attempts = job.attempts + 1;
    const retryAt = outcome.retry && attempts < MAX_ATTEMPTS ? clock.now() + retryDelay(attempts) : undefined;
    console.warn('[paperdex:jobs]', job.id, retryAt ? 'will be retried' : 'given up', outcome.message);
    await store.failJob(job.id, outcome.message, retryAt);
  }

  async function drain(): Promise<void> {
    // Each pass takes the jobs due now; a job attempted moves out of reach (done, or later).
    for (let pass = 0; pass < 1000; pass++) {
      const due = await store.dueJobs(clock.now(), BATCH);
      if (!due.length) break;
      await Promise.all(due.map(attempt));
    }
    clock.wakeAt(await store.nextJobTime());
  }

  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = drain()
      .catch((error: unknown) => console.error('[paperdex:jobs] could not read the job queue', error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void kick();
        }
      });
    return running;
  }

  return { kick };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
