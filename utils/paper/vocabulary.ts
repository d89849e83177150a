/**
 * The words a paper record uses, with no dependency at all: content scripts import these, and
 * they must stay small (no zod, no Dexie).
 */

/** Where a paper was saved from. */
export const SOURCES = ['arxiv', 'huggingface'] as const;
export type PaperSource = (typeof SOURCES)[number];

/** Where the user is with a paper; absent until they say. */
export const READING_STATUSES = ['to-read', 'reading', 'read'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];
export const READING_STATUS_LABELS: Record<ReadingStatus, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read' };
