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

/** What a venue is; `other` for a thesis, a book, a report. */
export const VENUE_KINDS = ['conference', 'journal', 'workshop', 'other'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];
export const VENUE_KIND_LABELS: Record<VenueKind, string> = { conference: 'Conference', journal: 'Journal', workshop: 'Workshop', other: 'Other' };
/**
 * Where a paper's venue came from, coarsest first: arXiv's free-text journal reference, a file
 * imported, Semantic Scholar, DBLP (the published BibTeX), the user (always wins).
 */
export const VENUE_SOURCES = ['arxiv', 'import', 'semanticscholar', 'dblp', 'user'] as const;
export type VenueSource = (typeof VENUE_SOURCES)[number];
export const CODE_SOURCES = ['import', 'huggingface', 'user'] as const;
