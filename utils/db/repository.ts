import { mergePaper } from '../merge-paper';
import { paperIdFor, type Paper, type PaperInput } from '../paper';
import { db as defaultDb, type PaperdexDb } from './database';

/** What a Save button needs to know about one paper. */
export type PaperStatus = { saved: false } | { saved: true; version: number };

export function createRepository(db: PaperdexDb) {
  return {
    /** Saves or refreshes one paper in a single transaction and returns the stored record. */
    async savePaper(input: PaperInput, now = Date.now()): Promise<Paper> {
      return db.transaction('rw', db.papers, async () => {
        const existing = await db.papers.get(paperIdFor(input.arxivId));
        const record = mergePaper(existing, input, now);
        await db.papers.put(record);
        return record;
      });
    },

    async removePaper(id: string): Promise<void> {
      await db.papers.delete(id);
    },

    async getPaper(id: string): Promise<Paper | undefined> {
      return db.papers.get(id);
    },

    async getStatuses(ids: readonly string[]): Promise<Record<string, PaperStatus>> {
      const found = await db.papers.bulkGet([...ids]);
      return Object.fromEntries(
        ids.map((id, i) => {
          const paper = found[i];
          return [id, paper ? { saved: true, version: paper.version } : { saved: false }];
        }),
      );
    },

    /** Every paper, most recently saved first. */
    async listPapers(): Promise<Paper[]> {
      return db.papers.orderBy('savedAt').reverse().toArray();
    },

    async countPapers(): Promise<number> {
      return db.papers.count();
    },
  };
}

export type Repository = ReturnType<typeof createRepository>;

export const repository = createRepository(defaultDb);
