import type { Venue } from '../paper/schema';
import { DBLP_HOST } from './hosts';
import { comparableTitle, isSamePaper } from '../paper/venue';
import { collapseWhitespace } from '../paper/text';

/**
 * DBLP, searched by a paper's exact title for its published record (never CoRR, DBLP's arXiv
 * mirror), whose BibTeX names the proceedings or the journal in full. Pure: building requests,
 * reading answers, choosing the record. https://dblp.org/faq/How+to+use+the+dblp+search+API.html
 */


/** A title search: its words only (DBLP's query syntax gives meaning to some punctuation). */
export function dblpSearchUrl(title: string): string {
  return `https://${DBLP_HOST}/search/publ/api?q=${encodeURIComponent(comparableTitle(title))}&format=json&h=30`;
}

/** The BibTeX of one record. */
export function dblpBibUrl(key: string): string {
  return `https://${DBLP_HOST}/rec/${key.split('/').map(encodeURIComponent).join('/')}.bib`;
}

/** One search hit, as Paperdex reads it. */
export interface DblpHit {
  key: string;
  title: string;
  authors: string[];
  /** DBLP's short venue name: "NeurIPS", "ICLR", "J. Mach. Learn. Res.", "CoRR". */
  venue: string;
  year?: number;
  type: string;
  volume?: string;
  number?: string;
  pages?: string;
  doi?: string;
  /** The published version's page (DBLP's "ee"). */
  ee?: string;
}

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? collapseWhitespace(String(v)) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** The hits of a search answer; throws when the answer is not DBLP's. */
export function readDblpSearch(json: unknown): DblpHit[] {
  const result = (json as { result?: { hits?: { hit?: unknown } } } | null)?.result;
  if (!result || typeof result !== 'object') throw new Error('DBLP sent an answer Paperdex cannot read');
  const hits: DblpHit[] = [];
  for (const hit of list(result.hits?.hit)) {
    const info = (hit as { info?: Record<string, unknown> }).info;
    if (!info) continue;
    const key = text(info.key);
    const title = text(info.title);
    if (!key || !title) continue;
    const authors = list((info.authors as { author?: unknown } | undefined)?.author)
      .map((a) => text(typeof a === 'object' && a ? (a as { text?: unknown }).text : a))
      // DBLP numbers people who share a name ("Wei Wang 0001").
      .map((name) => name.replace(/\s+\d{4}$/, ''))
      .filter(Boolean);
    const year = Number(text(info.year));
    const found: DblpHit = { key, title, authors, venue: list(info.venue).map(text).join(', '), type: text(info.type) };
    if (Number.isInteger(year) && year > 0) found.year = year;
    for (const field of ['volume', 'number', 'pages', 'doi', 'ee'] as const) {
      const value = list(info[field]).map(text).filter(Boolean)[0];
      if (value) found[field] = value;
    }
    hits.push(found);
  }
  return hits;
}

/** DBLP's records of preprints: CoRR, and its "informal" publications. */
function isPreprint(hit: Pick<DblpHit, 'key' | 'venue' | 'type'>): boolean {
  return hit.key.startsWith('journals/corr/') || /^corr$/i.test(hit.venue) || /^informal/i.test(hit.type);
}

/** Conference papers and journal articles first; then editorship, books, theses. */
const TYPE_ORDER = ['Conference and Workshop Papers', 'Journal Articles'];

/**
 * The published record of this paper among search hits: not a preprint, the same title,
 * authors and a plausible year (`isSamePaper`). When more than one is (a workshop version and
 * the conference paper), a conference paper or journal article first, a workshop's after, then
 * the earliest.
 */
export function pickDblpRecord(paper: { title: string; authors: readonly string[]; published: string }, hits: readonly DblpHit[]): DblpHit | undefined {
  // A workshop version ("ICLR (Workshop)") after the main conference paper or journal article.
  const rank = (hit: DblpHit) => (TYPE_ORDER.includes(hit.type) ? 0 : 2) + (/workshop/i.test(hit.venue) ? 1 : 0);
  return hits
    .filter((hit) => !isPreprint(hit) && isSamePaper(paper, hit))
    .sort((a, b) => rank(a) - rank(b) || (a.year ?? 9999) - (b.year ?? 9999))[0];
}

/**
 * The venue of a chosen record: its BibTeX's venue (the full proceedings or journal name,
 * publisher, pages) when it could be read, with DBLP's short name and the hit's details.
 */
export function venueFromDblp(hit: DblpHit, fromBibtex: Venue | undefined): Venue {
  const kind = /workshop/i.test(hit.venue) ? 'workshop' : hit.type === 'Journal Articles' ? 'journal' : hit.type === 'Conference and Workshop Papers' ? 'conference' : 'other';
  const venue: Venue = { ...(fromBibtex ?? { name: hit.venue, kind }), source: 'dblp', dblpKey: hit.key };
  if (hit.venue && hit.venue.length <= 100) venue.short = hit.venue;
  if (venue.year === undefined && hit.year && hit.year >= 1900 && hit.year <= 2999) venue.year = hit.year;
  for (const field of ['volume', 'number', 'doi'] as const) if (venue[field] === undefined && hit[field]) venue[field] = hit[field]!.slice(0, 100);
  if (venue.pages === undefined && hit.pages) venue.pages = hit.pages.replace(/-+/g, '–').slice(0, 100);
  if (venue.url === undefined && hit.ee && /^https?:\/\//.test(hit.ee)) venue.url = hit.ee;
  return venue;
}
