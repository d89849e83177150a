import { dateFromId } from './dates';
import type { CodeLinks, Paper, PaperMetadata, PaperUpdate, SeenPaper, Venue } from './schema';
import { normalizeTags } from './tags';
import { absUrl, paperIdFor, pdfUrl } from './urls';
import { mergeCode, mergeVenue, venueFromJournalRef } from './venue';

/**
 * The one place where two versions of a paper become one record: what a page showed and what
 * an API answered (`completePaper`), a save or a lookup folded into the stored record
 * (`mergePaper`), and an imported record folded into the stored one (`mergeImported`,
 * `planMerge`). All pure. What the user typed (tags, notes, reading status) is never replaced by
 * what a page or a file says.
 */

// ---------------------------------------------------------------------------------------------
// A page and an API answer → one record

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

/** Whether a stored record still lacks what arXiv can add: its essentials, exact dates, or categories (a save from Hugging Face). */
export function owesCompletion(paper: Pick<Paper, 'incomplete' | 'categories'>): boolean {
  return Boolean(paper.incomplete) || !paper.categories.length;
}

/** What a stored record says about the paper, as a page would show it. */
export function recordAsSeen(paper: Paper): SeenPaper {
  const { arxivId, version, title, authors, abstract, published, updated, categories, doi, journalRef, withdrawn } = paper;
  return { arxivId, version, title, authors, abstract, published, updated, categories, ...(doi ? { doi } : {}), ...(journalRef ? { journalRef } : {}), ...(withdrawn ? { withdrawn } : {}) };
}

export type Completed = { ok: true; paper: PaperMetadata } | { ok: false };

/**
 * Folds what the page showed and what arXiv or Hugging Face answered into one record.
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
    url: absUrl(merged.arxivId),
    pdfUrl: pdfUrl(merged.arxivId),
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

// ---------------------------------------------------------------------------------------------
// Two descriptions of a paper → the finer one, field by field

/**
 * Which of two descriptions of a paper says more: a complete one over an incomplete one (exact
 * dates, the abstract, every author), then the newer version; on a tie, `ties` decides (a page
 * just saved refreshes the record; an imported copy does not).
 */
function otherIsFiner(stored: PaperMetadata, other: PaperMetadata, ties: 'other' | 'stored'): boolean {
  if (Boolean(stored.incomplete) !== Boolean(other.incomplete)) return !other.incomplete;
  if (other.version !== stored.version) return other.version > stored.version;
  return ties === 'other';
}

/**
 * The paper's metadata from two descriptions, never coarser than either: the finer one's fields,
 * with what it lacks (authors, abstract, categories, DOI, journal reference) taken from the
 * other; the first publication date (the earlier of two exact ones; an exact one over an
 * approximate one; with two approximate ones, the first kept); the version the fields belong to
 * (with two incomplete descriptions, the higher: neither is sure). Withdrawal belongs to a
 * version: a later version says for itself, the same one keeps it.
 */
export function mergeMetadata(stored: PaperMetadata, other: PaperMetadata, ties: 'other' | 'stored'): PaperMetadata {
  const finer = otherIsFiner(stored, other, ties);
  const [base, extra] = finer ? [other, stored] : [stored, other];
  const bothIncomplete = Boolean(stored.incomplete && other.incomplete);
  const { incomplete: _i, withdrawn: _w, doi: _d, journalRef: _j, venue: _v, code: _c, checkedAt: _k, ...fields } = base;
  const merged: PaperMetadata = {
    ...fields,
    version: bothIncomplete ? Math.max(stored.version, other.version) : base.version,
    authors: base.authors.length ? base.authors : extra.authors,
    abstract: base.abstract || extra.abstract,
    categories: base.categories.length ? base.categories : extra.categories,
    published:
      bothIncomplete || other.incomplete ? stored.published : stored.incomplete || other.published < stored.published ? other.published : stored.published,
  };
  const doi = base.doi ?? extra.doi;
  if (doi) merged.doi = doi;
  const journalRef = base.journalRef ?? extra.journalRef;
  if (journalRef) merged.journalRef = journalRef;
  // Where it was published: the finer answer, the user's over any; arXiv's journal reference
  // (of the version kept) only where nothing finer is known.
  const venue = mergeVenue(mergeVenue(stored.venue, other.venue, ties), venueFromJournalRef(journalRef));
  if (venue) merged.venue = venue;
  const code = mergeCode(stored.code, other.code, ties);
  if (code) merged.code = code;
  const checkedAt = Math.max(stored.checkedAt ?? 0, other.checkedAt ?? 0);
  if (checkedAt) merged.checkedAt = checkedAt;
  if (base.withdrawn || (extra.withdrawn && extra.version === base.version)) merged.withdrawn = true;
  if (bothIncomplete) merged.incomplete = true;
  return merged;
}

function metadataOf(paper: Paper): PaperMetadata {
  const { id: _i, sources: _s, tags: _t, notes: _n, readingStatus: _r, savedAt: _a, updatedAt: _u, ...metadata } = paper;
  return metadata;
}

/** A record: its metadata, and the user's fields of `user`. */
function withUserFields(metadata: PaperMetadata, user: Paper, changes: Partial<Paper>): Paper {
  const record: Paper = {
    id: user.id,
    ...metadata,
    sources: user.sources,
    tags: user.tags,
    notes: user.notes,
    savedAt: user.savedAt,
    updatedAt: user.updatedAt,
    ...changes,
  };
  const status = changes.readingStatus ?? user.readingStatus;
  if (status) record.readingStatus = status;
  return record;
}

// ---------------------------------------------------------------------------------------------
// A save or a lookup → the stored record

/**
 * Folds a paper's metadata (from a page or an API) into the stored record. One record per
 * paper: sources are united; metadata at least as fine as the stored record's refreshes it
 * (`mergeMetadata`, a tie going to the page); the user's tags, notes, reading status and first
 * save time are never touched. `source` is where the user saved it from, if anywhere.
 */
export function mergePaper(existing: Paper | undefined, update: PaperUpdate, now: number): Paper {
  const { source, ...metadata } = update;
  if (!existing) {
    const venue = metadata.venue ?? venueFromJournalRef(metadata.journalRef);
    return {
      id: paperIdFor(metadata.arxivId),
      ...metadata,
      ...(venue ? { venue } : {}),
      sources: source ? [source] : [],
      tags: [],
      notes: '',
      savedAt: now,
      updatedAt: now,
    };
  }
  const sources = !source || existing.sources.includes(source) ? existing.sources : [...existing.sources, source];
  return withUserFields(mergeMetadata(metadataOf(existing), metadata, 'other'), existing, { sources, updatedAt: now });
}

// ---------------------------------------------------------------------------------------------
// A lookup of where it was published → the stored record

/**
 * What the venue and code lookups found, folded into the stored record (`mergeVenue`,
 * `mergeCode`: the finer answer, the user's over any; nothing found removes nothing), and when
 * it was checked. The record counts as changed (`updatedAt`) only when its venue or code did.
 */
export function withPublication(paper: Paper, found: { venue?: Venue; code?: CodeLinks }, now: number): Paper {
  const record: Paper = { ...paper, checkedAt: now };
  const venue = mergeVenue(paper.venue, found.venue);
  const code = mergeCode(paper.code, found.code);
  if (venue) record.venue = venue;
  if (code) record.code = code;
  if (JSON.stringify([venue, code]) !== JSON.stringify([paper.venue, paper.code])) record.updatedAt = now;
  return record;
}

/**
 * Whether a paper's venue is settled: known from a source that looked it up (or the user's
 * word). One known only from arXiv's journal reference, or none, is looked up again weekly.
 */
export function venueSettled(paper: Pick<Paper, 'venue'>): boolean {
  return paper.venue !== undefined && paper.venue.source !== 'arxiv';
}

// ---------------------------------------------------------------------------------------------
// Imported records (a file, an Undo) → the stored records

/** What bringing records in will do, worked out before anything is written. */
export interface MergePlan {
  /** Papers not in the library, stored exactly as they came. */
  additions: Paper[];
  /** Papers already in the library, as they will be after the merge. */
  updates: Paper[];
  /** Per update, which fields it changes: what the preview says. */
  changes: { id: string; title: string; fields: (keyof Paper)[] }[];
  /** Papers it would not change. */
  unchanged: number;
}

/**
 * An imported record folded into the stored one, never making it worse: its metadata only where
 * it is finer (`mergeMetadata`, a tie going to what is stored); tags united; existing notes kept
 * and different imported notes appended below them; a set reading status kept (an imported one
 * fills an empty one); the earlier first-save time.
 */
export function mergeImported(existing: Paper, incoming: Paper, now: number): Paper {
  const notes = alreadyIn(existing.notes, incoming.notes)
    ? existing.notes
    : existing.notes.trim()
      ? `${existing.notes}\n\n${incoming.notes}`
      : incoming.notes;
  const status = existing.readingStatus ?? incoming.readingStatus;
  return withUserFields(mergeMetadata(metadataOf(existing), metadataOf(incoming), 'stored'), existing, {
    sources: [...new Set([...existing.sources, ...incoming.sources])],
    tags: normalizeTags([...existing.tags, ...incoming.tags]),
    notes,
    ...(status ? { readingStatus: status } : {}),
    savedAt: Math.min(existing.savedAt, incoming.savedAt),
    updatedAt: now,
  });
}

/** Whether imported notes are already in the stored ones: the whole text, or one of its paragraphs. */
function alreadyIn(existing: string, imported: string): boolean {
  const text = imported.trim();
  if (!text) return true;
  const paragraphs = (t: string) => t.split(/\n\s*\n/).map((p) => p.trim());
  const have = paragraphs(existing);
  return existing.trim() === text || paragraphs(text).every((p) => have.includes(p));
}

/** The fields in which two records differ, ignoring when they were last changed. */
export function changedFields(a: Paper, b: Paper): (keyof Paper)[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Paper)[]);
  return [...keys].filter((k) => k !== 'updatedAt' && JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/** Whether two records hold the same data, ignoring when they were last changed. */
export function sameRecord(a: Paper, b: Paper): boolean {
  return changedFields(a, b).length === 0;
}

/** The plan for bringing records in, given the stored papers with their ids. */
export function planMerge(records: readonly Paper[], existing: ReadonlyMap<string, Paper>, now = Date.now()): MergePlan {
  const incoming = new Map<string, Paper>();
  // The same paper twice: folded as if brought in one after the other.
  for (const record of records) {
    const earlier = incoming.get(record.id);
    incoming.set(record.id, earlier ? mergeImported(earlier, record, now) : record);
  }
  const additions: Paper[] = [];
  const updates: Paper[] = [];
  const changes: MergePlan['changes'] = [];
  let unchanged = 0;
  for (const record of incoming.values()) {
    const stored = existing.get(record.id);
    if (!stored) {
      additions.push(record);
      continue;
    }
    const merged = mergeImported(stored, record, now);
    const fields = changedFields(stored, merged);
    if (!fields.length) unchanged++;
    else {
      updates.push(merged);
      changes.push({ id: merged.id, title: merged.title, fields });
    }
  }
  return { additions, updates, changes, unchanged };
}
