import { z } from 'zod';
import { SOURCES } from './paper';

/**
 * Validation of papers arriving from outside the background (content scripts, the popup, import
 * files). Kept apart from `paper.ts` so that content scripts, which only send papers, do not
 * bundle zod.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');
const nonEmpty = z.string().trim().min(1);

export const arxivIdSchema = nonEmpty.regex(
  /^(\d{4}\.\d{4,5}|[a-z]+(-[a-z]+)?\/\d{7})$/,
  'expected an arXiv id without version',
);

/** Everything about a paper, nothing about the user: what a complete record holds. */
const metadataFields = z.object({
  arxivId: arxivIdSchema,
  version: z.number().int().min(1),
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
});

/** Links are the paper's own arXiv addresses, never whatever a page or a file claims. */
function hasOwnAddresses(p: { arxivId: string; url: string; pdfUrl: string }): boolean {
  return p.url === `https://arxiv.org/abs/${p.arxivId}` && p.pdfUrl === `https://arxiv.org/pdf/${p.arxivId}`;
}
const ADDRESS_ERROR = { message: "url and pdfUrl must be the paper's arXiv addresses", path: ['url'] };

export const paperMetadataSchema = metadataFields.refine(hasOwnAddresses, ADDRESS_ERROR);

/**
 * What a page (or a link, or a PDF's address) shows about a paper: its id and whatever else the
 * page had. The background fills the rest from arXiv and Hugging Face before saving; links are
 * never taken from a page.
 */
export const seenPaperSchema = metadataFields
  .omit({ url: true, pdfUrl: true, incomplete: true })
  .partial()
  .required({ arxivId: true });

/** The payload of `savePaper`: what the page showed and the site it came from. */
export const paperInputSchema = seenPaperSchema.extend({ source: z.enum(SOURCES) });

export type PaperMetadata = z.infer<typeof paperMetadataSchema>;
export type SeenPaper = z.infer<typeof seenPaperSchema>;
export type PaperInput = z.infer<typeof paperInputSchema>;
