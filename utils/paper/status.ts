import type { Paper } from './schema';

/** What a Save button needs to know about one paper. */
export type PaperStatus = { saved: false } | { saved: true; version: number; incomplete?: true };

/** The library state a Save button shows for a stored paper. */
export function statusOf(paper: Pick<Paper, 'version' | 'incomplete'>): PaperStatus {
  return paper.incomplete ? { saved: true, version: paper.version, incomplete: true } : { saved: true, version: paper.version };
}
