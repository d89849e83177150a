import { citationDoi, citationKeys } from './bibtex';
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

export function paperToCsl(p: Paper, id: string): Record<string, unknown> {
  const parts = p.published.split('-').map(Number);
  const journal = Boolean(p.journalRef);
  const item: Record<string, unknown> = {
    id,
    type: journal ? 'article-journal' : 'article',
    title: p.title,
    author: p.authors.map(cslName),
    // An incomplete record knows the month, not the day.
    issued: { 'date-parts': [p.incomplete ? parts.slice(0, 2) : parts] },
    abstract: p.abstract || undefined,
    'container-title': p.journalRef,
    ...(journal ? {} : { genre: 'Preprint', number: `arXiv:${p.arxivId}`, publisher: 'arXiv' }),
    version: String(p.version),
    DOI: citationDoi(p),
    URL: p.url,
    keyword: p.tags.length ? p.tags.join(', ') : undefined,
    status: p.withdrawn ? 'withdrawn' : undefined,
  };
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined));
}

/** CSL-JSON (citeproc, Zotero, pandoc). */
export function libraryToCslJson(papers: readonly Paper[]): string {
  const keys = citationKeys(papers);
  return JSON.stringify(papers.map((p, i) => paperToCsl(p, keys[i]!)), null, 2);
}
