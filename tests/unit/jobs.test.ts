import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createArxivLookup } from '@/entrypoints/background/metadata-lookup';
import { openDatabase, type PaperdexDb } from '@/utils/db/database';
import { createRepository, type Repository } from '@/utils/db/repository';
import { backupJob, completeJob, MAX_ATTEMPTS, type Job } from '@/utils/jobs/job';
import { createJobRunner, type JobHandler } from '@/utils/jobs/runner';

let db: PaperdexDb;
let repo: Repository;
let n = 0;
let now = 1_000_000;
const clock = { now: () => now, wakeAt: vi.fn() };

beforeEach(() => {
  db = openDatabase(`paperdex-jobs-${n++}`);
  repo = createRepository(db);
  now = 1_000_000;
  clock.wakeAt.mockReset();
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const runner = (complete: JobHandler, backup: JobHandler = async () => ({ ok: true })) => createJobRunner(repo, { complete, backup, publication: async () => ({ ok: true }) }, clock);

describe('the job queue', () => {
  it('does what was written down before the worker stopped, once, in a worker that starts later', async () => {
    await repo.enqueueJobs([completeJob('arxiv:1605.08386', now)]);
    // The first worker is stopped before it gets to it; a new one (a new runner) starts.
    const complete = vi.fn(async () => ({ ok: true as const }));
    await runner(complete).kick();
    expect(complete).toHaveBeenCalledTimes(1);
    expect(await repo.listJobs()).toEqual([]);
    await runner(complete).kick();
    expect(complete).toHaveBeenCalledTimes(1);
  });

  it('waits until a job is due, and sets a wake-up for it', async () => {
    await repo.enqueueJobs([backupJob(now)]);
    const backup = vi.fn(async () => ({ ok: true as const }));
    const r = runner(vi.fn(), backup);
    await r.kick();
    expect(backup).not.toHaveBeenCalled();
    expect(clock.wakeAt).toHaveBeenLastCalledWith(now + 5000);
    now += 5000;
    await r.kick();
    expect(backup).toHaveBeenCalledTimes(1);
    expect(clock.wakeAt).toHaveBeenLastCalledWith(undefined);
  });

  it('keeps one job per paper and kind: asked again, the earlier time; a job given up on starts afresh', async () => {
    await repo.enqueueJobs([completeJob('arxiv:1', now, 60_000)]);
    await repo.enqueueJobs([completeJob('arxiv:1', now, 1000), completeJob('arxiv:1', now, 9000)]);
    expect(await repo.listJobs()).toEqual([expect.objectContaining({ id: 'complete:arxiv:1', notBefore: now + 1000 })]);
    await repo.failJob('complete:arxiv:1', 'arXiv has no paper 1.', undefined);
    await repo.enqueueJobs([completeJob('arxiv:1', now)]);
    expect(await repo.getJob('complete:arxiv:1')).toEqual(completeJob('arxiv:1', now));
  });

  it('retries a failure later and later, gives up after too many tries or when retrying cannot help, and says why', async () => {
    await repo.enqueueJobs([completeJob('arxiv:offline', now), completeJob('arxiv:missing', now)]);
    const complete: JobHandler = async (job: Job) =>
      job.paperId === 'arxiv:offline'
        ? { ok: false, retry: true, message: "arXiv can't be reached: check your connection." }
        : { ok: false, retry: false, message: 'arXiv has no paper missing.' };
    const r = runner(complete);
    await r.kick();
    expect(await repo.getJob('complete:arxiv:missing')).toMatchObject({ failed: true, attempts: 1, lastError: 'arXiv has no paper missing.' });
    const first = (await repo.getJob('complete:arxiv:offline'))!;
    expect(first).toMatchObject({ attempts: 1, notBefore: now + 30_000 });
    expect(first.failed).toBeUndefined();
    const waits: number[] = [];
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      const job = (await repo.getJob('complete:arxiv:offline'))!;
      if (job.failed) break;
      waits.push(job.notBefore - now);
      now = job.notBefore;
      await r.kick();
    }
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(await repo.getJob('complete:arxiv:offline')).toMatchObject({ failed: true, attempts: MAX_ATTEMPTS, lastError: "arXiv can't be reached: check your connection." });
    // Jobs given up on wait for the user, not for a wake-up.
    expect(clock.wakeAt).toHaveBeenLastCalledWith(undefined);
  });

  it("keeps arXiv's rate limit across a worker that stops and starts again", async () => {
    let kept = Number.NEGATIVE_INFINITY;
    let t = 0;
    const asked: number[] = [];
    const deps = {
      fetch: async () => {
        asked.push(t);
        return new Response('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', { status: 200 });
      },
      now: () => t,
      sleep: async (ms: number) => void (t += ms),
      loadNotBefore: async () => kept,
      storeNotBefore: async (time: number) => void (kept = time),
    };
    await createArxivLookup(deps).lookup('1605.08386');
    t += 500;
    // A new worker, a new lookup: it waits out the 3 s the first one started.
    await createArxivLookup(deps).lookup('1506.03134');
    expect(asked).toEqual([0, 3000]);
  });
});
