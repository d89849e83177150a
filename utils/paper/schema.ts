import { z } from 'zod';
import { isCalendarDate } from './dates';
import { normalizeTags } from './tags';
import { hasOwnAddresses, paperIdFor } from './urls';
import { CODE_SOURCES, VENUE_KINDS, VENUE_SOURCES, READING_STATUSES, SOURCES } from './vocabulary';

/**
 * The paper record, defined once. Every type of the record is derived from these schemas, and
 * every boundary where data enters (a content script's message, an import file, a record read
 * back from storage) validates with them. The record is also the JSON backup format, so it is a
 * public contract: see README "Record format".
 *
 * Content scripts import only types from here (erased when built), so they never bundle zod.
 */

// Extension pages and the service worker forbid eval (CSP): zod's compiled parsers cannot run
// there, so it is told so up front instead of probing with `Function("")`.
z.config({ jitless: true });

const isoDate = z.string().refine(isCalendarDate, 'expected a date that exists, as YYYY-MM-DD');
/**
 * arXiv numbers versions from 1; no paper has come near a hundred. A record claiming a huge
 * version could never be updated by the real next one.
 */
export const MAX_VERSION = 999;
const nonEmpty = z.string().trim().min(1);

export const arxivIdSchema = nonEmpty.regex(
  /^(\d{4}\.\d{4,5}|[a-z]+(-[a-z]+)?\/\d{7})$/,
  'expected an arXiv id without version',
);

/** Everything about a paper, nothing about the user: what a complete record holds. */
const metadataFields = z.object({
  arxivId: arxivIdSchema,
  version: z.number().int().min(1).max(MAX_VERSION),
  title: nonEmpty.max(2000),
  authors: z.array(nonEmpty.max(500)).max(5000),
  abstract: z.string().max(20000),
  published: isoDate,
  updated: isoDate,
  url: z.url(),
  pdfUrl: z.url(),
  categories: z.array(nonEmpty.max(100)).max(50),
  doi: nonEmpty.max(300).optional(),
  journalRef: nonEmpty.max(1000).optional(),
  /** The authors withdrew the paper; arXiv keeps it listed. */
  withdrawn: z.literal(true).optional(),
  /**
   * Saved without its abstract, authors or exact dates because neither the page nor arXiv nor
   * Hugging Face could supply them; the popup marks it and a later save completes it.
   */
  incomplete: z.literal(true).optional(),
  /**
   * Where the paper was published (a conference, a journal), from arXiv's journal reference,
   * Semantic Scholar, DBLP, a file, or the user. What the user wrote wins over any lookup.
   */
  venue: z
    .object({
      /** The venue as its publisher names it: a proceedings' or a journal's full title. */
      name: nonEmpty.max(1000),
      /** How people say it, for badges and `venue:` ("NeurIPS", "J. Mach. Learn. Res."). */
      short: nonEmpty.max(100).optional(),
      year: z.number().int().min(1900).max(2999).optional(),
      kind: z.enum(VENUE_KINDS),
      volume: nonEmpty.max(100).optional(),
      number: nonEmpty.max(100).optional(),
      pages: nonEmpty.max(100).optional(),
      publisher: nonEmpty.max(300).optional(),
      /** The published version's DOI (the record's `doi` may be arXiv's own or the journal's). */
      doi: nonEmpty.max(300).optional(),
      /** The published version's page. */
      url: z.url().max(2000).optional(),
      /** The DBLP record it came from ("conf/nips/VinyalsFJ15"): its BibTeX is dblp.org/rec/<key>.bib. */
      dblpKey: nonEmpty.max(300).optional(),
      source: z.enum(VENUE_SOURCES),
    })
    .optional(),
  /** The paper's code and project page (from Hugging Face, or the user). */
  code: z
    .object({
      repo: z.url().max(2000).optional(),
      projectPage: z.url().max(2000).optional(),
      source: z.enum(CODE_SOURCES),
    })
    .optional(),
  /** Epoch ms of the last lookup of where the paper was published and of its code. */
  checkedAt: z.number().int().nonnegative().optional(),
});

/** What the user adds to a paper, and when it was saved and changed. */
const userFields = z.object({
  /** "arxiv:2401.12345": never a version. */
  id: z.string(),
  sources: z.array(z.enum(SOURCES)),
  // Tags as the editor would have made them ("a, b" is two tags), so that every tag can be removed.
  tags: z.array(z.string()).max(500).transform((tags) => normalizeTags(tags)),
  notes: z.string().max(1_000_000),
  readingStatus: z.enum(READING_STATUSES).optional(),
  /** Epoch ms of the first save. */
  savedAt: z.number().int().nonnegative(),
  /** Epoch ms of the last change to the record. */
  updatedAt: z.number().int().nonnegative(),
});

/** Links are the paper's own arXiv addresses, never whatever a page or a file claims. */
const ADDRESS_ERROR = { message: "url and pdfUrl must be the paper's arXiv addresses", path: ['url'] };

export const paperMetadataSchema = metadataFields.refine(hasOwnAddresses, ADDRESS_ERROR);

/**
 * A stored record: known fields checked; fields a later Paperdex added are dropped, not refused
 * (an import of a newer backup).
 */
export const paperRecordSchema = metadataFields
  .extend(userFields.shape)
  .refine(hasOwnAddresses, ADDRESS_ERROR)
  .refine((r) => r.id === paperIdFor(r.arxivId), { message: 'id must be "arxiv:" + arxivId', path: ['id'] });

/**
 * What a page (or a link, or a PDF's address) shows about a paper: its id and whatever else the
 * page had. The background fills the rest from arXiv and Hugging Face before saving; links are
 * never taken from a page.
 */
export const seenPaperSchema = metadataFields
  .omit({ url: true, pdfUrl: true, incomplete: true, venue: true, code: true, checkedAt: true })
  .partial()
  .required({ arxivId: true });

/** The payload of `savePaper`: what the page showed and the site it came from. */
export const paperInputSchema = seenPaperSchema.extend({ source: z.enum(SOURCES) });

/** The library record (IndexedDB `paperdex`, table `papers`; the JSON backup's `papers`). */
export type Paper = z.output<typeof paperRecordSchema>;
export type PaperMetadata = z.output<typeof paperMetadataSchema>;
export type SeenPaper = z.output<typeof seenPaperSchema>;
export type PaperInput = z.output<typeof paperInputSchema>;
export type Venue = NonNullable<Paper['venue']>;
export type CodeLinks = NonNullable<Paper['code']>;
/** Complete metadata on its way into the library, and the site the user saved it from. */
export type PaperUpdate = PaperMetadata & { source?: PaperInput['source'] };


/** The first problem zod found, as "field: what is wrong", for messages a user reads. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}`;
}
