import { z } from 'zod';
import { SOURCES } from './paper';

/**
 * Validation of papers arriving from outside the background (content scripts, import files).
 * Kept apart from `paper.ts` so that content scripts, which only send papers, do not bundle zod.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');
const nonEmpty = z.string().trim().min(1);

/** What a site parser reads off a page: everything about the paper, nothing about the user. */
const metadataFields = z.object({
  arxivId: nonEmpty.regex(/^(\d{4}\.\d{4,5}|[a-z]+(-[a-z]+)?\/\d{7})$/, 'expected an arXiv id without version'),
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
});

/** Links are the paper's own arXiv addresses, never whatever a page or a file claims. */
function hasOwnAddresses(p: { arxivId: string; url: string; pdfUrl: string }): boolean {
  return p.url === `https://arxiv.org/abs/${p.arxivId}` && p.pdfUrl === `https://arxiv.org/pdf/${p.arxivId}`;
}
const ADDRESS_ERROR = { message: "url and pdfUrl must be the paper's arXiv addresses", path: ['url'] };

export const paperMetadataSchema = metadataFields.refine(hasOwnAddresses, ADDRESS_ERROR);

/** The payload of `savePaper`: metadata and the site it came from. */
export const paperInputSchema = metadataFields.extend({ source: z.enum(SOURCES) }).refine(hasOwnAddresses, ADDRESS_ERROR);

export type PaperMetadata = z.infer<typeof paperMetadataSchema>;
export type PaperInput = z.infer<typeof paperInputSchema>;
