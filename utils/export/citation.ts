import type { Paper } from '../paper/schema';

/**
 * What a citation of a paper cites: the published version when one is known and the export
 * asks for it ("cite preprints as published when known", on by default), else the arXiv
 * preprint (with arXiv's journal reference as its journal when arXiv lists one). BibTeX, RIS
 * and CSL-JSON each write this in their own way; the arXiv id stays in every one of them.
 */
export type Cited =
  | { as: 'preprint' }
  /** arXiv's free-text journal reference, as arXiv gives it. */
  | { as: 'journal-ref'; container: string }
  | {
      as: 'conference' | 'journal';
      /** The proceedings' or the journal's name. */
      container: string;
      year?: number;
      volume?: string;
      number?: string;
      /** With an en dash between first and last page. */
      pages?: string;
      publisher?: string;
      /** The published version's DOI. */
      doi?: string;
      /** The published version's page. */
      url?: string;
    };

export interface CiteOptions {
  /** Cite a paper's published version when Paperdex knows it (default), or always the preprint. */
  asPublished?: boolean;
}

export function citedAs(paper: Pick<Paper, 'venue' | 'journalRef'>, { asPublished = true }: CiteOptions = {}): Cited {
  if (!asPublished) return { as: 'preprint' };
  const venue = paper.venue;
  // A venue a lookup, a file or the user gave, that is a proceedings or a journal.
  if (venue && venue.source !== 'arxiv' && venue.kind !== 'other') {
    const { name, year, volume, number, pages, publisher, doi, url } = venue;
    const cited: Cited = { as: venue.kind === 'journal' ? 'journal' : 'conference', container: name };
    Object.assign(cited, Object.fromEntries(Object.entries({ year, volume, number, pages, publisher, doi, url }).filter(([, v]) => v !== undefined)));
    return cited;
  }
  return paper.journalRef ? { as: 'journal-ref', container: paper.journalRef } : { as: 'preprint' };
}

/** First and last page of "2692–2700" (or "59:1-59:35"); the whole text as the first when it is one. */
export function pageRange(pages: string): [string, string | undefined] {
  const [first, last] = pages.split(/\s*[–—-]+\s*/);
  return [first ?? pages, last];
}
