import { mergePaper, planMerge } from '../paper/merge';
import type { Paper, PaperMetadata, PaperUpdate } from '../paper/schema';
import { statusOf, type PaperStatus } from '../paper/status';
import { paperIdFor } from '../paper/urls';
import { libraryFingerprint, type IndexSnapshot } from '../search/word-index';
import { db as defaultDb, type PaperdexDb, type SearchLogEntry } from './database';

/** Everything the search engine needs to open, read in one consistent transaction. */
export interface SearchState {
  snapshot: IndexSnapshot | null;
  /** The last change the snapshot includes. */
  deltaSeq: number;
  /** Changes after it, oldest first. */
  log: Required<SearchLogEntry>[];
  paperCount: number;
  /** The newest `updatedAt`: with the count, the check made before the first results. */
  maxUpdatedAt: number;
}

/**
 * The library's store: the only code that reads or writes IndexedDB. Every write is one
 * transaction that also appends to the search change log, so that every open search (and the
 * next one) follows it.
 */
export function createRepository(db: PaperdexDb) {
  /** Records a change for the search index; call inside the transaction that makes it. */
  const logChange = (id: string) => db.searchLog.add({ id });

  return {
    /** Saves or refreshes one paper in a single transaction and returns the stored record. */
    async savePaper(update: PaperUpdate, now = Date.now()): Promise<Paper> {
      return db.transaction('rw', db.papers, db.searchLog, async () => {
        const existing = await db.papers.get(paperIdFor(update.arxivId));
        const record = mergePaper(existing, update, now);
        await db.papers.put(record);
        await logChange(record.id);
        return record;
      });
    },

    /**
     * Folds newer metadata into a paper that is still in the library (no source added): for
     * details fetched after the save. Returns the record, or undefined if it was removed.
     */
    async refreshPaper(metadata: PaperMetadata, now = Date.now()): Promise<Paper | undefined> {
      return db.transaction('rw', db.papers, db.searchLog, async () => {
        const existing = await db.papers.get(paperIdFor(metadata.arxivId));
        if (!existing) return undefined;
        const record = mergePaper(existing, metadata, now);
        await db.papers.put(record);
        await logChange(record.id);
        return record;
      });
    },

    /**
     * Brings records in (an import, an Undo) in one transaction, all or nothing: papers not in
     * the library are stored as they are; papers in it are merged with what is stored at that
     * moment (tags united, notes appended, newer metadata wins), so nothing done since the
     * preview is overwritten. Returns how many records were added and changed.
     */
    async importPapers(records: readonly Paper[], now = Date.now()): Promise<{ added: number; updated: number }> {
      if (!records.length) return { added: 0, updated: 0 };
      return db.transaction('rw', db.papers, db.searchLog, async () => {
        // Keys first: an import into a new library reads no record.
        const present = (await db.papers.where(':id').anyOf(records.map((r) => r.id)).primaryKeys()) as string[];
        const stored = await db.papers.bulkGet(present);
        const plan = planMerge(records, new Map(stored.filter((p): p is Paper => p !== undefined).map((p) => [p.id, p])), now);
        const writes = [...plan.additions, ...plan.updates];
        await db.papers.bulkPut(writes);
        await db.searchLog.bulkAdd(writes.map((r) => ({ id: r.id })));
        return { added: plan.additions.length, updated: plan.updates.length };
      });
    },

    /** Changes the user's own fields of some papers in one transaction; returns the new records. */
    async updateUserFields(ids: readonly string[], change: (paper: Paper) => Paper, now = Date.now()): Promise<Paper[]> {
      return db.transaction('rw', db.papers, db.searchLog, async () => {
        const found = (await db.papers.bulkGet([...ids])).filter((p): p is Paper => p !== undefined);
        const changed = found.map((p) => ({ ...change(p), id: p.id, updatedAt: now }));
        await db.papers.bulkPut(changed);
        await db.searchLog.bulkAdd(changed.map((r) => ({ id: r.id })));
        return changed;
      });
    },

    /** Removes papers in one transaction and returns them as they were (for Undo). */
    async removePapers(ids: readonly string[]): Promise<Paper[]> {
      return db.transaction('rw', db.papers, db.searchLog, async () => {
        const found = (await db.papers.bulkGet([...ids])).filter((p): p is Paper => p !== undefined);
        await db.papers.bulkDelete(found.map((p) => p.id));
        await db.searchLog.bulkAdd(found.map((p) => ({ id: p.id })));
        return found;
      });
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

    /** The most recently saved papers: what the popup shows before anything else has loaded. */
    async recentPapers(limit: number): Promise<Paper[]> {
      return db.papers.orderBy('savedAt').reverse().limit(limit).toArray();
    },

    async countPapers(): Promise<number> {
      return db.papers.count();
    },

    async loadSearchState(): Promise<SearchState> {
      return db.transaction('r', db.papers, db.searchIndex, db.searchLog, async () => {
        const snapshot = await db.searchIndex.get('snapshot');
        const deltaSeq = snapshot?.deltaSeq ?? 0;
        const log = (await db.searchLog.where('seq').above(deltaSeq).toArray()) as Required<SearchLogEntry>[];
        const [newest] = (await db.papers.orderBy('updatedAt').reverse().limit(1).keys()) as number[];
        return {
          snapshot: snapshot?.snapshot ?? null,
          deltaSeq,
          log,
          paperCount: await db.papers.count(),
          maxUpdatedAt: newest ?? 0,
        };
      });
    },

    /** Changes after `seq`, and the last change any stored snapshot includes. */
    async searchChangesSince(seq: number): Promise<{ log: Required<SearchLogEntry>[]; snapshotSeq: number }> {
      return db.transaction('r', db.searchIndex, db.searchLog, async () => {
        const meta = await db.searchIndex.get('meta');
        const log = (await db.searchLog.where('seq').above(seq).toArray()) as Required<SearchLogEntry>[];
        return { log, snapshotSeq: meta?.deltaSeq ?? 0 };
      });
    },

    /**
     * `libraryFingerprint` of every paper's `updatedAt` (index keys only, no record read) and
     * the last change number, read together: the thorough staleness check, made after the
     * first results are on screen.
     */
    async libraryFingerprint(): Promise<{ fingerprint: number; count: number; seq: number }> {
      return db.transaction('r', db.papers, db.searchLog, async () => {
        const updatedAts = (await db.papers.orderBy('updatedAt').keys()) as number[];
        const last = await db.searchLog.orderBy('seq').last();
        return { fingerprint: libraryFingerprint(updatedAts), count: updatedAts.length, seq: last?.seq ?? 0 };
      });
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
