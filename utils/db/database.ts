import Dexie, { type EntityTable } from 'dexie';
import type { Paper } from '../paper';

export const DB_NAME = 'paperdex';

export type PaperdexDb = Dexie & { papers: EntityTable<Paper, 'id'> };

/**
 * Opens the library. Schema versions are append-only: a released `version(n)` is never edited;
 * a change adds `version(n + 1)` with an upgrade and a test that opens the previous version.
 */
export function openDatabase(name = DB_NAME): PaperdexDb {
  const db = new Dexie(name) as PaperdexDb;
  // v1: look-ups by id, newest-first listing by savedAt, filtering by tag. Never the abstract.
  db.version(1).stores({ papers: 'id, savedAt, *tags' });
  return db;
}

export const db = openDatabase();
