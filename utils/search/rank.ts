import Fuse, { type Expression, type IFuseOptions } from 'fuse.js';
import type { Paper } from '../paper';
import type { ParsedQuery } from './query';

/** Field weights for Fuse.js: title > authors > tags > abstract > notes. */
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

/**
 * Orders the candidates the word index chose with Fuse.js: each query word must fuzzily match
 * some field (author filters: the authors) with the field weights deciding; Fuse's score and the
 * word index's (which counts every field a word is in, and how rare the word is) weigh equally;
 * then the more recent save. Candidates Fuse does not match (its typo rules
 * are stricter than the index's for long words and compounds) follow in the index's order.
 */
export function rankCandidates(candidates: readonly Paper[], coarse: readonly number[], q: ParsedQuery): Paper[] {
  const words = q.words.filter((w) => w.length > 1);
  if (!words.length && !q.authors.length) return [...candidates];
  const expression: Expression = {
    $and: [
      ...words.map((word) => ({ $or: SEARCH_KEYS.map(({ name }) => ({ [name]: word })) })),
      ...q.authors.map((word) => ({ authors: word })),
    ],
  };
  const maxCoarse = Math.max(1e-9, ...coarse);
  const fuse = new Fuse(candidates, FUSE_OPTIONS);
  const ranked = fuse
    .search(expression)
    .map((r) => ({
      paper: r.item,
      key: (r.score ?? 1) - 1 * (coarse[r.refIndex]! / maxCoarse),
    }))
    .sort((a, b) => a.key - b.key || b.paper.savedAt - a.paper.savedAt)
    .map((r) => r.paper);
  const seen = new Set(ranked);
  return [...ranked, ...candidates.filter((p) => !seen.has(p))];
}
