import type { PaperMetadata } from './paper-schema';

/**
 * The record format of the library (IndexedDB `paperdex`, table `papers`). It is also the JSON
 * backup format, so it is a public contract: see README "Record format".
 */

export type { PaperInput, PaperMetadata, SeenPaper } from './paper-schema';

export const SOURCES = ['arxiv', 'huggingface'] as const;
export type PaperSource = (typeof SOURCES)[number];

export const READING_STATUSES = ['to-read', 'reading', 'read'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];
export const READING_STATUS_LABELS: Record<ReadingStatus, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read' };

export interface Paper extends PaperMetadata {
  /** "arxiv:2401.12345" or "arxiv:hep-th/9901001": never a version. */
  id: string;
  sources: PaperSource[];
  tags: string[];
  notes: string;
  /** Where the user is with it; absent until they say. */
  readingStatus?: ReadingStatus;
  /** Epoch ms of the first save. */
  savedAt: number;
  /** Epoch ms of the last change to the record. */
  updatedAt: number;
}

/** Complete metadata on its way into the library, and the site the user saved it from. */
export type PaperUpdate = PaperMetadata & { source?: PaperSource };

export function paperIdFor(arxivId: string): string {
  return `arxiv:${arxivId}`;
}

/** The first authors for a compact listing: "A, B, C" or "A, B, C et al.". */
export function shortAuthors(authors: readonly string[], max = 3): string {
  if (authors.length <= max) return authors.join(', ');
  return `${authors.slice(0, max).join(', ')} et al.`;
}

/** "1 paper", "10,000 papers". */
export function paperCount(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'paper' : 'papers'}`;
}

export function paperYear(paper: Pick<Paper, 'published'>): string {
  return paper.published.slice(0, 4);
}
