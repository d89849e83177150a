import type { Fix } from '../paper/repair';
import type { Paper } from '../paper/schema';

/** What every import reader returns, and how it refuses a file. */

/** Bigger files are refused before reading: a 50,000-paper backup is about 70 MB. */
export const MAX_IMPORT_BYTES = 80 * 1024 * 1024;

export type ImportFormat = 'json' | 'csv' | 'bibtex';

export interface ImportProblem {
  /** "entry 12", "line 5", "@article{smith2020}": where in the file. */
  where: string;
  reason: string;
}

export interface ImportFile {
  format: ImportFormat;
  records: Paper[];
  invalid: ImportProblem[];
  /** Where the reader was lenient (the meaning was clear), and for how many entries. */
  lenient: { fix: Fix; count: number }[];
}

/** Counts the fixes of each entry read, for `ImportFile.lenient`. */
export function fixTally(): { add(fixes: readonly Fix[]): void; list(): ImportFile['lenient'] } {
  const counts = new Map<Fix, number>();
  return {
    add: (fixes) => fixes.forEach((f) => counts.set(f, (counts.get(f) ?? 0) + 1)),
    list: () => [...counts].map(([fix, count]) => ({ fix, count })),
  };
}

/** Told how far reading a file has got, from 0 to 1. */
export type Progress = (done: number) => void;

/** A file Paperdex cannot import at all; the message says why and that nothing was imported. */
export class ImportError extends Error {}

export function checkSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new ImportError(`This file is ${mb(bytes)}; Paperdex imports files up to ${mb(MAX_IMPORT_BYTES)}. Nothing was imported.`);
  }
}
