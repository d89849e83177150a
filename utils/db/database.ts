import Dexie, { type EntityTable } from 'dexie';
import type { Job } from '../jobs/job';
import type { Paper } from '../paper/schema';
import { venueFromJournalRef } from '../paper/venue';
import type { IndexSnapshot } from '../search/word-index';
import { retireSnapshots } from './first-screen-snapshot';

export const DB_NAME = 'paperdex';

/** One entry per library change, written in the same transaction as the change. */
export interface SearchLogEntry {
  seq?: number;
  id: string;
}

/** The persisted search index: its snapshot and the last library change it includes. */
export interface SearchIndexRow {
  /** 'snapshot' holds the index; 'meta' only its deltaSeq, cheap to read on every refresh. */
  key: 'snapshot' | 'meta';
  snapshot?: IndexSnapshot;
  deltaSeq: number;
}

export type PaperdexDb = Dexie & {
  papers: EntityTable<Paper, 'id'>;
  searchIndex: EntityTable<SearchIndexRow, 'key'>;
  searchLog: EntityTable<SearchLogEntry, 'seq'>;
  jobs: EntityTable<Job, 'id'>;
};

/**
 * Opens the library. Schema versions are append-only: a released `version(n)` is never edited;
 * a change adds `version(n + 1)` with an upgrade and a test that opens the previous version.
 */
export function openDatabase(name = DB_NAME): PaperdexDb {
  // Relaxed durability: a commit returns once the OS has the data, without waiting for a disk
  // flush (Chrome's own default for IndexedDB since 2023). A 10,000-paper import commits in a
  // fraction of the time; a power cut in the same second could lose that last write, never
  // corrupt the library.
  const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' }) as PaperdexDb;
  // v1: look-ups by id, newest-first listing by savedAt, filtering by tag. Never the abstract.
  db.version(1).stores({ papers: 'id, savedAt, *tags' });
  // v2: the persisted search index and the change log that keeps it current; `updatedAt`
  // indexed for the cheap "did the library change without the index?" check. The index is
  // derived data: v1 libraries get theirs built on first open (the check sees it missing).
  db.version(2).stores({ papers: 'id, savedAt, updatedAt, *tags', searchIndex: 'key', searchLog: '++seq' });
  // v3: the library page sorts by publication date without reading every record. Records are
  // unchanged (the reading status is an optional field), so there is no data upgrade.
  db.version(3).stores({ papers: 'id, savedAt, updatedAt, published, *tags' });
  // v4: what the background owes the user (utils/jobs), written down before it is attempted so
  // that a stopped service worker resumes it: by id, and by when it is next due. Papers are
  // unchanged; no data upgrade.
  db.version(4).stores({ jobs: 'id, notBefore' });
  // v5: papers learn where they were published (`venue`, `code`, `checkedAt`; see README
  // "Record format"). Papers arXiv gave a journal reference get the venue it names, so that
  // `is:published` and the badges know them before any lookup; each changed paper is logged so
  // that the stored search index learns its venue words. No index added.
  db.version(5)
    .stores({})
    .upgrade(async (tx) => {
      const changed: string[] = [];
      await tx
        .table<Paper, string>('papers')
        .filter((paper) => !paper.venue && typeof paper.journalRef === 'string')
        .modify((paper) => {
          const venue = venueFromJournalRef(paper.journalRef);
          if (!venue) return;
          paper.venue = venue;
          changed.push(paper.id);
        });
      await tx.table<SearchLogEntry, number>('searchLog').bulkAdd(changed.map((id) => ({ id })));
    });
  // Every write to the papers, from any context and any code path, retires the popup's
  // first-screen snapshot (see first-screen-snapshot.ts).
  db.use({
    stack: 'dbcore',
    name: 'papers-changed',
    create: (down) => ({
      ...down,
      table: (table) => {
        const inner = down.table(table);
        if (table !== 'papers') return inner;
        return { ...inner, mutate: (req) => inner.mutate(req).finally(retireSnapshots) };
      },
    }),
  });
  return db;
}

export const db = openDatabase();
