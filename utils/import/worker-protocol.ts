import type { MergePlan } from '../paper/merge';
import type { Result } from '../result';
import type { ImportProblem } from './types';

/** Messages between the library page and its import worker (entrypoints/library/import-worker.ts). */

export type ImportRequest = { type: 'read'; file: File; now: number } | { type: 'commit' };

/** What an import will do, shown before anything is written (the records stay in the worker). */
export interface ImportPreviewData {
  fileName: string;
  additions: number;
  updates: number;
  unchanged: number;
  changes: MergePlan['changes'];
  invalid: ImportProblem[];
}

export type ImportUpdate =
  | { type: 'progress'; label: string; done: number }
  | { type: 'preview'; preview: ImportPreviewData }
  | { type: 'failed'; message: string }
  | { type: 'written'; written: { ids: string[]; bulk: boolean } }
  | { type: 'done'; result: Result<{ added: number; updated: number }> };
