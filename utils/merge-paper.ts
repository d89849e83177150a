import { paperIdFor, type Paper, type PaperUpdate } from './paper';

/**
 * Folds a paper's metadata into the stored record (pure). One record per paper: sources are
 * united; metadata at least as new as the stored version refreshes the record (fields it lacks
 * are kept); an incomplete save never overwrites a complete record; the user's tags, notes and
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
