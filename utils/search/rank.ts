import Fuse, { type Expression, type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { ParsedQuery } from './query';
import { recall, remember } from './kept';
import type { RankText } from './word-index';

/**
 * Field weights for Fuse.js: title > authors > tags > (abstract) > notes. Fuse ranks on the short
 * fields, held in memory by the word index; the abstract's weight (1) is applied by the word
 * index, which has already matched every abstract word (see `Ranker`).
 */
export const SEARCH_KEYS = [
  { name: 'title', weight: 5 },
  { name: 'authors', weight: 3 },
  { name: 'tags', weight: 2 },
  { name: 'notes', weight: 0.5 },
] as const;

export const FUSE_OPTIONS: IFuseOptions<RankText> = {
  keys: SEARCH_KEYS.map((k) => ({ ...k })),
  includeScore: true,
  ignoreLocation: true,
  // About one typo in four letters still matches ("netwrok" finds "network").
  threshold: 0.4,
  minMatchCharLength: 2,
};

type Key = (typeof SEARCH_KEYS)[number]['name'];
const ALL_KEYS: readonly Key[] = SEARCH_KEYS.map((k) => k.name);
/**
 * A word the short fields lack matched in the abstract (every candidate has every word there or
 * in a short field: the word index chose it). In Fuse's product a match in a 200-word abstract
 * counts almost nothing (its exponent is the field's tiny weight × length norm), so it is this.
 */
const ABSTRACT_ONLY = 0.97;
const CACHED_WORDS = 500;
/** Index entries and short fields kept: the candidates of the last few dozen keystrokes. */
const CACHED_RECORDS = 1_000;
/** A paper's entry in Fuse.js's index: its fields' text and length norms. */
type IndexEntry = NonNullable<FuseIndex<RankText>['records'][number]['$']>;
/** Fuse.js's keys, as its index holds them. */
const INDEX_KEYS = Fuse.createIndex(FUSE_OPTIONS.keys!, []).keys;

/**
 * Orders the candidates the word index chose with Fuse.js. Fuse's score for
 * `{ $and: words.map(w => ({ $or: keys })) }` is the product, over the words, of each word's
 * `$or` score; each word's scores are kept per paper, so a keystroke asks Fuse only about the
 * word being typed. Fuse's score and the word index's (every field a word is in, abstract
 * included, and how rare the word is) weigh equally; then the more recent save.
 */
export class Ranker {
  private readonly cache = new Map<string, Map<string, number>>();
  /** Each paper's Fuse.js index entry (its fields' text and length norms), made once. */
  private readonly records = new Map<string, IndexEntry>();
  /** Each candidate's short fields, cut out of the word index once. */
  private readonly texts = new Map<string, RankText>();

  /** Forgets every score, index entry and short field: call when papers changed. */
  clear(): void {
    this.cache.clear();
    this.records.clear();
    this.texts.clear();
  }

  /**
   * A candidate's short fields, kept from an earlier keystroke (the next key's candidates are
   * mostly the same papers) or read with `read`.
   */
  textOf(id: string, read: (id: string) => RankText | undefined): RankText | undefined {
    const kept = recall(this.texts, id);
    if (kept) return kept;
    const text = read(id);
    return text && remember(this.texts, id, text, CACHED_RECORDS);
  }

  rank(candidates: readonly RankText[], coarse: readonly number[], q: ParsedQuery): RankText[] {
    const words: { word: string; keys: readonly Key[] }[] = [
      ...[...q.words, ...q.exact].filter((w) => w.length > 1).map((word) => ({ word, keys: ALL_KEYS })),
      ...q.authors.map((word) => ({ word, keys: ['authors'] as const })),
    ];
    if (!words.length) return [...candidates];
    if (this.cache.size > CACHED_WORDS) this.cache.clear();
    const product = candidates.map(() => 1);
    for (const { word, keys } of words) {
      const scores = this.scores(word, keys, candidates);
      candidates.forEach((paper, i) => {
        product[i] = product[i]! * Math.max(scores.get(paper.id) ?? ABSTRACT_ONLY, Number.EPSILON);
      });
    }
    const maxCoarse = Math.max(1e-9, ...coarse);
    return candidates
      .map((paper, i) => ({ paper, key: product[i]! - coarse[i]! / maxCoarse }))
      .sort((a, b) => a.key - b.key || b.paper.savedAt - a.paper.savedAt)
      .map((r) => r.paper);
  }

  /** Fuse's score of one word in each candidate's short fields (absent where none matches). */
  private scores(word: string, keys: readonly Key[], candidates: readonly RankText[]): Map<string, number> {
    const cacheKey = `${keys.join(',')}\u0000${word}`;
    let scores = this.cache.get(cacheKey);
    if (!scores) this.cache.set(cacheKey, (scores = new Map()));
    const missing = candidates.filter((p) => !scores.has(p.id));
    if (missing.length) {
      for (const p of missing) scores.set(p.id, ABSTRACT_ONLY);
      const expression: Expression = { $or: keys.map((key) => ({ [key]: word })) };
      for (const r of new Fuse(missing, FUSE_OPTIONS, this.index(missing)).search(expression)) scores.set(r.item.id, r.score ?? 0);
    }
    return scores;
  }

  /**
   * Fuse.js's index of these papers from the entries kept for them: a keystroke asks about the
   * word being typed in mostly the same candidates as the key before.
   */
  private index(papers: readonly RankText[]) {
    const entries = papers.map((paper) => recall(this.records, paper.id));
    const unknown = papers.flatMap((_, i) => (entries[i] ? [] : [i]));
    if (unknown.length) {
      // The entries used longest ago make room (emptying the cache rebuilt every candidate's at once).
      const made = Fuse.createIndex(FUSE_OPTIONS.keys!, unknown.map((i) => papers[i]!)).records;
      unknown.forEach((i, k) => (entries[i] = remember(this.records, papers[i]!.id, made[k]!.$!, CACHED_RECORDS)));
    }
    return Fuse.parseIndex<RankText>({ keys: INDEX_KEYS, records: entries.map(($, i) => ({ i, $: $! })) });
  }
}
