import type { PaperMetadata, SeenPaper } from './paper';

/**
 * Fields a page may lack that Paperdex fetches before saving. A paper with these is worth
 * keeping on its own; version and categories are only looked up when possible.
 */
export function lacksEssentials(seen: SeenPaper): boolean {
  return !seen.title || !seen.authors?.length || !seen.abstract || !seen.published;
}

/** Whether anything about the paper is still unknown, so the background asks arXiv first. */
export function needsLookup(seen: SeenPaper): boolean {
  return lacksEssentials(seen) || seen.version === undefined || !seen.categories?.length || !seen.updated;
}

export type Completed = { ok: true; paper: PaperMetadata } | { ok: false };

/**
 * Folds what the page showed and what arXiv or Hugging Face answered into one record (pure).
 * The page wins for what its reader saw (title, authors, abstract); the API for what pages
 * rarely show exactly (dates, version, categories). Without a title there is nothing to save;
 * without the rest the record is saved and marked incomplete: a dated approximation from the
 * id (arXiv ids start with YYMM) stands in for the missing date.
 */
export function completePaper(seen: SeenPaper, found: SeenPaper | undefined): Completed {
  const api = found ?? { arxivId: seen.arxivId };
  const merged: SeenPaper = {
    arxivId: seen.arxivId,
    title: prefer(seen.title, api.title),
    authors: prefer(seen.authors, api.authors),
    abstract: prefer(seen.abstract, api.abstract),
    published: prefer(api.published, seen.published),
    updated: prefer(api.updated, seen.updated),
    version: Math.max(seen.version ?? 0, api.version ?? 0) || undefined,
    categories: prefer(api.categories, seen.categories),
    doi: prefer(seen.doi, api.doi),
    journalRef: prefer(seen.journalRef, api.journalRef),
    withdrawn: seen.withdrawn || api.withdrawn || undefined,
  };
  if (!merged.title) return { ok: false };
  const published = merged.published ?? dateFromId(merged.arxivId);
  const paper: PaperMetadata = {
    arxivId: merged.arxivId,
    version: merged.version ?? 1,
    title: merged.title,
    authors: merged.authors ?? [],
    abstract: merged.abstract ?? '',
    published,
    updated: merged.updated ?? published,
    url: `https://arxiv.org/abs/${merged.arxivId}`,
    pdfUrl: `https://arxiv.org/pdf/${merged.arxivId}`,
    categories: merged.categories ?? [],
  };
  if (merged.doi) paper.doi = merged.doi;
  if (merged.journalRef) paper.journalRef = merged.journalRef;
  if (merged.withdrawn) paper.withdrawn = true;
  if (lacksEssentials(merged)) paper.incomplete = true;
  return { ok: true, paper };
}

/** The first value that says something: not missing, not empty. */
function prefer<T extends string | readonly string[]>(a: T | undefined, b: T | undefined): T | undefined {
  return a?.length ? a : b?.length ? b : undefined;
}

/** "2609.22268" → 2026-09-01, "hep-th/9901001" → 1999-01-01: the month the id was issued. */
export function dateFromId(arxivId: string): string {
  const yymm = /^(\d{2})(\d{2})/.exec(arxivId.includes('/') ? arxivId.split('/')[1]! : arxivId);
  if (!yymm) return '1991-08-01';
  const yy = Number(yymm[1]);
  const year = arxivId.includes('/') && yy >= 91 ? 1900 + yy : 2000 + yy;
  return `${year}-${yymm[2]}-01`;
}
