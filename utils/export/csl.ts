import { citationDoi, citationKeys } from './bibtex';
import { citedAs, pageRange, type CiteOptions } from './citation';
import { splitName } from '../paper/names';
import type { Paper } from '../paper/schema';

/**
 * CSL-JSON, as Zotero itself exports an arXiv preprint (citeproc-js, pandoc, Zotero read it):
 * type `article`, `number: "arXiv:<id>"`, `publisher: "arXiv"`, arXiv's DOI when the authors
 * gave no journal DOI; a paper with a journal reference is an `article-journal`. Ids are the
 * BibTeX keys, so `[@vaswani2017attention]` cites the same paper in pandoc either way.
 *
 * The user's notes are never in `note`: citeproc reads "Key: value" lines there as data (a note
 * "issued: 1850" would change the year).
 */

type CslName = { family: string; given?: string; 'non-dropping-particle'?: string; suffix?: string } | { literal: string };

export function cslName(author: string): CslName {
  const name = splitName(author);
  if ('literal' in name) return { literal: name.literal };
  const out: CslName = { family: name.family };
  if (name.given) out.given = name.given;
  if (name.particle) out['non-dropping-particle'] = name.particle;
  if (name.suffix) out.suffix = name.suffix;
  return out;
}

/**
 * A published paper (when known, and `asPublished`) is a `paper-conference` or an
 * `article-journal` in its proceedings or journal, with volume, issue, pages, publisher, the
 * published DOI and the venue's year.
 */
export function paperToCsl(p: Paper, id: string, options: CiteOptions = {}): Record<string, unknown> {
  const cited = citedAs(p, options);
  const published = cited.as === 'conference' || cited.as === 'journal' ? cited : null;
  const parts = p.published.split('-').map(Number);
  const item: Record<string, unknown> = {
    id,
    type: cited.as === 'conference' ? 'paper-conference' : cited.as === 'preprint' ? 'article' : 'article-journal',
    title: p.title,
    author: p.authors.map(cslName),
    // An incomplete record knows the month, not the day; a published paper, its venue's year.
    issued: { 'date-parts': [published?.year ? [published.year] : p.incomplete ? parts.slice(0, 2) : parts] },
    abstract: p.abstract || undefined,
    'container-title': cited.as === 'preprint' ? undefined : cited.container,
    ...(cited.as === 'preprint' ? { genre: 'Preprint', number: `arXiv:${p.arxivId}`, publisher: 'arXiv' } : {}),
    volume: published?.volume,
    issue: published?.number,
    page: published?.pages && pageRange(published.pages).filter(Boolean).join('-'),
    ...(published?.publisher ? { publisher: published.publisher } : {}),
    version: published ? undefined : String(p.version),
    DOI: published?.doi ?? citationDoi(p),
    URL: published?.url ?? p.url,
    keyword: p.tags.length ? p.tags.join(', ') : undefined,
    status: p.withdrawn ? 'withdrawn' : undefined,
  };
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined));
}

/** CSL-JSON (citeproc, Zotero, pandoc). */
export function libraryToCslJson(papers: readonly Paper[], options: CiteOptions = {}): string {
  const keys = citationKeys(papers);
  return JSON.stringify(papers.map((p, i) => paperToCsl(p, keys[i]!, options)), null, 2);
}
