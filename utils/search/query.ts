import type { PaperSource } from '../paper/vocabulary';
import { flagWord, queryWords, STOP_WORDS, tagWord } from './text';

/**
 * The query language of the search box (documented in the popup's "?" and in README):
 *   words            each must match (any order, any field, typos allowed, last word as prefix)
 *   "exact phrase"   these words, in this order, exactly ("bert": exactly this word)
 *   -word            papers containing the word are left out (-"a b": containing all of a, b)
 *   -author:x …      any filter below, negated
 *   author:vinyals   author:"van der berg"
 *   tag:to-read
 *   status:to-read|reading|read|none   is:incomplete   is:withdrawn   is:published   has:code
 *   venue:neurips   venue:"machine learning"   (the venue's short or full name, initials: venue:jmlr)
 *   year:2019  year:>2020  year:>=2020  year:<2015  year:2018..2020
 *   source:hf  source:arxiv
 * A `field:` Paperdex does not know, or a value it cannot read, is searched as plain text.
 */
export interface ParsedQuery {
  /** Folded words that must each match somewhere (prefix and typos allowed). */
  words: string[];
  /** The last word is still being typed: also match words it begins. */
  lastWordIsPrefix: boolean;
  /**
   * The word being typed when it cannot yet decide anything: a stop word or the start of one
   * ("attention is", "learning wi"), or one or two letters. The papers holding words it begins
   * rank first; it leaves no paper out.
   */
  typing: string | null;
  /** Words from quotes: must match exactly. */
  exact: string[];
  /** Word sequences that must appear as written. */
  phrases: string[][];
  /** Papers holding any of these are left out; a unit of several words: holding all of them. */
  excluded: string[][];
  /** Folded words that must match in the authors. */
  authors: string[];
  /** Tag index words ("#to-read"). */
  tags: string[];
  years: { min: number; max: number } | null;
  sources: PaperSource[];
  /** The same filters, negated (`-author:x`, `-tag:x`, `-year:…`, `-source:x`). */
  not: { authors: string[]; tags: string[]; years: { min: number; max: number }[]; sources: PaperSource[] };
}

/** More words than anyone types; a pasted page is cut here. */
const MAX_WORDS = 32;
const MAX_LENGTH = 1000;

/** Every start of a stop word: what may still become one while it is typed. */
const STOP_PREFIXES = new Set([...STOP_WORDS].flatMap((w) => Array.from(w, (_, i) => w.slice(0, i + 1))));

const TOKEN = /(-?)(?:([a-z]+):)?(?:("[^"]*"?)|(\S+))/giy;

export function parseQuery(raw: string): ParsedQuery {
  const input = raw.slice(0, MAX_LENGTH);
  const query: ParsedQuery = {
    words: [],
    lastWordIsPrefix: false,
    typing: null,
    exact: [],
    phrases: [],
    excluded: [],
    authors: [],
    tags: [],
    years: null,
    sources: [],
    not: { authors: [], tags: [], years: [], sources: [] },
  };
  let lastFreeEnd = -1;
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(input);
    if (!m || m[0].length === 0) break;
    i = TOKEN.lastIndex;
    const [token, minus, field, quotedRaw, bare] = m;
    const closed = quotedRaw !== undefined && quotedRaw.length > 1 && quotedRaw.endsWith('"');
    const quoted = quotedRaw === undefined ? undefined : quotedRaw.slice(1, closed ? -1 : undefined);
    const value = quoted ?? bare ?? '';
    if (field && applyField(query, field.toLowerCase(), value, quoted !== undefined, Boolean(minus))) continue;
    const text = field ? `${field}:${value}` : value;
    const words = queryWords(text);
    if (minus && !field) {
      // "-self-attention" leaves out the compound, "-\"a b\"" papers with all its words.
      if (words.length > 1 && quoted === undefined) query.excluded.push([words.join('')]);
      else if (words.length) query.excluded.push(words);
    } else if (closed && !field) {
      if (words.length > 1) query.phrases.push(words);
      query.exact.push(...words.filter((w) => !STOP_WORDS.has(w)));
    } else {
      // Free text, an unknown field, or a quote still being typed: plain words.
      query.words.push(...queryWords(minus ? token : text));
      lastFreeEnd = i;
    }
  }
  query.lastWordIsPrefix = lastFreeEnd === input.length && query.words.length > 0;
  // The word being typed may still become one the index leaves out (a stop word: "wi" → "with")
  // or stand for more words than are looked at (one or two letters): it ranks the papers holding
  // words it begins first and requires nothing, so a paper that matches the finished query is
  // never hidden on the way there.
  const last = query.words[query.words.length - 1];
  if (query.lastWordIsPrefix && last !== undefined && (last.length <= 2 || STOP_PREFIXES.has(last))) {
    query.typing = last;
    query.words.pop();
    query.lastWordIsPrefix = false;
  }
  // Stop words are not in the index.
  query.words = query.words.filter((w) => !STOP_WORDS.has(w));
  if (query.words[query.words.length - 1] !== last) query.lastWordIsPrefix = false;
  // A lone letter among other words is not yet a word ("gpt 4 tuning"): it would match nearly
  // everything and decide nothing.
  if (query.words.length > 1 || query.typing) query.words = query.words.filter((w) => w.length > 1);
  const distinct = [...new Set(query.words)];
  if (distinct.length > MAX_WORDS) query.lastWordIsPrefix = false;
  query.words = distinct.slice(0, MAX_WORDS);
  query.exact = [...new Set(query.exact)].filter((w) => !query.words.includes(w)).slice(0, MAX_WORDS);
  return query;
}

function applyField(query: ParsedQuery, field: string, value: string, quoted: boolean, negated: boolean): boolean {
  switch (field) {
    case 'author':
    case 'authors':
    case 'by': {
      const words = queryWords(value);
      if (!words.length) return false;
      (negated ? query.not.authors : query.authors).push(...words);
      return true;
    }
    case 'tag':
    case 'tags':
      if (!value.trim()) return false;
      (negated ? query.not.tags : query.tags).push(tagWord(value));
      return true;
    case 'year': {
      const years = quoted ? null : parseYears(value);
      if (!years) return false;
      if (negated) query.not.years.push(years);
      else
        query.years = query.years
          ? { min: Math.max(query.years.min, years.min), max: Math.min(query.years.max, years.max) }
          : years;
      return true;
    }
    case 'status': {
      const status = STATUS_NAMES[value.toLowerCase().replace(/[\s_]+/g, '-')];
      if (!status) return false;
      (negated ? query.not.tags : query.tags).push(flagWord('status', status));
      return true;
    }
    case 'is': {
      const mark = value.toLowerCase();
      if (mark !== 'incomplete' && mark !== 'withdrawn' && mark !== 'published') return false;
      (negated ? query.not.tags : query.tags).push(flagWord('is', mark));
      return true;
    }
    case 'has': {
      if (value.toLowerCase() !== 'code') return false;
      (negated ? query.not.tags : query.tags).push(flagWord('has', 'code'));
      return true;
    }
    case 'venue': {
      const words = queryWords(value);
      if (!words.length) return false;
      // venue:"machine learning": its venue holds every word; -venue:x leaves out papers whose venue holds any.
      (negated ? query.not.tags : query.tags).push(...words.map((w) => flagWord('venue', w)));
      return true;
    }
    case 'source':
    case 'src': {
      const source = SOURCE_NAMES[value.toLowerCase()];
      if (!source) return false;
      const list = negated ? query.not.sources : query.sources;
      if (!list.includes(source)) list.push(source);
      return true;
    }
    default:
      return false;
  }
}

const STATUS_NAMES: Record<string, string> = {
  'to-read': 'to-read',
  toread: 'to-read',
  todo: 'to-read',
  reading: 'reading',
  read: 'read',
  done: 'read',
  none: 'none',
  unset: 'none',
};

const SOURCE_NAMES: Record<string, PaperSource> = {
  hf: 'huggingface',
  huggingface: 'huggingface',
  arxiv: 'arxiv',
};

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

function parseYears(value: string): { min: number; max: number } | null {
  let m = /^(\d{4})$/.exec(value);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  m = /^(\d{4})(?:\.\.|-|–)(\d{4})$/.exec(value);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  m = /^([<>]=?)(\d{4})$/.exec(value);
  if (m) {
    const year = Number(m[2]);
    switch (m[1]) {
      case '>':
        return { min: year + 1, max: MAX_YEAR };
      case '>=':
        return { min: year, max: MAX_YEAR };
      case '<':
        return { min: MIN_YEAR, max: year - 1 };
      default:
        return { min: MIN_YEAR, max: year };
    }
  }
  return null;
}

/** True when the query asks for nothing: the library is listed newest first. */
export function isEmptyQuery(q: ParsedQuery): boolean {
  const n = q.not;
  return (
    !q.words.length && !q.exact.length && !q.phrases.length && !q.excluded.length && !q.authors.length && !q.tags.length &&
    !q.years && !q.sources.length && !n.authors.length && !n.tags.length && !n.years.length && !n.sources.length
  );
}
