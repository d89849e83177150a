import { z } from 'zod';
import { guardWrite } from '@/utils/db/errors';
import type { Repository } from '@/utils/db/repository';
import { MAX_ATTEMPTS, publicationJob, RECHECK_MS, retryDelay, type Job } from '@/utils/jobs/job';
import type { JobOutcome } from '@/utils/jobs/runner';
import type { LookupSettings } from '@/utils/lookup-settings';
import { venueSettled } from '@/utils/paper/merge';
import { describeIssue } from '@/utils/paper/schema';
import type { Result } from '@/utils/result';
import type { PublicationFinding } from './publication-lookup';

/** Where the setting lives and whether the browser lets Paperdex reach the lookup hosts. */
export interface LookupSettingsPlatform {
  load(): Promise<{ enabled: boolean }>;
  store(settings: { enabled: boolean }): Promise<void>;
  /** Whether the optional host permissions for Semantic Scholar and DBLP are granted. */
  granted(): Promise<boolean>;
}

const settingsSchema = z.object({ enabled: z.boolean() }).strict();
const idsSchema = z.array(z.string().regex(/^arxiv:\S+$/)).min(1).max(200_000);

/** A save's lookup waits this long, so that arXiv's completion (the authors DBLP is matched on) comes first. */
const AFTER_SAVE_MS = 15_000;

/**
 * "Find where papers were published and their code": off until the user turns it on. While
 * off, no job is written and a job left over does nothing (no request leaves for Semantic
 * Scholar or DBLP). While on, every paper gets a `publication` job: a save's with the save, an
 * import's after it, the whole library's when the setting is turned on; unpublished papers are
 * looked up again weekly, and at once with "Check now".
 */
export function createPublicationService(
  repository: Repository,
  platform: LookupSettingsPlatform,
  check: (paper: NonNullable<Awaited<ReturnType<Repository['getPaper']>>>) => Promise<PublicationFinding>,
  jobs: { kick(): void },
) {
  const now = () => Date.now();

  async function settings(): Promise<LookupSettings> {
    const [{ enabled: on }, granted] = await Promise.all([platform.load(), platform.granted()]);
    return { enabled: on, granted };
  }

  /**
   * On, and the browser still lets Paperdex reach the hosts (the user may have revoked them).
   * Asked on every save: while off (the default) one storage read answers.
   */
  async function enabled(): Promise<boolean> {
    return (await platform.load()).enabled && (await platform.granted());
  }

  /** Jobs for the papers among `ids` never looked up. */
  async function enqueueUnchecked(ids: readonly string[]): Promise<number> {
    let queued = 0;
    for (let i = 0; i < ids.length; i += 1000) {
      const papers = await repository.getPapers(ids.slice(i, i + 1000));
      const due = papers.filter((p) => p && p.checkedAt === undefined).map((p) => publicationJob(p!.id, now()));
      await repository.enqueueJobs(due);
      queued += due.length;
    }
    return queued;
  }

  return {
    enabled,

    /** The `publication` job a save writes down with the paper, while lookups are on. */
    async jobsForSave(): Promise<(paperId: string, checked: boolean) => Job[]> {
      const on = await enabled();
      return (paperId, checked) => (on && !checked ? [publicationJob(paperId, now(), AFTER_SAVE_MS)] : []);
    },

    /** Papers an extension page brought in (an import): looked up if they never were. */
    async written(ids: readonly string[]): Promise<void> {
      if ((await enabled()) && (await enqueueUnchecked(ids))) jobs.kick();
    },

    getSettings: async (): Promise<Result<LookupSettings>> => ({ ok: true, value: await settings() }),

    /**
     * Turns lookups on (the page asked the browser for the hosts first, in the user's click) or
     * off. On: every paper never looked up, or not published and not looked up for a week, is
     * queued. Off: every queued lookup is dropped.
     */
    async setSettings(payload: unknown): Promise<Result<LookupSettings>> {
      const change = settingsSchema.safeParse(payload);
      if (!change.success) return { ok: false, code: 'invalid', message: `That setting can't be used (${describeIssue(change.error)}).` };
      if (change.data.enabled && !(await platform.granted())) {
        return { ok: false, code: 'permission', message: 'Paperdex was not allowed to reach Semantic Scholar and DBLP, so lookups stay off.' };
      }
      return guardWrite(async () => {
        await platform.store(change.data);
        if (!change.data.enabled) await repository.dropJobs('publication');
        else {
          const papers = await repository.listPapers();
          const due = papers.filter((p) => p.checkedAt === undefined || (!venueSettled(p) && p.checkedAt + RECHECK_MS <= now()));
          await repository.enqueueJobs(due.map((p) => publicationJob(p.id, now())));
          jobs.kick();
        }
        return settings();
      });
    },

    /** "Check now": these papers looked up at once, whenever they were last. */
    async checkNow(payload: unknown): Promise<Result<null>> {
      const ids = idsSchema.safeParse(payload);
      if (!ids.success) return { ok: false, code: 'invalid', message: `Those papers can't be checked (${describeIssue(ids.error)}).` };
      const { enabled: on, granted } = await settings();
      if (!on) return { ok: false, code: 'off', message: 'Turn on "Find where papers were published and their code" in Settings first.' };
      if (!granted) {
        return { ok: false, code: 'permission', message: 'Paperdex may no longer reach Semantic Scholar and DBLP: turn the setting off and on again in Settings to allow it.' };
      }
      return guardWrite(async () => {
        await repository.enqueueJobs(ids.data.map((id) => publicationJob(id, now())));
        jobs.kick();
        return null;
      });
    },

    /**
     * The `publication` job: the services asked, what they found folded into the record (the
     * finer answer wins; the user's venue is never replaced), and the job put back for a week
     * later unless the paper's venue is settled, or sooner when a service could not be asked.
     */
    async run(job: Job): Promise<JobOutcome> {
      if (!(await enabled())) return { ok: true };
      const paper = job.paperId ? await repository.getPaper(job.paperId) : undefined;
      if (!paper) return { ok: true };
      const found = await check(paper);
      const at = now();
      if (!found.ok) {
        // A lookup that keeps failing is not given up on: it waits a week, as a re-check does.
        if (!found.retry || job.attempts + 1 < MAX_ATTEMPTS) return { ok: false, retry: found.retry, message: found.message };
        await repository.failJob(job.id, found.message, at + RECHECK_MS);
        return { ok: true, kept: true };
      }
      const retry = found.partial && job.attempts + 1 < MAX_ATTEMPTS ? at + retryDelay(job.attempts + 1) : undefined;
      const code = found.code && { ...found.code, source: 'huggingface' as const };
      await repository.applyPublication(
        job,
        { ...(found.venue ? { venue: found.venue } : {}), ...(code ? { code } : {}) },
        at,
        (record) => retry ?? (venueSettled(record) ? undefined : at + RECHECK_MS),
        found.partial,
      );
      return { ok: true, kept: true };
    },
  };
}
