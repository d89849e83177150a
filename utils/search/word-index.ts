import type { Paper, Venue } from '../paper/schema';
import { READING_STATUSES, VENUE_KINDS, type PaperSource, type ReadingStatus, type VenueKind } from '../paper/vocabulary';
import { boundedEditDistance, letterMask, popCount, typoBudget } from './edit-distance';
import type { ParsedQuery } from './query';
import { venueWords } from '../paper/venue';
import { flagWord, indexWords, tagWord } from './text';
import { recall, remember } from './kept';

/**
 * The word index that chooses what Fuse.js ranks. Every word of title, authors, tags, abstract
 * and notes points at the papers containing it and in which fields. A query word matches
 * vocabulary words exactly, as a prefix (the word being typed) or within a typo budget, so a
 * keystroke costs a scan of the vocabulary and of a few posting lists, never of the abstracts.
 *
 * Memory: the bulk (the postings) is two typed arrays, which is also the persisted form
 * (`IndexSnapshot`), so loading is a copy, not a parse. Papers changed after loading live in a
 * small overlay until the next compaction; removed papers are tombstoned.
 */

export const FIELDS = { title: 1, authors: 2, tags: 4, abstract: 8, notes: 16 } as const;

/** Field weights: title > authors > tags > abstract > notes. */
const WEIGHTS: [number, number][] = [
  [FIELDS.title, 5],
  [FIELDS.authors, 3],
  [FIELDS.tags, 2],
  [FIELDS.abstract, 1],
  [FIELDS.notes, 0.5],
];
/** Weight of each field combination: the best field, plus a little for each other one. */
const MASK_WEIGHT = Float32Array.from({ length: 32 }, (_, mask) => {
  const weights = WEIGHTS.filter(([bit]) => mask & bit).map(([, w]) => w);
  const best = Math.max(0, ...weights);
  return best + 0.2 * (weights.reduce((a, b) => a + b, 0) - best);
});

const QUALITY = { exact: 1, prefix: 0.8, typo1: 0.55, prefixTypo: 0.45, typo2: 0.35 } as const;
/** Most vocabulary words one query word may stand for (the most frequent are kept). */
const MAX_EXPANSIONS = 128;
/** A one- or two-letter prefix stands for thousands of words: keep only the commonest. */
const MAX_SHORT_PREFIX_EXPANSIONS = 16;
/** Expansion lists cut at the cap while some word the prefix begins was left out. */
const CUT_SHORT = new WeakSet<Expansion[]>();
const SOURCE_BITS: Record<PaperSource, number> = { arxiv: 1, huggingface: 2 };
/** A record search keeps a place for (the library counts it) but never lists: it is not sound. */
const HIDDEN = 128;

/**
 * 3: reading status and incomplete/withdrawn marks indexed (status:, is:). 4: venues and code
 * (venue:, is:published, has:code). 5: what a library row shows (`PaperSummary`) kept with the
 * short fields. An older index is rebuilt.
 */
export const INDEX_FORMAT = 5;

/**
 * The search change log's entry for "much of the library changed at once" (a large import or
 * removal): an index that meets it is rebuilt from the library instead of reading each paper
 * logged. No paper id is "*".
 */
export const BULK_CHANGE = '*';

/** The persisted form: typed arrays and two joined strings, cheap to store and to load. */
export interface IndexSnapshot {
  format: number;
  /** Sorted vocabulary, joined with "\n". */
  terms: string;
  /** Start of each term's postings; length = terms + 1. */
  offsets: Int32Array;
  /** Document numbers, per term ascending. */
  postings: Int32Array;
  /** Field mask of each posting. */
  fields: Uint8Array;
  /** Paper id of each document, joined with "\n". */
  ids: string;
  savedAt: Float64Array;
  updatedAt: Float64Array;
  years: Int16Array;
  sources: Uint8Array;
  /**
   * Each document's short fields for ranking (see `RankText`) and what a row shows of it (see
   * `PaperSummary`), documents joined with "\u001e".
   */
  texts: string;
}

/** The short fields Fuse.js ranks on, kept in memory so a keystroke never waits for storage. */
export interface RankText {
  id: string;
  title: string;
  authors: string;
  tags: string;
  notes: string;
  savedAt: number;
}

/**
 * What a library row shows of a paper, kept with its short fields so that a list of 50,000
 * renders every row it scrolls to without reading a record.
 */
export interface PaperSummary {
  id: string;
  title: string;
  authors: string[];
  tags: string[];
  /** The year it was published ("2024"; "" when unknown): all `paperYear` shows. */
  published: string;
  readingStatus?: ReadingStatus;
  incomplete?: true;
  withdrawn?: true;
  /** What its badge says (`venueLabel`, `venueTitle`). */
  venue?: BadgeVenue;
  code?: { repo: string };
}

/** The part of a venue its badge shows. */
export type BadgeVenue = Pick<Venue, 'name' | 'short' | 'year' | 'kind'>;

const DOC_SEPARATOR = '\u001e';
const FIELD_SEPARATOR = '\u001f';
/** Before each author, and each tag, of a document's short fields: `[]` and `['']` stay apart. */
const ITEM_SEPARATOR = '\u001d';
// eslint-disable-next-line no-control-regex -- the separators are control characters on purpose
const SEPARATORS = /[\u001e\u001f]/g;
// eslint-disable-next-line no-control-regex -- the separators are control characters on purpose
const ALL_SEPARATORS = /[\u001d\u001e\u001f]/g;
/** Summaries kept: the rows of a screen and those a fling passed a moment ago. */
const SUMMARIES_KEPT = 1000;

const text = (value: unknown) => (typeof value === 'string' ? value.replace(SEPARATORS, ' ') : '');
const list = (items: readonly string[]) => items.map((item) => ITEM_SEPARATOR + item.replace(ALL_SEPARATORS, ' ')).join('');
const items = (packed: string) => packed.split(ITEM_SEPARATOR).slice(1);

/** What a row's badge needs of a venue, when the record's venue is one (JSON escapes the separators). */
function badgeVenue(venue: unknown): string {
  const v = venue as Partial<Venue> | undefined;
  if (typeof v?.name !== 'string' || !VENUE_KINDS.includes(v.kind as VenueKind)) return '';
  const badge: BadgeVenue = { name: v.name, kind: v.kind! };
  if (typeof v.short === 'string') badge.short = v.short;
  if (typeof v.year === 'number') badge.year = v.year;
  return JSON.stringify(badge);
}

/**
 * A paper's short fields (title, authors, tags, notes) and its row's marks (reading status,
 * incomplete and withdrawn, venue, code), one string. Fields a sound record may still hold in
 * another shape (a restored backup) are left out, never thrown on.
 */
function packText(p: IndexablePaper): string {
  const marks = (p.incomplete ? 'i' : '') + (p.withdrawn ? 'w' : '');
  const status = READING_STATUSES.includes(p.readingStatus as ReadingStatus) ? p.readingStatus! : '';
  return [text(p.title), list(p.authors), list(p.tags), text(p.notes), status, marks, badgeVenue(p.venue), text(p.code?.repo)].join(FIELD_SEPARATOR);
}

/** What the index reads of a paper; `hidden` keeps it out of every result. */
export type IndexablePaper = Pick<
  Paper,
  'id' | 'title' | 'authors' | 'tags' | 'abstract' | 'notes' | 'published' | 'sources' | 'savedAt' | 'updatedAt' | 'readingStatus' | 'incomplete' | 'withdrawn' | 'venue' | 'code'
> & { hidden?: boolean };

/**
 * What the index keeps of a stored record it cannot read (isSound is false): its place, so that
 * the library's count and fingerprint still agree with the index, and nothing to search or list.
 */
export function hiddenEntry(id: string, savedAt: number, updatedAt: number): IndexablePaper {
  return { id, title: '', authors: [], tags: [], abstract: '', notes: '', published: '', sources: [], savedAt, updatedAt, hidden: true };
}

export interface Expansion {
  term: string;
  quality: number;
}

export interface MatchResult {
  /** The best matching paper ids (at most the limit asked for), best first, recent first among equals. */
  ids: string[];
  /** How many papers match in all. */
  total: number;
  /** Coarse score of each id, same order. */
  scores: Float32Array;
  /** The vocabulary words the query's words stood for, for highlighting. */
  terms: Set<string>;
  /** True when no paper had every word and papers missing one word are shown instead. */
  relaxed: boolean;
}

export class WordIndex {
  // Base: immutable, from a snapshot.
  private readonly terms: string[];
  private readonly offsets: Int32Array;
  private readonly postings: Int32Array;
  private readonly fields: Uint8Array;
  private readonly masks: Int32Array;
  /** Term numbers grouped by term length, for typo scans. */
  private readonly byLength: Map<number, Int32Array>;
  // Overlay: documents added since the snapshot; term → [doc, fields, doc, fields, …].
  private readonly overlay = new Map<string, number[]>();
  // Documents (base and overlay).
  private readonly ids: string[];
  private readonly savedAt: number[];
  private readonly updatedAt: number[];
  private readonly years: number[];
  private readonly sources: number[];
  private readonly texts: string[];
  private readonly alive: number[];
  private readonly docOf = new Map<string, number>();
  private liveCount = 0;
  private readonly baseDocs: number;
  private recency: Float64Array | null = null;
  private recencyDocs: Int32Array | null = null;
  private expansionCache = new Map<string, Expansion[]>();
  /** Summaries made, by document number (a document never changes: a changed paper gets a new one). */
  private readonly summaries = new Map<string, PaperSummary>();
  /**
   * The scores of the words typed before the one being typed (see `match`): a keystroke in the
   * last word of "skip tuning d…" walks only that word. Forgotten when the index changes.
   */
  private settled: { key: string; total: Float32Array; hits: Uint8Array; terms: string[] } | null = null;

  private constructor(s: IndexSnapshot) {
    this.terms = s.terms ? s.terms.split('\n') : [];
    this.offsets = s.offsets;
    this.postings = s.postings;
    this.fields = s.fields;
    this.masks = new Int32Array(this.terms.length);
    for (let t = 0; t < this.terms.length; t++) this.masks[t] = letterMask(this.terms[t]!);
    const groups = new Map<number, number[]>();
    this.terms.forEach((t, i) => {
      const g = groups.get(t.length);
      if (g) g.push(i);
      else groups.set(t.length, [i]);
    });
    this.byLength = new Map([...groups].map(([len, list]) => [len, new Int32Array(list)]));
    this.ids = s.ids ? s.ids.split('\n') : [];
    this.savedAt = toArray(s.savedAt);
    this.updatedAt = toArray(s.updatedAt);
    this.years = toArray(s.years);
    this.sources = toArray(s.sources);
    this.texts = this.ids.length ? s.texts.split(DOC_SEPARATOR) : [];
    this.alive = this.ids.map(() => 1);
    this.ids.forEach((id, d) => this.docOf.set(id, d));
    this.liveCount = this.ids.length;
    this.baseDocs = this.ids.length;
  }

  static empty(): WordIndex {
    return new WordIndex(emptySnapshot());
  }

  static fromSnapshot(snapshot: IndexSnapshot): WordIndex {
    if (snapshot.format !== INDEX_FORMAT) throw new Error(`search index format ${snapshot.format} is not ${INDEX_FORMAT}`);
    return new WordIndex(snapshot);
  }

  /** The compact, storable index of a whole library. */
  static buildSnapshot(papers: Iterable<IndexablePaper>): IndexSnapshot {
    const index = WordIndex.empty();
    for (const paper of papers) index.upsert(paper);
    return index.toSnapshot();
  }

  /** Builds a compact index of a whole library. */
  static build(papers: Iterable<IndexablePaper>): WordIndex {
    return WordIndex.fromSnapshot(WordIndex.buildSnapshot(papers));
  }

  get size(): number {
    return this.liveCount;
  }

  /** Papers added or removed since the snapshot (overlay and tombstones): when many, compact. */
  get pending(): number {
    return this.ids.length - this.baseDocs + (this.ids.length - this.liveCount);
  }

  /** Newest `updatedAt` among indexed papers: with `size`, the quick staleness check. */
  get maxUpdatedAt(): number {
    let max = 0;
    for (let d = 0; d < this.ids.length; d++) if (this.alive[d] && this.updatedAt[d]! > max) max = this.updatedAt[d]!;
    return max;
  }

  /**
   * `libraryFingerprint` of the indexed papers' `updatedAt`s: the thorough staleness check. One
   * plain loop: it runs once, on a page the user may be scrolling (a filtered copy of 50,000
   * times took 18 ms in one task).
   */
  get fingerprint(): number {
    let sum = 0;
    for (let d = 0; d < this.ids.length; d++) if (this.alive[d]) sum += fingerprintPart(this.updatedAt[d]);
    return sum;
  }

  /** Adds a paper, replacing its previous entry. */
  upsert(paper: IndexablePaper): void {
    // Worked out first: a record that cannot be read leaves the index as it was.
    const packed = packText(paper);
    const terms = documentTerms(paper);
    this.remove(paper.id);
    const d = this.ids.length;
    this.ids.push(paper.id);
    this.savedAt.push(paper.savedAt);
    this.updatedAt.push(paper.updatedAt);
    this.years.push(Number(paper.published.slice(0, 4)) || 0);
    this.sources.push(paper.hidden ? HIDDEN : paper.sources.reduce((bits, s) => bits | (SOURCE_BITS[s] ?? 0), 0));
    this.texts.push(packed);
    this.alive.push(1);
    this.docOf.set(paper.id, d);
    this.liveCount++;
    for (const [term, mask] of terms) {
      const list = this.overlay.get(term);
      if (list) list.push(d, mask);
      else this.overlay.set(term, [d, mask]);
    }
    this.changed();
  }

  remove(id: string): void {
    const d = this.docOf.get(id);
    if (d === undefined) return;
    this.alive[d] = 0;
    this.docOf.delete(id);
    this.liveCount--;
    this.changed();
  }

  private changed(): void {
    this.recency = null;
    this.recencyDocs = null;
    this.expansionCache = new Map();
    this.settled = null;
  }

  /** The live index as compact typed arrays (tombstones dropped, overlay merged). */
  toSnapshot(): IndexSnapshot {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const liveDocs: number[] = [];
    for (let d = 0; d < this.ids.length; d++) {
      if (this.alive[d]) {
        renumber[d] = liveDocs.length;
        liveDocs.push(d);
      }
    }
    const vocabulary = new Set<string>(this.terms);
    for (const term of this.overlay.keys()) vocabulary.add(term);
    const sorted = [...vocabulary].sort();
    const offsets = new Int32Array(sorted.length + 1);
    const postings: number[] = [];
    const fields: number[] = [];
    const keptTerms: string[] = [];
    for (const term of sorted) {
      const start = postings.length;
      this.eachPosting(term, (d, mask) => {
        const nd = renumber[d]!;
        if (nd >= 0) {
          postings.push(nd);
          fields.push(mask);
        }
      });
      if (postings.length > start) {
        offsets[keptTerms.length] = start;
        keptTerms.push(term);
      }
    }
    offsets[keptTerms.length] = postings.length;
    return {
      format: INDEX_FORMAT,
      terms: keptTerms.join('\n'),
      offsets: offsets.slice(0, keptTerms.length + 1),
      postings: new Int32Array(postings),
      fields: new Uint8Array(fields),
      ids: liveDocs.map((d) => this.ids[d]).join('\n'),
      savedAt: new Float64Array(liveDocs.map((d) => this.savedAt[d]!)),
      updatedAt: new Float64Array(liveDocs.map((d) => this.updatedAt[d]!)),
      years: new Int16Array(liveDocs.map((d) => this.years[d]!)),
      sources: new Uint8Array(liveDocs.map((d) => this.sources[d]!)),
      texts: liveDocs.map((d) => this.texts[d]).join(DOC_SEPARATOR),
    };
  }

  /** The short fields of an indexed paper, for ranking. */
  rankText(id: string): RankText | undefined {
    const d = this.docOf.get(id);
    if (d === undefined) return undefined;
    const [title = '', authors = '', tags = '', notes = ''] = this.texts[d]!.split(FIELD_SEPARATOR, 4);
    return { id, title, authors: items(authors).join(', '), tags: items(tags).join(', '), notes, savedAt: this.savedAt[d]! };
  }

  /** What a row shows of an indexed paper; undefined for one not indexed or not sound. */
  summary(id: string): PaperSummary | undefined {
    const d = this.docOf.get(id);
    if (d === undefined || this.sources[d]! & HIDDEN) return undefined;
    const key = String(d);
    const kept = recall(this.summaries, key);
    if (kept) return kept;
    const [title = '', authors = '', tags = '', , status = '', marks = '', venue = '', repo = ''] = this.texts[d]!.split(FIELD_SEPARATOR);
    const year = this.years[d]!;
    const summary: PaperSummary = {
      id,
      title,
      authors: items(authors),
      tags: items(tags),
      published: year > 0 ? String(year) : '',
    };
    if (status) summary.readingStatus = status as ReadingStatus;
    if (marks.includes('i')) summary.incomplete = true;
    if (marks.includes('w')) summary.withdrawn = true;
    if (venue) summary.venue = JSON.parse(venue) as BadgeVenue;
    if (repo) summary.code = { repo };
    return remember(this.summaries, key, summary, SUMMARIES_KEPT);
  }

  /** When a paper was saved, without cutting its short fields apart (sorting the whole library). */
  savedTime(id: string): number | undefined {
    const d = this.docOf.get(id);
    return d === undefined ? undefined : this.savedAt[d];
  }

  /** Calls back for every posting of a term, base then overlay (document numbers ascending). */
  private eachPosting(term: string, visit: (doc: number, mask: number) => void): void {
    const t = this.findTerm(term);
    if (t >= 0) {
      for (let p = this.offsets[t]!, end = this.offsets[t + 1]!; p < end; p++) visit(this.postings[p]!, this.fields[p]!);
    }
    const extra = this.overlay.get(term);
    if (extra) for (let i = 0; i < extra.length; i += 2) visit(extra[i]!, extra[i + 1]!);
  }

  private findTerm(term: string): number {
    let lo = 0;
    let hi = this.terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.terms[mid]!;
      if (t === term) return mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** How many papers hold an index word (a tag word, a flag): the library page's filter counts. */
  count(term: string): number {
    let n = 0;
    this.eachPosting(term, (d) => {
      if (this.alive[d]) n++;
    });
    return n;
  }

  private documentFrequency(term: string): number {
    const t = this.findTerm(term);
    const base = t >= 0 ? this.offsets[t + 1]! - this.offsets[t]! : 0;
    return base + (this.overlay.get(term)?.length ?? 0) / 2;
  }

  /** The vocabulary words a query word stands for, best first. Memoised until the index changes. */
  expand(word: string, prefix: boolean): Expansion[] {
    const key = `${prefix ? '>' : '='}${word}`;
    const cached = this.expansionCache.get(key);
    if (cached) return cached;
    const found = new Map<string, number>();
    const offer = (term: string, quality: number) => {
      if ((found.get(term) ?? 0) < quality) found.set(term, quality);
    };
    if (this.findTerm(word) >= 0 || this.overlay.has(word)) offer(word, QUALITY.exact);
    if (prefix) {
      for (let t = this.lowerBound(word); t < this.terms.length && this.terms[t]!.startsWith(word); t++) {
        offer(this.terms[t]!, QUALITY.prefix);
      }
      for (const term of this.overlay.keys()) if (term.startsWith(word)) offer(term, QUALITY.prefix);
    }
    // Numbers (years, arXiv ids, model sizes) are exact things: no typos.
    const budget = /^\d+$/.test(word) ? 0 : typoBudget(word.length);
    if (budget > 0 && !word.startsWith('#')) {
      const mask = letterMask(word);
      const consider = (term: string, termMask: number) => {
        if (popCount(mask ^ termMask) > 2 * budget) return;
        const d = boundedEditDistance(word, term, budget);
        if (d > 0 && d <= budget) offer(term, d === 1 ? QUALITY.typo1 : QUALITY.typo2);
      };
      for (let len = word.length - budget; len <= word.length + budget; len++) {
        const group = this.byLength.get(len);
        if (group) for (let i = 0; i < group.length; i++) consider(this.terms[group[i]!]!, this.masks[group[i]!]!);
      }
      for (const term of this.overlay.keys()) {
        if (Math.abs(term.length - word.length) <= budget) consider(term, letterMask(term));
      }
      if (prefix && word.length >= 5) this.expandPrefixTypos(word, mask, offer);
    }
    // A flag (status:, is:) is filtered on, never matched by a typed word.
    let list = [...found].filter(([term]) => !term.startsWith('!')).map(([term, quality]) => ({ term, quality }));
    const cap = prefix && word.length <= 2 ? MAX_SHORT_PREFIX_EXPANSIONS : MAX_EXPANSIONS;
    if (list.length > cap) {
      const ranked = list
        .map((e) => ({ e, df: this.documentFrequency(e.term) }))
        .sort((a, b) => b.e.quality - a.e.quality || b.df - a.df)
        .map(({ e }) => e);
      list = ranked.slice(0, cap);
      // Words this prefix begins were left out: it cannot say which papers lack it.
      if (prefix && ranked.slice(cap).some((e) => e.quality === QUALITY.prefix)) CUT_SHORT.add(list);
    }
    list.sort((a, b) => b.quality - a.quality);
    this.expansionCache.set(key, list);
    return list;
  }

  /** Words that begin with the typed word give or take one typo ("trnasf" → "transformer"). */
  private expandPrefixTypos(word: string, mask: number, offer: (term: string, quality: number) => void): void {
    const check = (term: string, termMask: number) => {
      if (term.length <= word.length || popCount(mask & ~termMask) > 1) return;
      for (const len of [word.length, word.length - 1, word.length + 1]) {
        if (len > 0 && len < term.length && boundedEditDistance(word, term.slice(0, len), 1) <= 1) {
          offer(term, QUALITY.prefixTypo);
          return;
        }
      }
    };
    for (const [len, group] of this.byLength) {
      if (len <= word.length) continue;
      for (let i = 0; i < group.length; i++) check(this.terms[group[i]!]!, this.masks[group[i]!]!);
    }
    for (const term of this.overlay.keys()) check(term, letterMask(term));
  }

  /** Live documents by save time, oldest first, and each document's place in that order. */
  private recencyOrder(): Int32Array {
    if (!this.recencyDocs) {
      const docs: number[] = [];
      for (let d = 0; d < this.ids.length; d++) if (this.alive[d] && !(this.sources[d]! & HIDDEN)) docs.push(d);
      docs.sort((a, b) => this.savedAt[a]! - this.savedAt[b]! || a - b);
      this.recencyDocs = new Int32Array(docs);
      this.recency = new Float64Array(this.ids.length);
      docs.forEach((d, rank) => (this.recency![d] = rank));
    }
    return this.recencyDocs;
  }

  /** Papers matching a parsed query, best first. See `ParsedQuery` for the rules. */
  match(q: ParsedQuery, limit = Number.POSITIVE_INFINITY): MatchResult {
    const n = this.ids.length;
    const order = this.recencyOrder();
    const rank = this.recency!;
    const terms = new Set<string>();
    const allowed = this.filter(q, terms);

    // The word being typed is a prefix; so is any word of three letters or more ("llm" finds
    // "llms", "exit" finds "exiting"), as half-remembered words are often stems. Quoted words
    // match exactly.
    const words = q.words.map((w, i) => ({
      word: w,
      prefix: (q.lastWordIsPrefix && i === q.words.length - 1) || w.length >= 3,
      exact: false,
      mask: 0,
    }));
    for (const w of q.exact) words.push({ word: w, prefix: false, exact: true, mask: 0 });
    for (const w of q.authors) words.push({ word: w, prefix: true, exact: false, mask: FIELDS.authors });
    // Every word above must match; a stop word being typed only ranks (it is last, and not counted).
    const required = words.length;
    if (q.typing) words.push({ word: q.typing, prefix: true, exact: false, mask: 0 });
    const typed = q.lastWordIsPrefix ? q.words.length - 1 : -1;
    let need = 0;

    if (!words.length) {
      const ids: string[] = [];
      let count = 0;
      for (let i = order.length - 1; i >= 0; i--) {
        if (allowed && !allowed[order[i]!]) continue;
        if (count++ < limit) ids.push(this.ids[order[i]!]!);
      }
      return { ids, total: count, scores: new Float32Array(ids.length), terms, relaxed: false };
    }

    const { alive, postings, fields, offsets } = this;
    const { total, hits, best, chosen: chosenBuffer, values } = this.scratch(n);
    // The words before the one being typed score the same at every keystroke in it: taken from
    // the last keystroke's pass when they are the same words (no filter: it changes the scores).
    const settledCount = allowed ? 0 : typed >= 0 ? typed : q.words.length;
    const settledKey = words
      .slice(0, settledCount)
      .map((w) => `${w.prefix ? '>' : '='}${w.word}`)
      .join(' ');
    let from = 0;
    if (settledCount > 0 && this.settled?.key === settledKey) {
      total.set(this.settled.total);
      hits.set(this.settled.hits);
      for (const term of this.settled.terms) terms.add(term);
      need = from = settledCount;
    }
    for (const [w, { word, prefix, exact, mask: only }] of words.entries()) {
      if (w < from) continue;
      const expansions = exact ? this.expand(word, false).filter((e) => e.term === word) : this.expand(word, prefix);
      // The word being typed stands for more words than are looked at: it ranks, and requires
      // nothing, so a paper holding a rarer word it begins is not hidden while it is typed.
      const counts = w < required && !(w === typed && CUT_SHORT.has(expansions));
      if (counts) need++;
      // Highlight typo matches only when the word itself (or a word it begins) is nowhere.
      const literal = expansions.some((e) => e.quality >= QUALITY.prefix && this.documentFrequency(e.term) > 0);
      // Each paper's best score among the words this one stands for, in `best`.
      for (const { term, quality } of expansions) {
        const idf = Math.log(1 + this.liveCount / Math.max(1, this.documentFrequency(term)));
        const t = this.findTerm(term);
        let used = t >= 0 && walk(postings, fields, offsets[t]!, offsets[t + 1]!, alive, allowed, only, quality, idf, best);
        const extra = this.overlay.get(term);
        if (extra) {
          for (let i = 0; i < extra.length; i += 2) {
            const d = extra[i]!;
            if (!alive[d] || (allowed && !allowed[d])) continue;
            const fieldMask = only ? extra[i + 1]! & only : extra[i + 1]!;
            if (!fieldMask) continue;
            const s = quality * MASK_WEIGHT[fieldMask]! * idf;
            if (s > best[d]!) best[d] = s;
            used = true;
          }
        }
        if (used && (!literal || quality >= QUALITY.prefix)) terms.add(term);
      }
      // One pass over every paper: cheaper than keeping a list of the tens of thousands a
      // common word touches.
      for (let d = 0; d < n; d++) {
        const b = best[d]!;
        if (b === 0) continue;
        total[d]! += b;
        if (counts) hits[d]!++;
        best[d] = 0;
      }
      if (w === settledCount - 1) this.settled = { key: settledKey, total: total.slice(0, n), hits: hits.slice(0, n), terms: [...terms] };
    }

    let relaxed = false;
    let count = collect(hits, need, order, allowed, chosenBuffer);
    if (!count && q.words.length >= 3 && !q.authors.length && !q.phrases.length) {
      count = collect(hits, need - 1, order, allowed, chosenBuffer);
      relaxed = count > 0;
    }
    const chosen = chosenBuffer.subarray(0, count);
    // Only the best `limit` are wanted, in order: past that many, pick them first (quickselect)
    // and sort just those, by score then recency in one numeric sort (score high, rank low).
    let head: ArrayLike<number> = chosen;
    if (count > limit) {
      for (let i = 0; i < count; i++) values[i] = total[chosen[i]!]!;
      const threshold = kthLargest(values.subarray(0, count), limit);
      const best: number[] = [];
      // Everything above the cut-off first, then ties at it (newest first) until full.
      for (let i = 0; i < count; i++) if (total[chosen[i]!]! > threshold) best.push(chosen[i]!);
      for (let i = 0; i < count && best.length < limit; i++) if (total[chosen[i]!] === threshold) best.push(chosen[i]!);
      head = best;
    }
    const RANK_SPACE = 2 ** 22;
    const keys = new Float64Array(head.length);
    for (let i = 0; i < head.length; i++) keys[i] = Math.round(total[head[i]!]! * 1000) * RANK_SPACE + rank[head[i]!]!;
    keys.sort();
    const ids: string[] = new Array(keys.length);
    const scores = new Float32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[keys.length - 1 - i]!;
      const d = order[key % RANK_SPACE]!;
      ids[i] = this.ids[d]!;
      scores[i] = Math.floor(key / RANK_SPACE) / 1000;
    }
    return { ids, total: count, scores, terms, relaxed };
  }

  private buffers: { total: Float32Array; hits: Uint8Array; best: Float32Array; chosen: Int32Array; values: Float32Array } | null = null;

  /**
   * Per-document work arrays, reused between queries (a keystroke allocates little): `total`
   * and `hits` zeroed, `best` zero (each word leaves it so), `chosen` and `values` scratch.
   */
  private scratch(n: number) {
    if (!this.buffers || this.buffers.total.length < n) {
      const size = Math.max(n, 1024) * 2;
      this.buffers = {
        total: new Float32Array(size),
        hits: new Uint8Array(size),
        best: new Float32Array(size),
        chosen: new Int32Array(size),
        values: new Float32Array(size),
      };
    } else {
      this.buffers.total.fill(0, 0, n);
      this.buffers.hits.fill(0, 0, n);
    }
    return this.buffers;
  }

  /** Documents passing the filters (tags, years, sources, exclusions); null when none apply. */
  private filter(q: ParsedQuery, terms: Set<string>): Uint8Array | null {
    const not = q.not;
    if (
      !q.tags.length && !q.years && !q.sources.length && !q.excluded.length &&
      !not.authors.length && !not.tags.length && !not.years.length && !not.sources.length
    ) {
      return null;
    }
    const n = this.ids.length;
    const allowed = new Uint8Array(n);
    for (let d = 0; d < n; d++) {
      if (!this.alive[d]) continue;
      const year = this.years[d]!;
      if (q.years && (year < q.years.min || year > q.years.max)) continue;
      if (not.years.some((y) => year >= y.min && year <= y.max)) continue;
      if (q.sources.length && !q.sources.some((s) => this.sources[d]! & SOURCE_BITS[s])) continue;
      if (not.sources.some((s) => this.sources[d]! & SOURCE_BITS[s])) continue;
      allowed[d] = 1;
    }
    for (const tag of q.tags) {
      const has = new Uint8Array(n);
      this.eachPosting(tag, (d) => (has[d] = 1));
      for (let d = 0; d < n; d++) allowed[d]! &= has[d]!;
      terms.add(tag);
    }
    for (const tag of not.tags) this.eachPosting(tag, (d) => (allowed[d] = 0));
    for (const word of not.authors) {
      this.eachPosting(word, (d, mask) => {
        if (mask & FIELDS.authors) allowed[d] = 0;
      });
    }
    // A unit of several words leaves out the papers holding all of them.
    for (const unit of q.excluded) {
      const count = new Uint8Array(n);
      for (const word of new Set(unit)) this.eachPosting(word, (d) => count[d]!++);
      const need = new Set(unit).size;
      for (let d = 0; d < n; d++) if (count[d]! >= need) allowed[d] = 0;
    }
    return allowed;
  }
}

/**
 * Documents with at least `need` hits, newest first (`order` is oldest first), into `out`;
 * returns how many. Only a document the filters allow has hits; with none needed, the filters
 * alone decide.
 */
function collect(hits: Uint8Array, need: number, order: Int32Array, allowed: Uint8Array | null, out: Int32Array): number {
  let count = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    const d = order[i]!;
    if (hits[d]! >= need && (need > 0 || !allowed || allowed[d])) out[count++] = d;
  }
  return count;
}

/**
 * One index word's postings from `from` to `to` walked into `best` (each paper's best score
 * among the words a query word stands for): the hot loop of a keystroke, kept small and
 * monomorphic. True when some paper the filters allow held the word in a field asked for.
 */
function walk(
  postings: Int32Array,
  fields: Uint8Array,
  from: number,
  to: number,
  alive: readonly number[],
  allowed: Uint8Array | null,
  only: number,
  quality: number,
  idf: number,
  best: Float32Array,
): boolean {
  let used = false;
  for (let p = from; p < to; p++) {
    const d = postings[p]!;
    if (!alive[d] || (allowed !== null && !allowed[d])) continue;
    const fieldMask = only ? fields[p]! & only : fields[p]!;
    if (!fieldMask) continue;
    const s = quality * MASK_WEIGHT[fieldMask]! * idf;
    if (s > best[d]!) best[d] = s;
    used = true;
  }
  return used;
}

/**
 * A typed array's values as a plain (growable) array. `Array.from(typed)` and
 * `TypedArray.from(list, fn)` go through the iterator protocol and cost 4–6× a loop in V8 (50,000
 * values: about 5 ms against 1), which an index open and a keystroke at 50k papers both felt.
 */
function toArray(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) out.push(values[i]!);
  return out;
}

/** The k-th largest value (quickselect; reorders `values`). */
function kthLargest(values: Float32Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

function emptySnapshot(): IndexSnapshot {
  return {
    format: INDEX_FORMAT,
    terms: '',
    offsets: new Int32Array(1),
    postings: new Int32Array(0),
    fields: new Uint8Array(0),
    ids: '',
    savedAt: new Float64Array(0),
    updatedAt: new Float64Array(0),
    years: new Int16Array(0),
    sources: new Uint8Array(0),
    texts: '',
  };
}

/**
 * A sum over every paper's `updatedAt` (each reduced mod 2^31 - 1, so 50k of them stay exact in
 * a double). Any paper added, removed, or changed through the repository without the index
 * seeing it changes it, as does a restore of an older version: cheap to read from the
 * `updatedAt` index, and compared on every open.
 */
export function libraryFingerprint(updatedAts: Iterable<unknown>): number {
  let sum = 0;
  for (const t of updatedAts) sum += fingerprintPart(t);
  return sum;
}

/** One paper's share of the fingerprint: a record that holds no number here (not sound) counts as none on both sides. */
const fingerprintPart = (t: unknown) => (typeof t === 'number' && Number.isFinite(t) ? t % 2147483647 : 0);

/** Each index word of a paper with the fields it occurs in. */
export function documentTerms(paper: IndexablePaper): Map<string, number> {
  const out = new Map<string, number>();
  const add = (text: string, bit: number) => {
    for (const word of indexWords(text)) out.set(word, (out.get(word) ?? 0) | bit);
  };
  add(paper.title, FIELDS.title);
  // The arXiv id ("1506.03134", "hep-th/9901001") finds its paper.
  add(paper.id.replace(/^arxiv:/, ''), FIELDS.title);
  add(paper.authors.join(', '), FIELDS.authors);
  for (const tag of paper.tags) {
    add(tag, FIELDS.tags);
    out.set(tagWord(tag), FIELDS.tags);
  }
  // Filters like tags: status:read (status:none when unset), is:incomplete, is:withdrawn.
  if (!paper.hidden) {
    out.set(flagWord('status', paper.readingStatus ?? 'none'), FIELDS.tags);
    if (paper.incomplete) out.set(flagWord('is', 'incomplete'), FIELDS.tags);
    if (paper.withdrawn) out.set(flagWord('is', 'withdrawn'), FIELDS.tags);
    // Where it was published (is:published, venue:neurips) and whether it has code (has:code).
    if (paper.venue) {
      out.set(flagWord('is', 'published'), FIELDS.tags);
      for (const word of venueWords(paper.venue)) out.set(flagWord('venue', word), FIELDS.tags);
    }
    if (paper.code?.repo) out.set(flagWord('has', 'code'), FIELDS.tags);
  }
  add(paper.abstract, FIELDS.abstract);
  if (paper.notes) add(paper.notes, FIELDS.notes);
  return out;
}
