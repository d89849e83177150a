import { surname } from './names';
import type { CodeLinks, Venue } from './schema';
import { VENUE_KIND_LABELS, type VenueKind, type VenueSource } from './vocabulary';
import { collapseWhitespace } from './text';

/**
 * Where a paper was published, and its code: how two answers become one (the finer wins, the
 * user's word over any lookup), how arXiv's free-text journal reference reads as a venue, how a
 * venue is named on a badge and searched with `venue:`, and when a title found elsewhere is
 * this paper's. Pure; no schema library (the popup's rows use the label).
 */

/** Coarsest first: a later source knows more (DBLP's record over Semantic Scholar's name). */
const RANK: Record<VenueSource, number> = { arxiv: 0, import: 1, semanticscholar: 2, dblp: 3, user: 4 };

const DETAIL_FIELDS = ['short', 'year', 'volume', 'number', 'pages', 'publisher', 'doi', 'url', 'dblpKey'] as const;

/**
 * Two answers about a paper's venue → one, never coarser: the answer of the finer source (the
 * user's always; between answers of the same source, `other` — the newer — unless `ties` says
 * the stored one stays, as for an import), with the details it lacks taken from the other when
 * both name the same year; a name that is only the short form takes the other's full name. A
 * lookup that found nothing (`undefined`) removes nothing.
 */
export function mergeVenue(stored: Venue | undefined, other: Venue | undefined, ties: 'other' | 'stored' = 'other'): Venue | undefined {
  if (!stored || !other) return stored ?? other;
  const otherWins = RANK[other.source] > RANK[stored.source] || (RANK[other.source] === RANK[stored.source] && ties === 'other');
  const [base, extra] = otherWins ? [other, stored] : [stored, other];
  // The user's own venue is taken as written: nothing from a lookup slips into it.
  if (base.source === 'user' || (base.year && extra.year && base.year !== extra.year)) return base;
  const merged: Venue = { ...base };
  for (const field of DETAIL_FIELDS) if (merged[field] === undefined && extra[field] !== undefined) (merged as Record<string, unknown>)[field] = extra[field];
  // DBLP's record read without its BibTeX knows only the short name: the full one stays.
  if (base.short !== undefined && base.name === base.short && extra.name !== base.name && extra.kind === base.kind) merged.name = extra.name;
  return merged;
}

/** The same for code links: the user's over Hugging Face's; links one lacks from the other. */
export function mergeCode(stored: CodeLinks | undefined, other: CodeLinks | undefined, ties: 'other' | 'stored' = 'other'): CodeLinks | undefined {
  if (!stored || !other) return stored ?? other;
  const order = ['import', 'huggingface', 'user'];
  const [rankOther, rankStored] = [order.indexOf(other.source), order.indexOf(stored.source)];
  const [base, extra] = rankOther > rankStored || (rankOther === rankStored && ties === 'other') ? [other, stored] : [stored, other];
  if (base.source === 'user') return base;
  return { ...base, repo: base.repo ?? extra.repo, projectPage: base.projectPage ?? extra.projectPage };
}

// ---------------------------------------------------------------------------------------------
// arXiv's journal reference

const YEAR = /\b(19[5-9]\d|20\d\d)\b/g;
/** An acronym as people write venues: ICLR, NeurIPS, CVPR, ACL, EMNLP, AAAI, Phys. Rev. aside. */
const ACRONYM = /\b([A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{3,})(?:[-'’ ]?(?:19|20)?\d\d)?\b/;
const PARENTHESISED = /\(([A-Z][A-Za-z]*[A-Z][A-Za-z]*)(?:[ '’-]?(?:19|20)?\d\d)?\)/;
/** What authors write before the venue: "Published in", "Accepted at", "To appear in". */
const LEAD_IN = /^(?:(?:published|accepted|appeared|appearing|presented|to appear|camera[- ]ready|final version)\s+)?(?:(?:at|in|to|by|for|as)\s+)?(?:the\s+)?/i;
const WORKSHOP = /\bworkshops?\b/i;
const CONFERENCE = /\b(conference|proceedings|symposium|congress|meeting|colloquium)\b|\bproc\./i;
const JOURNAL = /\b(journal|transactions|letters|review|annals|volume)\b|\b(trans|lett|rev|ann|vol|j)\.|\d+\s*\(\d{1,4}\)|\d+:\d+/i;
/** "Submitted to", "under review": not published yet. */
const NOT_YET = /\b(submitted|under review|in review|preprint|accepted for review)\b/i;
const KNOWN_CONFERENCES = /\b(NeurIPS|NIPS|ICLR|ICML|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|SIGIR|WWW|AISTATS|UAI|COLT|CoRL|ICRA|IROS|RSS|MICCAI|INTERSPEECH|ICASSP|WACV|BMVC|COLING|CHI|UIST|SIGGRAPH|TACL)\b/;

/**
 * A venue from arXiv's journal reference ("NeurIPS 2023", "Phys. Rev. Lett. 120, 123 (2018)",
 * "Accepted at ICLR 2024"): its text as the name, the last year in it, the acronym it names,
 * and what kind of venue the words say. Undefined when it only says the paper is submitted.
 */
export function venueFromJournalRef(journalRef: string | undefined): Venue | undefined {
  const name = journalRef && collapseWhitespace(journalRef);
  if (!name || NOT_YET.test(name)) return undefined;
  const years = [...name.matchAll(YEAR)].map((m) => Number(m[1]));
  const known = KNOWN_CONFERENCES.exec(name)?.[1];
  // A known conference's name decides; else a journal's marks (a volume, "J.", "Rev.") come
  // before "Proceedings" ("Proc. Natl. Acad. Sci. 117, 1 (2020)" is a journal).
  const kind: VenueKind = WORKSHOP.test(name) ? 'workshop' : known ? 'conference' : JOURNAL.test(name) ? 'journal' : CONFERENCE.test(name) ? 'conference' : 'other';
  const venue: Venue = { name: name.slice(0, 1000), kind, source: 'arxiv' };
  // The acronym the reference names: a known conference, one in parentheses ("Transactions on
  // Machine Learning Research (TMLR)"), or a capitalised word of a conference's.
  const short = known ?? PARENTHESISED.exec(name)?.[1] ?? (kind !== 'journal' ? ACRONYM.exec(name.replace(LEAD_IN, ''))?.[1] : undefined);
  if (short) venue.short = short;
  if (years.length) venue.year = years[years.length - 1];
  return venue;
}

// ---------------------------------------------------------------------------------------------
// Naming and searching

/** What a badge says: "NeurIPS 2024", "J. Mach. Learn. Res. 2016", a long name shortened. */
export function venueLabel(venue: Pick<Venue, 'name' | 'short' | 'year'>): string {
  let name = venue.short ?? (venue.name.replace(LEAD_IN, '') || venue.name);
  // A journal reference carries its own year; a long name is cut at a word.
  name = collapseWhitespace(name.replace(YEAR, '').replace(/\(\s*\)/g, '').replace(/[\s,:;(]+$/, '')) || name;
  if (name.length > 28) name = `${name.slice(0, 27).replace(/\s+\S*$/, '')}…`;
  return venue.year ? `${name} ${venue.year}` : name;
}

/** What a venue badge says on hover: "Published (conference): Advances in Neural …". */
export function venueTitle(venue: Pick<Venue, 'name' | 'kind'>): string {
  return `Published (${VENUE_KIND_LABELS[venue.kind].toLowerCase()}): ${venue.name}`;
}

/** Venues known under two names: `venue:nips` finds NeurIPS papers and the other way round. */
const ALIASES: Record<string, string[]> = { nips: ['neurips'], neurips: ['nips'], jmlr: ['jmachlearnres'] };
const LOWER_WORDS = new Set(['of', 'on', 'in', 'and', 'for', 'the', 'at', 'to', 'a', 'an']);

/** Lower case without accents, as search folds words. */
const foldWord = (word: string) => word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * The words `venue:` matches for a venue: every word of its short and full names, the short
 * name's letters joined ("J. Mach. Learn. Res." → "jmachlearnres"), the initials of the full
 * name ("Journal of Machine Learning Research" → "jmlr"), and known other names.
 */
export function venueWords(venue: Pick<Venue, 'name' | 'short'>): string[] {
  const words = new Set<string>();
  for (const text of [venue.short, venue.name]) {
    if (!text) continue;
    const parts = (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(foldWord);
    for (const part of parts) if (!/^\d+$/.test(part)) words.add(part);
    if (parts.length > 1 && text === venue.short) words.add(parts.join(''));
    const initials = parts.filter((p) => !LOWER_WORDS.has(p) && !/^\d/.test(p)).map((p) => p[0]).join('');
    if (initials.length >= 3) words.add(initials);
  }
  for (const word of [...words]) for (const alias of ALIASES[word] ?? []) words.add(alias);
  return [...words];
}

// ---------------------------------------------------------------------------------------------
// Is a record found elsewhere this paper?

/** A title as it compares: folded, TeX and punctuation gone, one space ("Attention is All you Need." = "Attention Is All You Need"). */
export function comparableTitle(title: string): string {
  return foldWord(title)
    .replace(/\\[a-z]+\s*/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Family names, folded, for comparing author lists written differently ("Y. LeCun" and "Yann LeCun"). */
function families(authors: readonly string[]): string[] {
  return authors.map((a) => comparableTitle(surname(a.replace(/\s+\d{4}$/, '')))).filter(Boolean);
}

/**
 * Whether a record found by title elsewhere (DBLP) is this paper: the same title word for
 * word, at least half of the shorter author list shared (DBLP writes "Ganin, Y." as "Yaroslav
 * Ganin"; numbers it adds to homonyms, "Wei Wang 0001", are dropped), and a year no earlier
 * than the year before arXiv's first version. Same-titled papers by other people, or from
 * years before, are never taken.
 */
export function isSamePaper(
  paper: { title: string; authors: readonly string[]; published: string },
  found: { title: string; authors: readonly string[]; year?: number },
): boolean {
  if (comparableTitle(paper.title) !== comparableTitle(found.title)) return false;
  const year = Number(paper.published.slice(0, 4));
  if (found.year !== undefined && found.year < year - 1) return false;
  const mine = families(paper.authors);
  const theirs = new Set(families(found.authors));
  if (!mine.length || !theirs.size) return false;
  const shared = mine.filter((f) => theirs.has(f)).length;
  return shared * 2 >= Math.min(mine.length, theirs.size) && shared > 0;
}
