import type { MergePlan } from '../paper/merge';
import type { Result } from '../result';
import type { Fix } from '../paper/repair';
import type { ImportFile, ImportProblem } from './types';

/** Messages between the library page and its import worker (entrypoints/library/import-worker.ts). */

export type ImportRequest =
  | { type: 'read'; file: File; now: number }
  | { type: 'commit' }
  /**
   * The library page's health check: the next `limit` stored records after `after` (in key
   * order; null: from the first) checked against the record format. The page asks chunk by
   * chunk while the user leaves it alone, so a fling shares the CPU with one chunk at most.
   * A read that fails answers `failed`.
   */
  | { type: 'check'; after: string | null; limit: number }
  /** Records that need attention put in the record format where their meaning is clear. */
  | { type: 'repair'; ids: string[] };

/** A stored record that does not validate, what is wrong, and whether it can be repaired. */
export interface RecordProblem {
  id: string;
  /** Its title, when it has one to show. */
  title?: string;
  problem: string;
  /** What a repair would change; empty when it cannot be repaired. */
  fixes: Fix[];
}

/** What an import will do, shown before anything is written (the records stay in the worker). */
export interface ImportPreviewData {
  fileName: string;
  additions: number;
  updates: number;
  unchanged: number;
  changes: MergePlan['changes'];
  invalid: ImportProblem[];
  lenient: ImportFile['lenient'];
  /** The file's size: what the import needs of the browser's storage, roughly. */
  bytes: number;
}

export type ImportUpdate =
  | { type: 'progress'; label: string; done: number }
  | { type: 'preview'; preview: ImportPreviewData }
  | { type: 'failed'; message: string }
  | { type: 'written'; written: { ids: string[]; bulk: boolean } }
  | { type: 'done'; result: Result<{ added: number; updated: number }> }
  /** One chunk checked: its problems, and the key to go on after (null: the library is done). */
  | { type: 'checked'; problems: RecordProblem[]; next: string | null }
  | { type: 'repaired'; result: Result<number> };
