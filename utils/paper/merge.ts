import { dateFromId } from './dates';
import type { Paper, PaperMetadata, PaperUpdate, SeenPaper } from './schema';
import { absUrl, paperIdFor, pdfUrl } from './urls';

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
// A save or a lookup → the stored record

/**
 * Folds a paper's metadata into the stored record. One record per paper: sources are united;
 * metadata at least as new as the stored version refreshes the record (fields it lacks are
 * kept); an incomplete save never overwrites a complete record; the user's tags, notes and
 * first save time are never touched. `source` is where the user saved it from, if anywhere.
 */
export function mergePaper(existing: Paper | undefined, update: PaperUpdate, now: number): Paper {
  const { source, ...metadata } = update;
  if (!existing) {
    return {
      id: paperIdFor(metadata.arxivId),
      ...metadata,
      sources: source ? [source] : [],
      tags: [],
      notes: '',
      savedAt: now,
      updatedAt: now,
    };
  }
  const sources = !source || existing.sources.includes(source) ? existing.sources : [...existing.sources, source];
  const keep = metadata.incomplete
    ? !existing.incomplete
    : metadata.version < existing.version && !existing.incomplete;
  if (keep) return { ...existing, sources, updatedAt: now };

  const { incomplete: _wasIncomplete, withdrawn: _wasWithdrawn, ...kept } = existing;
  // Two incomplete saves: neither date is sure, so the first stays; the version only grows.
  const bothIncomplete = existing.incomplete && metadata.incomplete;
  const merged: Paper = {
    ...kept,
    ...metadata,
    version: Math.max(metadata.version, bothIncomplete ? existing.version : 0),
    authors: metadata.authors.length ? metadata.authors : existing.authors,
    abstract: metadata.abstract || existing.abstract,
    categories: metadata.categories.length ? metadata.categories : existing.categories,
    published:
      bothIncomplete || (!existing.incomplete && existing.published <= metadata.published)
        ? existing.published
        : metadata.published,
    sources,
    updatedAt: now,
  };
  // Withdrawal belongs to a version: a later version says for itself, the same one keeps it.
  if (metadata.withdrawn || (existing.withdrawn && metadata.version <= existing.version)) merged.withdrawn = true;
  const doi = metadata.doi ?? existing.doi;
  if (doi) merged.doi = doi;
  const journalRef = metadata.journalRef ?? existing.journalRef;
  if (journalRef) merged.journalRef = journalRef;
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Imported records (a file, an Undo) → the stored records

/** What bringing records in will do, worked out before anything is written. */
export interface MergePlan {
  /** Papers not in the library, stored exactly as they came. */
  additions: Paper[];
  /** Papers already in the library, as they will be after the merge. */
  updates: Paper[];
  /** Papers it would not change. */
  unchanged: number;
}

function metadataOf(paper: Paper): PaperMetadata {
  const { id: _i, sources: _s, tags: _t, notes: _n, readingStatus: _r, savedAt: _a, updatedAt: _u, ...metadata } = paper;
  return metadata;
}

/**
 * An imported record folded into the stored one: newer metadata wins (the same rule as
 * saving from a page); tags are united; existing notes stay and different imported notes are
 * appended below them; the earlier first-save time and any reading status are kept.
 */
export function mergeImported(existing: Paper, incoming: Paper, now: number): Paper {
  const merged = mergePaper(existing, metadataOf(incoming), now);
  const notes = alreadyIn(existing.notes, incoming.notes)
    ? existing.notes
    : existing.notes.trim()
      ? `${existing.notes}\n\n${incoming.notes}`
      : incoming.notes;
  const result: Paper = {
    ...merged,
    sources: [...new Set([...existing.sources, ...incoming.sources])],
    tags: [...new Set([...existing.tags, ...incoming.tags])],
    notes,
    savedAt: Math.min(existing.savedAt, incoming.savedAt),
  };
  const status = existing.readingStatus ?? incoming.readingStatus;
  if (status) result.readingStatus = status;
  return result;
}

/** Whether imported notes are already in the stored ones: the whole text, or one of its paragraphs. */
function alreadyIn(existing: string, imported: string): boolean {
  const text = imported.trim();
  if (!text) return true;
  const paragraphs = (t: string) => t.split(/\n\s*\n/).map((p) => p.trim());
  const have = paragraphs(existing);
  return existing.trim() === text || paragraphs(text).every((p) => have.includes(p));
}

/** Whether two records hold the same data, ignoring when they were last changed. */
export function sameRecord(a: Paper, b: Paper): boolean {
  const strip = ({ updatedAt: _u, ...rest }: Paper) => rest;
  return stableJson(strip(a)) === stableJson(strip(b));
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
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
  let unchanged = 0;
  for (const record of incoming.values()) {
    const stored = existing.get(record.id);
    if (!stored) {
      additions.push(record);
      continue;
    }
    const merged = mergeImported(stored, record, now);
    if (sameRecord(merged, stored)) unchanged++;
    else updates.push(merged);
  }
  return { additions, updates, unchanged };
}
