import type { Venue } from '../paper/schema';
import { S2_HOST } from './hosts';
import type { VenueKind } from '../paper/vocabulary';
import { collapseWhitespace } from '../paper/text';

/**
 * Semantic Scholar's Graph API, asked by arXiv id (never by title): where a paper was
 * published, its DOI and its DBLP key. Pure: building the request, reading the answer.
 * https://api.semanticscholar.org/api-docs/graph#tag/Paper-Data/operation/post_graph_get_papers
 */

/** Ids per batch request: the API takes up to 500; a pass of the job queue holds fewer. */
export const S2_BATCH = 100;
const FIELDS = 'title,venue,publicationVenue,year,journal,externalIds,publicationTypes,publicationDate';

export function s2BatchRequest(arxivIds: readonly string[]): { url: string; body: string } {
  return { url: `https://${S2_HOST}/graph/v1/paper/batch?fields=${FIELDS}`, body: JSON.stringify({ ids: arxivIds.map((id) => `ARXIV:${id}`) }) };
}

/** What Semantic Scholar knows about one paper. */
export interface S2Finding {
  /** Where it was published; undefined for a preprint (venue "arXiv.org", none). */
  venue?: Venue;
  /** DBLP's record of the published paper (never a CoRR one). */
  dblpKey?: string;
}

/** Venue names that are preprint servers, not venues. */
const PREPRINT = /^(arxiv(\.org)?|corr|biorxiv|medrxiv|ssrn|chemrxiv|research square|techrxiv|openreview\.net)$/i;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? collapseWhitespace(v) : undefined);
const record = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** The name people use: the first alternate name that is one word with two capitals ("NeurIPS", "ICLR"). */
function acronym(names: unknown): string | undefined {
  if (!Array.isArray(names)) return undefined;
  return names.map(text).find((n): n is string => Boolean(n && n.length <= 12 && /^[A-Za-z][A-Za-z0-9-]*$/.test(n) && (n.match(/[A-Z]/g) ?? []).length >= 2));
}

function kindOf(venueType: string | undefined, types: unknown, name: string): VenueKind {
  if (/\bworkshops?\b/i.test(name)) return 'workshop';
  if (venueType === 'conference' || venueType === 'journal') return venueType;
  const list = Array.isArray(types) ? types : [];
  if (list.includes('Conference')) return 'conference';
  if (list.includes('JournalArticle')) return 'journal';
  return 'other';
}

/** One paper of a batch answer; undefined when it is not this paper or not readable. */
function readS2Paper(value: unknown, arxivId: string): S2Finding | undefined {
  const paper = record(value);
  const ids = record(paper?.externalIds);
  if (!paper || text(ids?.ArXiv) !== arxivId) return undefined;
  const finding: S2Finding = {};
  const dblp = text(ids?.DBLP);
  if (dblp && !dblp.startsWith('journals/corr/')) finding.dblpKey = dblp;
  const place = record(paper.publicationVenue);
  const journal = record(paper.journal);
  const journalName = text(journal?.name);
  const name = text(place?.name) ?? text(paper.venue) ?? journalName;
  if (!name || PREPRINT.test(name)) return finding;
  const venue: Venue = { name, kind: kindOf(text(place?.type), paper.publicationTypes, name), source: 'semanticscholar' };
  const short = acronym(place?.alternate_names);
  if (short) venue.short = short;
  const year = Number(paper.year);
  if (Number.isInteger(year) && year >= 1900 && year <= 2999) venue.year = year;
  // A journal entry of a preprint ("ArXiv", "abs/2306.06955") says nothing of the venue.
  if (!journalName || !PREPRINT.test(journalName)) {
    const volume = text(journal?.volume);
    const pages = text(journal?.pages);
    if (volume) venue.volume = volume.slice(0, 100);
    if (pages) venue.pages = pages.replace(/\s*-+\s*/g, '–').slice(0, 100);
  }
  const doi = text(ids?.DOI);
  if (doi && !/^10\.48550\//i.test(doi)) {
    venue.doi = doi;
    venue.url = `https://doi.org/${doi}`;
  }
  finding.venue = venue;
  return finding;
}

/**
 * A batch answer: one entry per id asked, in order, `null` for a paper Semantic Scholar does
 * not know. Throws when the answer is not such a list (the caller says Semantic Scholar sent
 * something unreadable).
 */
export function readS2Batch(json: unknown, arxivIds: readonly string[]): Map<string, S2Finding | null> {
  if (!Array.isArray(json) || json.length !== arxivIds.length) throw new Error('Semantic Scholar sent an answer Paperdex cannot read');
  return new Map(arxivIds.map((id, i) => [id, readS2Paper(json[i], id) ?? null]));
}
