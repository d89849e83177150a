import { z } from 'zod';
import { guardWrite } from '@/utils/db/errors';
import { retireSnapshots } from '@/utils/db/first-screen-snapshot';
import type { Repository } from '@/utils/db/repository';
import type { SaveOutcome } from '@/utils/messaging';
import { backupJob, completeJob, type Job } from '@/utils/jobs/job';
import type { JobOutcome } from '@/utils/jobs/runner';
import { completePaper, lacksEssentials, needsLookup, recordAsSeen } from '@/utils/paper/merge';
import { describeIssue, paperInputSchema, type SeenPaper } from '@/utils/paper/schema';
import { statusOf, type PaperStatus } from '@/utils/paper/status';
import type { Result } from '@/utils/result';
import type { LookupResult } from './metadata-lookup';
import { isTransient } from './rate-limited';

const idSchema = z.string().regex(/^arxiv:\S+$/, 'expected a paper id such as arxiv:2401.12345');
const idListSchema = z.array(idSchema).max(1000);
/** What an extension page wrote: "select all matching" in a 50,000-paper library, deleted. */
const writtenSchema = z.object({ ids: z.array(idSchema).max(200_000), bulk: z.boolean() });

type Notify = (changes: Record<string, PaperStatus>) => void;

/** Where the background fetches what pages do not show: arXiv first, Hugging Face second. */
export interface Lookups {
  arxiv(arxivId: string): Promise<LookupResult>;
  huggingFace(arxivId: string): Promise<LookupResult>;
}

const NO_LOOKUPS: Lookups = {
  arxiv: async () => ({ ok: false, reason: 'offline', message: 'Looking papers up is switched off.' }),
  huggingFace: async () => ({ ok: false, reason: 'offline', message: 'Looking papers up is switched off.' }),
};

/** What the background owes, written down: the service only asks for the next pass. */
export interface JobQueue {
  kick(): void;
}


/** A retry of a save that could not be completed waits this long first. */
const RETRY_INCOMPLETE_MS = 30_000;

/**
 * The library's write side, as the background exposes it: every payload is validated here,
 * once, and every expected failure becomes a Result the UI can show. What cannot be done at
 * once (completing a paper from arXiv, a backup) is written down as a job with the save and
 * done by the job runner, which survives the service worker being stopped.
 */
/** What a save and an import owe the venue lookups (see publication-service.ts), when they are on. */
export interface PublicationJobs {
  jobsForSave(): Promise<(paperId: string, checked: boolean) => Job[]>;
  written(ids: readonly string[]): Promise<void>;
}

const NO_PUBLICATION_JOBS: PublicationJobs = { jobsForSave: async () => () => [], written: async () => undefined };

export function createLibraryService(
  repository: Repository,
  notify: Notify,
  lookups: Lookups = NO_LOOKUPS,
  jobs: JobQueue = { kick: () => undefined },
  publications: PublicationJobs = NO_PUBLICATION_JOBS,
) {
  /** arXiv's answer, or Hugging Face's when arXiv has none and the paper has a new-style id. */
  async function lookUp(arxivId: string): Promise<LookupResult> {
    const arxiv = await lookups.arxiv(arxivId);
    if (arxiv.ok || arxivId.includes('/')) return arxiv;
    const hf = await lookups.huggingFace(arxivId);
    return hf.ok ? hf : arxiv;
  }

  return {
    /**
     * Saves what a page showed. What it lacks is fetched first when a reader would miss it
     * (abstract, authors, date); when that fails the paper is saved marked incomplete if the
     * page gave a title, and not at all otherwise. The outcome says why either way.
     */
    async savePaper(payload: unknown): Promise<Result<SaveOutcome>> {
      const input = paperInputSchema.safeParse(payload);
      if (!input.success) return invalid(input.error);
      const { source, ...seen } = input.data;
      let found: LookupResult | undefined;
      if (lacksEssentials(seen)) found = await lookUp(seen.arxivId);
      const completed = completePaper(seen, found?.ok ? found.paper : undefined);
      if (!completed.ok) {
        return { ok: false, code: 'lookup', message: found && !found.ok ? found.message : 'The page gave no title.' };
      }
      const now = Date.now();
      const venueJobs = await publications.jobsForSave();
      return guardWrite(async () => {
        const paper = await repository.savePaper({ ...completed.paper, source }, now, (record, first) => [
          ...venueJobs(record.id, record.checkedAt !== undefined),
          // Backups are on from the first save: the first one follows it.
          ...(first ? [backupJob(now)] : []),
          // A page that showed what a reader needs was saved at once; what it lacked (version,
          // categories) follows from arXiv. A save arXiv could not complete is retried later.
          ...(!found && needsLookup(seen) ? [completeJob(record.id, now)] : []),
          ...(found && isTransient(found) && record.incomplete ? [completeJob(record.id, now, RETRY_INCOMPLETE_MS)] : []),
        ]);
        jobs.kick();
        const status = statusOf(paper);
        notify({ [paper.id]: status });
        return paper.incomplete && found && !found.ok ? { ...status, note: found.message } : status;
      });
    },

    /**
     * The `complete` job: the paper's details from arXiv (or Hugging Face) folded into the
     * record, finer data winning field by field; the job ends with that write. An incomplete
     * record takes arXiv's text too (an import from Google Scholar has its own casing); a
     * complete one keeps what its page showed. A paper removed meanwhile stays removed.
     */
    async complete(job: Job): Promise<JobOutcome> {
      const paper = job.paperId ? await repository.getPaper(job.paperId) : undefined;
      if (!paper) return { ok: true };
      const found = await lookUp(paper.arxivId);
      if (!found.ok) return { ok: false, retry: isTransient(found), message: found.message };
      const seen: SeenPaper = paper.incomplete ? { arxivId: paper.arxivId, version: paper.version } : recordAsSeen(paper);
      const completed = completePaper(seen, found.paper);
      if (!completed.ok) return { ok: true };
      const updated = await repository.refreshPaper(completed.paper, Date.now(), job.id);
      if (updated) notify({ [updated.id]: statusOf(updated) });
      return { ok: true };
    },

    /**
     * An extension page wrote these papers (an edit, a delete, an Undo, an import): tell open
     * tabs, and back up shortly after a bulk change.
     */
    async libraryWritten(payload: unknown): Promise<Result<null>> {
      const written = writtenSchema.safeParse(payload);
      if (!written.success) return invalid(written.error);
      const { ids, bulk } = written.data;
      // Pages' own writes have retired it already; the import worker's cannot.
      retireSnapshots();
      return guardWrite(async () => {
        for (let i = 0; i < ids.length; i += 1000) notify(await repository.getStatuses(ids.slice(i, i + 1000)));
        // The page wrote down what is owed (a backup, completions) with its change; papers it
        // brought in are looked up when venue lookups are on.
        if (bulk) {
          jobs.kick();
          await publications.written(ids);
        }
        return null;
      });
    },

    async getPaperStatus(payload: unknown): Promise<Result<Record<string, PaperStatus>>> {
      const ids = idListSchema.safeParse(payload);
      if (!ids.success) return invalid(ids.error);
      return guardWrite(() => repository.getStatuses(ids.data));
    },
  };
}

function invalid(error: z.ZodError): { ok: false; code: 'invalid'; message: string } {
  return { ok: false, code: 'invalid', message: `The page gave unusable data (${describeIssue(error)}).` };
}
