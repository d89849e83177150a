import { mergeJob, type Job } from '../jobs/job';
import { mergePaper, planMerge, withPublication } from '../paper/merge';
import type { CodeLinks, Paper, PaperMetadata, PaperUpdate, Venue } from '../paper/schema';
import { statusOf, type PaperStatus } from '../paper/status';
import { paperIdFor } from '../paper/urls';
import { BULK_CHANGE, type IndexSnapshot } from '../search/word-index';
import { db as defaultDb, type PaperdexDb, type SearchLogEntry } from './database';
import { readFingerprint, type LibraryFingerprint } from './fingerprint';

/** Everything the search engine needs to open, read in one consistent transaction. */
export interface SearchState {
  snapshot: IndexSnapshot | null;
  /** The last change the snapshot includes. */
  deltaSeq: number;
  /** Changes after it, oldest first. */
  log: Required<SearchLogEntry>[];
  /** The newest `updatedAt`: the check made before the first results (see SearchEngine.load). */
  maxUpdatedAt: number;
}

/** Changes to at least this many papers at once may be logged as one (see `logChanges`). */
const BULK_LOG = 1000;

/**
 * The library's store: the only code that reads or writes IndexedDB. Every write is one
 * transaction that also appends to the search change log, so that every open search (and the
 * next one) follows it.
 */
export function createRepository(db: PaperdexDb) {
  /** Records a change for the search index; call inside the transaction that makes it. */
  const logChange = (id: string) => db.searchLog.add({ id });

  /**
   * The newest paper's `updatedAt` (an index key, no record read); 0 for an empty library and
   * for times of 0 or less, which the search index does not count either (`maxUpdatedAt`).
   */
  async function newestUpdate(): Promise<number> {
    // Numbers only: a record holding a string there (not sound) would sort after every number.
    const [newest] = (await db.papers.where('updatedAt').below(Infinity).reverse().limit(1).keys()) as number[];
    return Math.max(newest ?? 0, 0);
  }

  /**
   * Records changes to many papers; call inside the transaction that makes them, after the
   * writes (`removed`: they were removals). When they are at least `BULK_LOG` and half the library
   * (as it is after the write, or was before a removal), one `BULK_CHANGE` entry stands for them
   * all: every index then rebuilds, which costs what reading each paper would, and a 10,000-paper
   * import writes one entry instead of 10,000 (a third of its commit: 2.8 s → 1.8 s here).
   */
  async function logChanges(ids: readonly string[], removed = false): Promise<void> {
    if (ids.length >= BULK_LOG && ids.length * 2 >= (await db.papers.count()) + (removed ? ids.length : 0)) await logChange(BULK_CHANGE);
    else await db.searchLog.bulkAdd(ids.map((id) => ({ id })));
  }

  /** Writes jobs down (one per id: asked again, the earlier time); call inside a transaction. */
  async function enqueue(jobs: readonly Job[]): Promise<void> {
    if (!jobs.length) return;
    const asked = new Map<string, Job>();
    for (const job of jobs) asked.set(job.id, mergeJob(asked.get(job.id), job));
    const existing = await db.jobs.bulkGet([...asked.keys()]);
    await db.jobs.bulkPut([...asked.values()].map((job, i) => mergeJob(existing[i], job)));
  }

  return {
    /** Saves or refreshes one paper in a single transaction and returns the stored record. */
    async savePaper(update: PaperUpdate, now = Date.now(), jobs: (record: Paper, first: boolean) => Job[] = () => []): Promise<Paper> {
      return db.transaction('rw', db.papers, db.searchLog, db.jobs, async () => {
        const existing = await db.papers.get(paperIdFor(update.arxivId));
        const record = mergePaper(existing, update, now);
        await db.papers.put(record);
        await logChange(record.id);
        // What the background owes for this paper is written with it; `first`: the library's first paper.
        await enqueue(jobs(record, !existing && (await db.papers.count()) === 1));
        return record;
      });
    },

    /**
     * Folds newer metadata into a paper that is still in the library (no source added): for
     * details fetched after the save. Returns the record, or undefined if it was removed.
     */
    async refreshPaper(metadata: PaperMetadata, now = Date.now(), doneJob?: string): Promise<Paper | undefined> {
      return db.transaction('rw', db.papers, db.searchLog, db.jobs, async () => {
        // The job that fetched it is done with the write, not before: a worker stopped in
        // between asks again, never twice after success.
        if (doneJob) await db.jobs.delete(doneJob);
        const existing = await db.papers.get(paperIdFor(metadata.arxivId));
        if (!existing) return undefined;
        const record = mergePaper(existing, metadata, now);
        await db.papers.put(record);
        await logChange(record.id);
        return record;
      });
    },

    /**
     * Folds what a venue lookup found into a paper still in the library, and settles its job in
     * the same transaction: removed, or put back for `next(record)` (a re-check, a retry; with
     * `note`, what could not be asked). Returns the record, or undefined if it was removed.
     */
    async applyPublication(
      job: Job,
      found: { venue?: Venue; code?: CodeLinks },
      now: number,
      next: (record: Paper) => number | undefined,
      note?: string,
    ): Promise<Paper | undefined> {
      return db.transaction('rw', db.papers, db.searchLog, db.jobs, async () => {
        const existing = job.paperId ? await db.papers.get(job.paperId) : undefined;
        const record = existing && withPublication(existing, found, now);
        const when = record && next(record);
        // A job dropped meanwhile (lookups turned off) stays dropped.
        const current = await db.jobs.get(job.id);
        if (when === undefined || !current) await db.jobs.delete(job.id);
        else {
          const { lastError: _e, ...rest } = job;
          await db.jobs.put({ ...rest, notBefore: when, attempts: note ? job.attempts + 1 : 0, ...(note ? { lastError: note } : {}) });
        }
        if (!record) return undefined;
        await db.papers.put(record);
        if (record.updatedAt === now) await logChange(record.id);
        return record;
      });
    },

    /** Drops every job of a kind not yet done (venue lookups turned off). */
    async dropJobs(kind: Job['kind']): Promise<void> {
      await db.jobs.filter((j) => j.kind === kind).delete();
    },

    /**
     * Brings records in (an import, an Undo) in one transaction, all or nothing: papers not in
     * the library are stored as they are; papers in it are merged with what is stored at that
     * moment (tags united, notes appended, newer metadata wins), so nothing done since the
     * preview is overwritten. Returns how many records were added and changed.
     */
    async importPapers(records: readonly Paper[], now = Date.now(), jobs: (written: Paper[]) => Job[] = () => []): Promise<{ added: number; updated: number }> {
      if (!records.length) return { added: 0, updated: 0 };
      return db.transaction('rw', db.papers, db.searchLog, db.jobs, async () => {
        // Keys first: an import into a new library reads no record.
        const present = (await db.papers.where(':id').anyOf(records.map((r) => r.id)).primaryKeys()) as string[];
        const stored = await db.papers.bulkGet(present);
        const plan = planMerge(records, new Map(stored.filter((p): p is Paper => p !== undefined).map((p) => [p.id, p])), now);
        const writes = [...plan.additions, ...plan.updates];
        await db.papers.bulkPut(writes);
        await logChanges(writes.map((r) => r.id));
        // What the background owes for the records as they are now stored.
        await enqueue(jobs(writes));
        return { added: plan.additions.length, updated: plan.updates.length };
      });
    },

    /** Puts records in place of what is stored under their ids (a repair), as they are. */
    async replacePapers(records: readonly Paper[]): Promise<void> {
      await db.transaction('rw', db.papers, db.searchLog, async () => {
        await db.papers.bulkPut([...records]);
        await logChanges(records.map((r) => r.id));
      });
    },

    /** Changes the user's own fields of some papers in one transaction; returns the new records. */
    async updateUserFields(ids: readonly string[], change: (paper: Paper) => Paper, now = Date.now(), jobs: readonly Job[] = []): Promise<Paper[]> {
      return db.transaction('rw', db.papers, db.searchLog, db.jobs, async () => {
        await enqueue(jobs);
        const found = (await db.papers.bulkGet([...ids])).filter((p): p is Paper => p !== undefined);
        const changed = found.map((p) => ({ ...change(p), id: p.id, updatedAt: now }));
        await db.papers.bulkPut(changed);
        await logChanges(changed.map((r) => r.id));
        return changed;
      });
    },

    /** Removes papers in one transaction and returns them as they were (for Undo). */
    async removePapers(ids: readonly string[], jobs: readonly Job[] = []): Promise<Paper[]> {
      return db.transaction('rw', db.papers, db.searchLog, db.jobs, async () => {
        await enqueue(jobs);
        const found = (await db.papers.bulkGet([...ids])).filter((p): p is Paper => p !== undefined);
        await db.papers.bulkDelete(found.map((p) => p.id));
        await logChanges(found.map((p) => p.id), true);
        return found;
      });
    },

    /** Writes jobs down on their own (a retry asked for, a job for papers already stored). */
    async enqueueJobs(jobs: readonly Job[]): Promise<void> {
      await db.transaction('rw', db.jobs, () => enqueue(jobs));
    },

    /** Jobs due by `now`, soonest first, not given up on. */
    async dueJobs(now: number, limit: number): Promise<Job[]> {
      return db.jobs.where('notBefore').belowOrEqual(now).filter((j) => !j.failed).limit(limit).toArray();
    },

    /** When the next job not given up on is due, if any. */
    async nextJobTime(): Promise<number | undefined> {
      const next = await db.jobs.orderBy('notBefore').filter((j) => !j.failed).first();
      return next?.notBefore;
    },

    /** A job done (the backup written; a paper gone, or complete already). */
    async finishJob(id: string): Promise<void> {
      await db.jobs.delete(id);
    },

    /** A failed attempt: tried again at `retryAt`, or given up on (`retryAt` undefined), saying why. */
    async failJob(id: string, error: string, retryAt: number | undefined): Promise<void> {
      await db.transaction('rw', db.jobs, async () => {
        const job = await db.jobs.get(id);
        if (!job) return;
        const next: Job = { ...job, attempts: job.attempts + 1, lastError: error };
        if (retryAt === undefined) next.failed = true;
        else next.notBefore = retryAt;
        await db.jobs.put(next);
      });
    },

    async getJob(id: string): Promise<Job | undefined> {
      return db.jobs.get(id);
    },

    /** Every job, for the library page (waiting and given up on). */
    async listJobs(): Promise<Job[]> {
      return db.jobs.toArray();
    },

    /** Every tag in use, sorted, for autocomplete. */
    async allTags(): Promise<string[]> {
      const tags = (await db.papers.orderBy('tags').uniqueKeys()) as string[];
      return tags.sort((a, b) => a.localeCompare(b));
    },

    /** Every paper id in an order: newest saves, newest publications. */
    async idsBy(order: 'savedAt' | 'published'): Promise<string[]> {
      return (await db.papers.orderBy(order).reverse().primaryKeys()) as string[];
    },

    async getPaper(id: string): Promise<Paper | undefined> {
      return db.papers.get(id);
    },

    /** Which of these ids are in the library (keys only: cheap for an import's thousands). */
    async existingIds(ids: readonly string[]): Promise<string[]> {
      return (await db.papers.where(':id').anyOf([...ids]).primaryKeys()) as string[];
    },

    /** Papers by id, in the same order; undefined where there is none. */
    async getPapers(ids: readonly string[]): Promise<(Paper | undefined)[]> {
      return db.papers.bulkGet([...ids]);
    },

    async getStatuses(ids: readonly string[]): Promise<Record<string, PaperStatus>> {
      const found = await db.papers.bulkGet([...ids]);
      return Object.fromEntries(
        ids.map((id, i) => {
          const paper = found[i];
          return [id, paper ? statusOf(paper) : { saved: false }];
        }),
      );
    },

    /** Every paper, most recently saved first. */
    async listPapers(): Promise<Paper[]> {
      // One getAll and a sort in memory: several times faster than walking the index backwards.
      const papers = await db.papers.toArray();
      return papers.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : 1));
    },

    /**
     * Up to `limit` papers in key order after the key `after` (null: from the first), and the key
     * to go on after (null: none are left), for walking a large library a chunk at a time.
     */
    async papersAfter(after: string | null, limit: number): Promise<{ papers: Paper[]; next: string | null }> {
      if (limit < 1) throw new RangeError(`papersAfter reads at least one paper (asked for ${limit})`);
      const papers = await (after === null ? db.papers.orderBy(':id') : db.papers.where(':id').above(after)).limit(limit).toArray();
      return { papers, next: papers.length < limit ? null : papers[papers.length - 1]!.id };
    },

    async countPapers(): Promise<number> {
      return db.papers.count();
    },

    async loadSearchState(): Promise<SearchState> {
      return db.transaction('r', db.papers, db.searchIndex, db.searchLog, async () => {
        const snapshot = await db.searchIndex.get('snapshot');
        const deltaSeq = snapshot?.deltaSeq ?? 0;
        const log = (await db.searchLog.where('seq').above(deltaSeq).toArray()) as Required<SearchLogEntry>[];
        return {
          snapshot: snapshot?.snapshot ?? null,
          deltaSeq,
          log,
          maxUpdatedAt: await newestUpdate(),
        };
      });
    },

    /**
     * Changes after `seq`, and the last change any stored snapshot includes; with `newest`, also
     * the newest paper's `updatedAt`, read in the same transaction (the quick staleness check,
     * for an engine that lives long: see `catchUp`; a plain refresh reads no paper key).
     */
    async searchChangesSince(
      seq: number,
      { newest = false } = {},
    ): Promise<{ log: Required<SearchLogEntry>[]; snapshotSeq: number; maxUpdatedAt?: number }> {
      const tables = newest ? [db.papers, db.searchIndex, db.searchLog] : [db.searchIndex, db.searchLog];
      return db.transaction('r', tables, async () => {
        const meta = await db.searchIndex.get('meta');
        const log = (await db.searchLog.where('seq').above(seq).toArray()) as Required<SearchLogEntry>[];
        return { log, snapshotSeq: meta?.deltaSeq ?? 0, ...(newest && { maxUpdatedAt: await newestUpdate() }) };
      });
    },

    /**
     * `libraryFingerprint` of every paper's `updatedAt` (index keys only, no record read) and
     * the last change number, read together: the thorough staleness check, made after the
     * first results are on screen. Pages read it in a worker (see `fingerprintOffThread`).
     */
    async libraryFingerprint(): Promise<LibraryFingerprint> {
      await db.open();
      return readFingerprint(db.backendDB());
    },

    /** The last change's number: changes when the library does (for live queries). */
    async lastChangeSeq(): Promise<number> {
      const last = await db.searchLog.orderBy('seq').last();
      return last?.seq ?? 0;
    },

    /** The whole library with the last change it includes, for a full index rebuild. */
    async snapshotLibrary(): Promise<{ papers: Paper[]; seq: number }> {
      return db.transaction('r', db.papers, db.searchLog, db.searchIndex, async () => {
        const last = await db.searchLog.orderBy('seq').last();
        const meta = await db.searchIndex.get('meta');
        // The log may have been emptied by a stored snapshot: this one includes at least as much.
        return { papers: await db.papers.toArray(), seq: Math.max(last?.seq ?? 0, meta?.deltaSeq ?? 0) };
      });
    },

    /**
     * Stores a search index snapshot that includes every change up to `deltaSeq`, unless a
     * newer one is already stored, and forgets the changes it makes redundant.
     */
    async saveSearchSnapshot(snapshot: IndexSnapshot, deltaSeq: number): Promise<boolean> {
      return db.transaction('rw', db.searchIndex, db.searchLog, async () => {
        const meta = await db.searchIndex.get('meta');
        if (meta && meta.deltaSeq > deltaSeq) return false;
        await db.searchIndex.bulkPut([
          { key: 'snapshot', snapshot, deltaSeq },
          { key: 'meta', deltaSeq },
        ]);
        await db.searchLog.where('seq').belowOrEqual(deltaSeq).delete();
        return true;
      });
    },
  };
}

export type Repository = ReturnType<typeof createRepository>;

export const repository = createRepository(defaultDb);
