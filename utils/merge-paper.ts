import { paperIdFor, type Paper, type PaperInput } from './paper';

/**
 * Folds what a page showed into the stored record (pure). One record per paper: sources are
 * united; a version at least as new as the stored one refreshes the metadata (fields the page
 * did not show are kept); the user's tags, notes and first save time are never touched.
 */
export function mergePaper(existing: Paper | undefined, input: PaperInput, now: number): Paper {
  const { source, ...metadata } = input;
  if (!existing) {
    return {
      id: paperIdFor(metadata.arxivId),
      ...metadata,
      sources: [source],
      tags: [],
      notes: '',
      savedAt: now,
      updatedAt: now,
    };
  }
  const sources = existing.sources.includes(source) ? existing.sources : [...existing.sources, source];
  if (metadata.version < existing.version) return { ...existing, sources, updatedAt: now };
  return {
    ...existing,
    ...metadata,
    authors: metadata.authors.length ? metadata.authors : existing.authors,
    abstract: metadata.abstract || existing.abstract,
    categories: metadata.categories.length ? metadata.categories : existing.categories,
    doi: metadata.doi ?? existing.doi,
    published: existing.published < metadata.published ? existing.published : metadata.published,
    sources,
    updatedAt: now,
  };
}
