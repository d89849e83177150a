import Fuse, { type Expression, type IFuseOptions } from 'fuse.js';
import type { Paper } from '../paper';

/** Field weights: a word in the title counts most, one in the notes least. */
export const SEARCH_KEYS = [
  { name: 'title', weight: 5 },
  { name: 'authors', weight: 3 },
  { name: 'tags', weight: 2 },
  { name: 'abstract', weight: 1 },
  { name: 'notes', weight: 0.5 },
] as const;

export const FUSE_OPTIONS: IFuseOptions<Paper> = {
  keys: SEARCH_KEYS.map((k) => ({ ...k })),
  includeScore: true,
  // Words may sit anywhere in a long abstract.
  ignoreLocation: true,
  // About one typo in four letters still matches ("netwrok" finds "network").
  threshold: 0.4,
  minMatchCharLength: 2,
};

export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * A searchable view of the library. Every word of the query must match some field (in any
 * order, each typo-tolerant); better matches first, a more recent save first among equals.
 * An empty query lists the library as given (newest first).
 */
export function createPaperSearch(papers: readonly Paper[]) {
  const fuse = new Fuse(papers, FUSE_OPTIONS);
  return {
    search(query: string, limit = 200): Paper[] {
      const words = queryWords(query);
      if (!words.length) return papers.slice(0, limit);
      const expression: Expression = {
        $and: words.map((word) => ({ $or: SEARCH_KEYS.map(({ name }) => ({ [name]: word })) })),
      };
      return fuse
        .search(expression)
        .sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || b.item.savedAt - a.item.savedAt)
        .slice(0, limit)
        .map((r) => r.item);
    },
  };
}
