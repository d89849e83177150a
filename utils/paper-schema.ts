import { z } from 'zod';
import { SOURCES } from './paper';

/**
 * Validation of papers arriving from outside the background (content scripts, import files).
 * Kept apart from `paper.ts` so that content scripts, which only send papers, do not bundle zod.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');
const nonEmpty = z.string().trim().min(1);

/** What a site parser reads off a page: everything about the paper, nothing about the user. */
export const paperMetadataSchema = z.object({
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

/** The payload of `savePaper`: metadata and the site it came from. */
export const paperInputSchema = paperMetadataSchema.extend({
  source: z.enum(SOURCES),
});

export type PaperMetadata = z.infer<typeof paperMetadataSchema>;
export type PaperInput = z.infer<typeof paperInputSchema>;
