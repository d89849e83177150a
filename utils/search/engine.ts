import type { Repository } from '../db/repository';
import { isSound, timeOf } from '../paper/check';
import { LIST_PAGE } from '../paper/display';
import type { Paper } from '../paper/schema';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './query';
import { Ranker } from './rank';
import { queryWords } from './text';
import { BULK_CHANGE, hiddenEntry, WordIndex, type IndexablePaper, type IndexSnapshot, type PaperSummary, type RankText } from './word-index';

/**
 * How many of the word index's best matches Fuse.js ranks. 20 ranks the half-remembered queries
 * as well as 50 did (top 3: 47 of 48 at 10,000 papers, 45 against 44 at 50,000), and a new
 * prefix's answer takes 1.3 ms instead of 2.2 at p95 (10,000 papers; 2.3 instead of 3.3 at
 * 50,000): Fuse asks about each candidate's short fields anew for every new word typed.
 */
export const CANDIDATES = 20;
/** How many of a quoted phrase's matches are ordered by where the phrase stands (title first). */
const PHRASE_CANDIDATES = 50;
/** Changes kept in the overlay before a new snapshot is written. */
const COMPACT_AFTER = 200;
/** Most matches checked for a quoted phrase. */
const PHRASE_CHECK_LIMIT = 2000;
/** Records kept in memory (about 2.5 KB each): a keystroke whose rows are all here never waits for IndexedDB. */
const RECORD_CACHE = 10_000;
/**
 * Records read per idle moment while the cache is warmed, in one read (about 1 MB): a few
 * milliseconds of the page's thread to take in. Reading is what takes the time: 10,000 records
 * warmed in 5.3 s at 250 a read, 3.7 s at 1,000, and about 10 s at 50 per idle moment read by
 * id (a popup's whole life; measured typing in the popup with the CPU throttled 2×).
 */
export const WARM_CHUNK = 500;
/** Matches a search returns unless asked for another number: more than anyone scrolls through. */
export const DEFAULT_LIMIT = 500;
/** How many candidates' worth of the next best matches to read ahead. */
const PREFETCH_FACTOR = 4;

export interface SearchResult {
  text: string;
  query: ParsedQuery;
  /** The best matching paper ids, best first (at most the limit asked for). */
  ids: string[];
  /** How many papers match in all. */
  total: number;
  /** Vocabulary words the query matched, for highlighting. */
  terms: ReadonlySet<string>;
  /** No paper had every word; these miss one. */
  relaxed: boolean;
}

/** What the engine needs of the library: the repository, or an in-memory stand-in in tests. */
export type SearchStore = Pick<
  Repository,
  'loadSearchState' | 'searchChangesSince' | 'snapshotLibrary' | 'saveSearchSnapshot' | 'getPapers' | 'papersAfter' | 'libraryFingerprint'
>;

/**
 * The library's search: the persisted word index, brought up to date with the change log when
 * opened (and rebuilt when a cheap check shows the library changed without it), choosing what
 * Fuse.js ranks. Runs in any extension context that can open IndexedDB (popup, library page,
 * background for the omnibox).
 */
export class SearchEngine {
  private readonly records = new Map<string, Paper>();
  private readonly ranker = new Ranker();
  /** Reads under way, each noting the papers the change log touched meanwhile (`readWatching`). */
  private readonly watchers = new Set<Set<string>>();
  /** The last answer's terms: handed out again while unchanged (see `sameTerms`). */
  private lastTerms: ReadonlySet<string> = new Set();

  private constructor(
    private readonly repo: SearchStore,
    private index: WordIndex,
    private appliedSeq: number,
    private readonly persist: boolean,
    private readonly recordCache: number,
  ) {}

  /**
   * Loads the index; `persist: false` never writes (benchmarks, tests of read paths); `records`:
   * how many records to keep in memory (a context that lives all day keeps fewer).
   */
  static async open(repo: SearchStore, { persist = true, records = RECORD_CACHE } = {}): Promise<SearchEngine> {
    const engine = new SearchEngine(repo, WordIndex.empty(), 0, persist, records);
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
    this.forgetRecords();
    // A bulk change rebuilds the index from the library: nothing is left to check.
    if ((await this.apply(state.log)) && state.log.some(isBulk)) return;
    // The quick check (the newest change): counting the papers walks every key, so a paper
    // removed behind the index's back is left to `verify`, run after the first results.
    const stale = !index || this.index.maxUpdatedAt !== state.maxUpdatedAt;
    if (stale && (state.maxUpdatedAt > 0 || this.index.size > 0)) {
      await this.rebuild();
    } else if (this.index.pending > COMPACT_AFTER) {
      this.compact();
    }
  }

  /**
   * The thorough check, for after the first results: a fingerprint of every paper's
   * `updatedAt` catches what count and newest date miss (an older version restored, one paper
   * swapped for another). Rebuilds when the index was stale; returns true when the index
   * changed, by the rebuild or by changes its own refresh took in (which no other refresh reports).
   */
  async verify(): Promise<boolean> {
    const changed = await this.refresh();
    const applied = this.appliedSeq;
    const library = await this.repo.libraryFingerprint();
    // Compare only a settled state: changes made meanwhile are for the next refresh, and changes
    // this engine took in while the fingerprint was read (in a worker, on pages) make its index
    // newer than the fingerprint.
    if (library.seq > this.appliedSeq || this.appliedSeq !== applied) return changed;
    if (library.count === this.index.size && library.fingerprint === this.index.fingerprint) return changed;
    await this.rebuild();
    return true;
  }

  /** Builds the index from the whole library (first run, after an upgrade or an outside write). */
  async rebuild(): Promise<void> {
    const { papers, seq } = await this.repo.snapshotLibrary();
    const snapshot = WordIndex.buildSnapshot(papers.map(indexable));
    this.index = WordIndex.fromSnapshot(snapshot);
    this.appliedSeq = seq;
    this.forgetRecords();
    this.saveSnapshot(snapshot);
  }

  /** Folds the overlay and tombstones into a fresh base, in memory and in storage. */
  private compact(): void {
    const snapshot = this.index.toSnapshot();
    this.index = WordIndex.fromSnapshot(snapshot);
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
    if (log.some(isBulk)) {
      await this.rebuild();
      return true;
    }
    const ids = [...new Set(log.map((e) => e.id))];
    for (const touched of this.watchers) for (const id of ids) touched.add(id);
    const papers = await this.repo.getPapers(ids);
    ids.forEach((id, i) => {
      const paper = papers[i];
      // The cache holds the record as it is now, so a row shows the change without a blank.
      if (paper && isSound(paper) && this.records.has(id)) this.records.set(id, paper);
      else this.records.delete(id);
      if (paper) this.index.upsert(indexable(paper));
      else this.index.remove(id);
    });
    this.appliedSeq = Math.max(this.appliedSeq, ...log.map((e) => e.seq));
    this.ranker.clear();
    return true;
  }

  /** Takes in library changes made since the last look; true when there were any. */
  async refresh(): Promise<boolean> {
    return (await this.takeIn(false)).changed;
  }

  /**
   * `refresh` plus the quick check `open` makes (the newest change), for an engine that lives
   * long and answers now and then (the resident search, utils/search/resident.ts): a write that
   * logged nothing (the database restored or cleared behind the extension's back) rebuilds the
   * index before the answer instead of leaving it stale all day.
   */
  async catchUp(): Promise<boolean> {
    const { changed, maxUpdatedAt } = await this.takeIn(true);
    if (maxUpdatedAt === undefined || this.index.maxUpdatedAt === maxUpdatedAt) return changed;
    await this.rebuild();
    return true;
  }

  /** The logged changes since the last look taken in (`newest`: and the newest paper's time read). */
  private async takeIn(newest: boolean): Promise<{ changed: boolean; maxUpdatedAt?: number }> {
    const { log, snapshotSeq, maxUpdatedAt } = await this.repo.searchChangesSince(this.appliedSeq, { newest });
    if (snapshotSeq > this.appliedSeq) {
      // Another context stored a newer snapshot and forgot changes we had not seen: reload.
      await this.load();
      return { changed: true, maxUpdatedAt };
    }
    const changed = await this.apply(log);
    if (changed && this.index.pending > COMPACT_AFTER) this.compact();
    return { changed, maxUpdatedAt };
  }

  /** The short fields the index keeps in memory (title, authors, savedAt…), for sorting lists. */
  shortFields(id: string): RankText | undefined {
    return this.index.rankText(id);
  }

  /**
   * What a library row shows of a paper, from memory (a list renders every row it scrolls to
   * without reading a record); undefined when the paper is not indexed or not sound.
   */
  summary(id: string): PaperSummary | undefined {
    return this.index.summary(id);
  }

  /** When a paper was saved (sorting by saved date reads nothing else). */
  savedTime(id: string): number | undefined {
    return this.index.savedTime(id);
  }

  /** How many papers hold a tag (`tagWord`) or a flag (`flagWord`): filter counts. */
  count(term: string): number {
    return this.index.count(term);
  }

  /** A paper already in the cache, without waiting (rows render from it in the same frame). */
  cached(id: string): Paper | undefined {
    return this.records.get(id);
  }

  /** Papers by id, in order, from a cache kept in step with the change log. */
  async papers(ids: readonly string[]): Promise<Paper[]> {
    const missing = ids.filter((id) => !this.records.has(id));
    const { value: found, touched } = missing.length ? await this.readWatching(() => this.repo.getPapers(missing)) : { value: [], touched: null };
    const result = new Map<string, Paper>();
    for (const id of ids) {
      const cached = this.records.get(id);
      if (cached) result.set(id, cached);
    }
    for (const paper of this.keep(found, touched)) result.set(paper.id, paper);
    return ids.map((id) => result.get(id)).filter((p): p is Paper => p !== undefined);
  }

  /** Forgets every record and ranking entry (the index was loaded or rebuilt anew). */
  private forgetRecords(): void {
    this.records.clear();
    this.ranker.clear();
    for (const touched of this.watchers) touched.add(BULK_CHANGE);
  }

  /**
   * A read of records, noting the papers the change log touched while it was under way
   * (`BULK_CHANGE`: every one): what it brought of those may be older than what the engine has
   * taken in, and is not kept.
   */
  private async readWatching<T>(read: () => Promise<T>): Promise<{ value: T; touched: ReadonlySet<string> }> {
    const touched = new Set<string>();
    this.watchers.add(touched);
    try {
      return { value: await read(), touched };
    } finally {
      this.watchers.delete(touched);
    }
  }

  /**
   * Records just read, into the cache (the ones read longest ago make room), but for those kept
   * already (the change log keeps them current) and those it touched during the read; returns
   * those the UI can show: a record that is not sound is never handed to it (the library page
   * lists it apart).
   */
  private keep(found: readonly (Paper | undefined)[], touched: ReadonlySet<string> | null): Paper[] {
    const sound = found.filter((paper): paper is Paper => paper !== undefined && isSound(paper));
    const leaveOut = (id: string) => this.records.has(id) || (touched !== null && (touched.has(BULK_CHANGE) || touched.has(id)));
    const kept = sound.filter((paper) => !leaveOut(paper.id));
    for (const id of this.records.keys()) {
      if (this.records.size + kept.length <= this.recordCache) break;
      this.records.delete(id);
    }
    for (const paper of kept) this.records.set(paper.id, paper);
    return sound;
  }

  /**
   * Reads every paper's record into memory when the library fits in the cache, a chunk (in key
   * order, one read) after each `pause()` (the page passes an idle moment), until `live()` says
   * stop: after this, no keystroke waits for IndexedDB. A record already kept stays as it is (the
   * change log keeps it current), and one the log touched during the read is left for later.
   */
  async warm(pause: () => Promise<void>, live: () => boolean): Promise<void> {
    let after: string | null = null;
    for (;;) {
      // A library larger than the cache (or grown past it meanwhile) is not warmed: its newest
      // papers are a small share of what searches show, and reading them would push out the rows
      // searches have just read.
      if (this.index.size > this.recordCache) return;
      await pause();
      if (!live()) return;
      const { value: chunk, touched } = await this.readWatching(() => this.repo.papersAfter(after, WARM_CHUNK));
      if (!live()) return;
      // Loaded or rebuilt anew meanwhile: every record was let go, so from the start.
      if (touched.has(BULK_CHANGE)) {
        after = null;
        continue;
      }
      this.keep(chunk.papers, touched);
      if (chunk.next === null) return;
      after = chunk.next;
    }
  }

  /** The best `limit` matches for what the user typed. */
  async search(text: string, limit = DEFAULT_LIMIT): Promise<SearchResult> {
    const query = parseQuery(text);
    const result = query.phrases.length ? await this.withPhraseRanking(text, query, limit) : this.ranked(text, query, limit);
    // Rows show at once: the first screenful's records are read before answering.
    await this.readRows(result);
    this.readAhead(result);
    return result;
  }

  /**
   * Matches holding every quoted phrase. A phrase removes matches after the fact: choose among
   * more of them, and only the best PHRASE_CHECK_LIMIT word matches are checked for the phrase.
   */
  private async withPhraseRanking(text: string, query: ParsedQuery, limit: number): Promise<SearchResult> {
    const match = this.index.match(query, PHRASE_CHECK_LIMIT);
    const matching = await this.withPhrases(match.ids, query.phrases);
    const ids = matching.slice(0, limit);
    const top = ids.slice(0, PHRASE_CANDIDATES);
    const records = new Map((await this.papers(top)).map((p) => [p.id, p]));
    const scoreOf = new Map<string, number>();
    match.ids.forEach((id, i) => scoreOf.set(id, match.scores[i]!));
    // A phrase in the title beats the same phrase in the abstract.
    const weight = (id: string) => {
      const paper = records.get(id);
      return paper ? Math.min(...query.phrases.map((phrase) => phraseWeight(paper, phrase))) : 0;
    };
    const ranked = this.order(top, (id) => scoreOf.get(id) ?? 0, query)
      .map((id) => ({ id, w: weight(id) }))
      .sort((a, b) => b.w - a.w)
      .map(({ id }) => id);
    return { text, query, ids: ranked.concat(ids.slice(PHRASE_CANDIDATES)), total: matching.length, terms: this.sameTerms(match.terms), relaxed: match.relaxed };
  }

  /**
   * The answer at once, reading nothing (a keystroke renders its rows in the same frame): null
   * for a quoted phrase, which must read records to check (ask `search`). Its rows may still
   * have to be read: see `hasRows`.
   */
  searchNow(text: string, limit = DEFAULT_LIMIT): SearchResult | null {
    const query = parseQuery(text);
    return query.phrases.length ? null : this.ranked(text, query, limit);
  }

  /** Whether the records of a result's first screenful are in memory. */
  hasRows(result: SearchResult): boolean {
    return result.ids.slice(0, LIST_PAGE).every((id) => this.records.has(id));
  }

  /** Reads a result's first screenful into memory (its next best matches: `readAhead`). */
  async readRows(result: SearchResult): Promise<void> {
    await this.papers(result.ids.slice(0, LIST_PAGE));
  }

  /**
   * Reads the next best matches after a result's first screenful, in the background: the next
   * keystroke usually narrows the query, and its candidates are mostly among these. `search`
   * asks at once; a page answering keystrokes asks once the answer has painted (opening the
   * read costs its thread a millisecond or two).
   */
  readAhead(result: SearchResult): void {
    const next = result.ids.slice(LIST_PAGE, LIST_PAGE * PREFETCH_FACTOR).filter((id) => !this.records.has(id));
    if (next.length) this.papers(next).catch(() => undefined);
  }

  /** The word index's matches, the best of them ordered by Fuse.js (no phrase). */
  private ranked(text: string, query: ParsedQuery, limit: number): SearchResult {
    const match = this.index.match(query, limit);
    // Nothing for Fuse to weigh (no words, or only the first letters of one): the index's order stands.
    const weighed = !isEmptyQuery(query) && (query.words.some((w) => w.length > 2) || query.authors.length > 0 || query.exact.length > 0);
    const candidates = match.ids.slice(0, CANDIDATES);
    const ids = weighed ? this.order(candidates, (_, i) => match.scores[i]!, query).concat(match.ids.slice(CANDIDATES)) : match.ids;
    return { text, query, ids, total: match.total, terms: this.sameTerms(match.terms), relaxed: match.relaxed };
  }

  /**
   * The previous answer's set when it holds the same words: a keystroke that extends a word
   * often matches the same vocabulary, and rows whose paper and terms are unchanged then skip
   * highlighting and rendering again (they compare the set by identity).
   */
  private sameTerms(terms: ReadonlySet<string>): ReadonlySet<string> {
    const last = this.lastTerms;
    if (last.size === terms.size && [...terms].every((t) => last.has(t))) return last;
    return (this.lastTerms = terms);
  }

  /** Candidates ordered by Fuse.js, weighed with the word index's score of each (`coarse`). */
  private order(candidates: readonly string[], coarse: (id: string, i: number) => number, query: ParsedQuery): string[] {
    const top: RankText[] = [];
    const scores: number[] = [];
    candidates.forEach((id, i) => {
      const text = this.ranker.textOf(id, (d) => this.index.rankText(d));
      if (!text) return;
      top.push(text);
      scores.push(coarse(id, i));
    });
    return this.ranker.rank(top, scores, query).map((p) => p.id);
  }

  private async withPhrases(ids: string[], phrases: string[][]): Promise<string[]> {
    const checked = await this.papers(ids.slice(0, PHRASE_CHECK_LIMIT));
    return checked.filter((paper) => phrases.every((phrase) => containsPhrase(paper, phrase))).map((p) => p.id);
  }
}

/** The change-log entry that stands for a bulk change (every index rebuilds). */
const isBulk = (entry: { id: string }) => entry.id === BULK_CHANGE;

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

/** What the index takes of a stored record: the record, or only its place when it is not sound. */
function indexable(paper: Paper): IndexablePaper {
  if (isSound(paper)) return paper;
  const raw = paper as unknown as Record<string, unknown>;
  return hiddenEntry(String(raw.id), timeOf(raw.savedAt), timeOf(raw.updatedAt));
}
