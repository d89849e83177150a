import type { Repository } from '../db/repository';
import type { Paper } from '../paper';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './query';
import { rankCandidates } from './rank';
import { queryWords } from './text';
import { WordIndex, type IndexSnapshot } from './word-index';

/** How many of the word index's best matches Fuse.js ranks. */
export const CANDIDATES = 50;
/** Changes kept in the overlay before a new snapshot is written. */
const COMPACT_AFTER = 200;
/** Most matches checked for a quoted phrase. */
const PHRASE_CHECK_LIMIT = 2000;
const RECORD_CACHE = 5000;

export interface SearchResult {
  text: string;
  query: ParsedQuery;
  /** All matching paper ids, best first. */
  ids: string[];
  /** Vocabulary words the query matched, for highlighting. */
  terms: ReadonlySet<string>;
  /** No paper had every word; these miss one. */
  relaxed: boolean;
}

/** What the engine needs of the library: the repository, or an in-memory stand-in in tests. */
export type SearchStore = Pick<
  Repository,
  'loadSearchState' | 'searchChangesSince' | 'snapshotLibrary' | 'saveSearchSnapshot' | 'getPapers'
>;

/**
 * The library's search: the persisted word index, brought up to date with the change log when
 * opened (and rebuilt when a cheap check shows the library changed without it), choosing what
 * Fuse.js ranks. Runs in any extension context that can open IndexedDB (popup, library page,
 * background for the omnibox).
 */
export class SearchEngine {
  private readonly records = new Map<string, Paper>();

  private constructor(
    private readonly repo: SearchStore,
    private index: WordIndex,
    private appliedSeq: number,
    private readonly persist: boolean,
  ) {}

  /** Loads the index; `persist: false` never writes (benchmarks, tests of read paths). */
  static async open(repo: SearchStore, { persist = true } = {}): Promise<SearchEngine> {
    const engine = new SearchEngine(repo, WordIndex.empty(), 0, persist);
    await engine.load();
    return engine;
  }

  get size(): number {
    return this.index.size;
  }

  private async load(): Promise<void> {
    const state = await this.repo.loadSearchState();
    let index: WordIndex | null = null;
    if (state.snapshot) {
      try {
        index = WordIndex.fromSnapshot(state.snapshot);
      } catch (error) {
        console.warn('[paperdex:search] rebuilding an unreadable search index', error);
      }
    }
    this.index = index ?? WordIndex.empty();
    this.appliedSeq = state.deltaSeq;
    this.records.clear();
    await this.apply(state.log);
    const stale = !index || this.index.size !== state.paperCount || this.index.maxUpdatedAt !== state.maxUpdatedAt;
    if (stale && (state.paperCount > 0 || this.index.size > 0)) {
      await this.rebuild();
    } else if (this.index.pending > COMPACT_AFTER) {
      this.saveSnapshot(this.index.toSnapshot());
    }
  }

  /** Builds the index from the whole library (first run, after an upgrade or an outside write). */
  async rebuild(): Promise<void> {
    const { papers, seq } = await this.repo.snapshotLibrary();
    const building = WordIndex.empty();
    for (const paper of papers) building.upsert(paper);
    const snapshot = building.toSnapshot();
    this.index = WordIndex.fromSnapshot(snapshot);
    this.appliedSeq = seq;
    this.records.clear();
    this.saveSnapshot(snapshot);
  }

  private saveSnapshot(snapshot: IndexSnapshot): void {
    if (!this.persist) return;
    const seq = this.appliedSeq;
    this.repo
      .saveSearchSnapshot(snapshot, seq)
      .catch((error: unknown) => console.warn('[paperdex:search] could not store the search index', error));
  }

  private async apply(log: readonly { seq: number; id: string }[]): Promise<boolean> {
    if (!log.length) return false;
    const ids = [...new Set(log.map((e) => e.id))];
    const papers = await this.repo.getPapers(ids);
    ids.forEach((id, i) => {
      const paper = papers[i];
      this.records.delete(id);
      if (paper) this.index.upsert(paper);
      else this.index.remove(id);
    });
    this.appliedSeq = Math.max(this.appliedSeq, ...log.map((e) => e.seq));
    return true;
  }

  /** Takes in library changes made since the last look; true when there were any. */
  async refresh(): Promise<boolean> {
    const { log, snapshotSeq } = await this.repo.searchChangesSince(this.appliedSeq);
    if (snapshotSeq > this.appliedSeq) {
      // Another context stored a newer snapshot and forgot changes we had not seen: reload.
      await this.load();
      return true;
    }
    const changed = await this.apply(log);
    if (changed && this.index.pending > COMPACT_AFTER) this.saveSnapshot(this.index.toSnapshot());
    return changed;
  }

  /** Papers by id, in order, from a cache kept in step with the change log. */
  async papers(ids: readonly string[]): Promise<Paper[]> {
    const missing = ids.filter((id) => !this.records.has(id));
    if (missing.length) {
      const found = await this.repo.getPapers(missing);
      if (this.records.size + found.length > RECORD_CACHE) this.records.clear();
      found.forEach((paper) => paper && this.records.set(paper.id, paper));
    }
    return ids.map((id) => this.records.get(id)).filter((p): p is Paper => p !== undefined);
  }

  async search(text: string): Promise<SearchResult> {
    const query = parseQuery(text);
    const match = this.index.match(query);
    let ids = match.ids;
    if (isEmptyQuery(query) || (!query.words.length && !query.authors.length)) {
      return { text, query, ids, terms: match.terms, relaxed: false };
    }
    if (query.phrases.length) ids = await this.withPhrases(ids, query.phrases);
    const top = await this.papers(ids.slice(0, CANDIDATES));
    const scoreOf = new Map<string, number>();
    const scored = Math.min(match.ids.length, query.phrases.length ? PHRASE_CHECK_LIMIT : CANDIDATES);
    for (let i = 0; i < scored; i++) scoreOf.set(match.ids[i]!, match.scores[i]!);
    const coarse = top.map((p) => scoreOf.get(p.id) ?? 0);
    let rankedPapers = rankCandidates(top, coarse, query);
    if (query.phrases.length) {
      // A phrase in the title beats the same phrase in the abstract.
      const weight = (p: Paper) => Math.min(...query.phrases.map((phrase) => phraseWeight(p, phrase)));
      rankedPapers = rankedPapers.map((p) => ({ p, w: weight(p) })).sort((a, b) => b.w - a.w).map(({ p }) => p);
    }
    const ranked = rankedPapers.map((p) => p.id);
    const rankedSet = new Set(ranked);
    const rest = ids.slice(CANDIDATES).filter((id) => !rankedSet.has(id));
    return { text, query, ids: [...ranked, ...rest], terms: match.terms, relaxed: match.relaxed };
  }

  private async withPhrases(ids: string[], phrases: string[][]): Promise<string[]> {
    const checked = await this.papers(ids.slice(0, PHRASE_CHECK_LIMIT));
    return checked.filter((paper) => phrases.every((phrase) => containsPhrase(paper, phrase))).map((p) => p.id);
  }
}

/** Fields in the order of their search weight (title first, notes last). */
function fieldsOf(paper: Paper): string[] {
  return [paper.title, paper.authors.join(', '), paper.tags.join(', '), paper.abstract, paper.notes];
}

/** How strongly a field holds the phrase: 5 for the title … 1 for the notes, 0 for nowhere. */
function phraseWeight(paper: Paper, phrase: string[]): number {
  const needle = ` ${phrase.join(' ')} `;
  const fields = fieldsOf(paper);
  const at = fields.findIndex((field) => ` ${queryWords(field).join(' ')} `.includes(needle));
  return at < 0 ? 0 : fields.length - at;
}

function containsPhrase(paper: Paper, phrase: string[]): boolean {
  return phraseWeight(paper, phrase) > 0;
}
