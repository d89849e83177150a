import type { PaperSource } from '../paper';
import { queryWords, STOP_WORDS, tagWord } from './text';

/**
 * The query language of the search box (documented in the popup's "?" and in README):
 *   words            each must match (any order, any field, typos allowed, last word as prefix)
 *   "exact phrase"   these words, in this order
 *   -word            papers containing the word are left out
 *   author:vinyals   author:"van der berg"
 *   tag:to-read
 *   year:2019  year:>2020  year:>=2020  year:<2015  year:2018..2020
 *   source:hf  source:arxiv
 * A `field:` Paperdex does not know, or a value it cannot read, is searched as plain text.
 */
export interface ParsedQuery {
  /** Folded words that must each match somewhere. */
  words: string[];
  /** The last word is still being typed: also match words it begins. */
  lastWordIsPrefix: boolean;
  /** Word sequences that must appear as written. */
  phrases: string[][];
  excluded: string[];
  /** Folded words that must match in the authors. */
  authors: string[];
  /** Tag index words ("#to-read"). */
  tags: string[];
  years: { min: number; max: number } | null;
  sources: PaperSource[];
}

const TOKEN = /(-?)(?:([a-z]+):)?(?:"([^"]*)"?|(\S+))/giy;

export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = {
    words: [],
    lastWordIsPrefix: false,
    phrases: [],
    excluded: [],
    authors: [],
    tags: [],
    years: null,
    sources: [],
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
    const [raw, minus, field, quoted, bare] = m;
    const value = quoted ?? bare ?? '';
    if (field && applyField(query, field.toLowerCase(), value, quoted !== undefined)) continue;
    const text = field ? `${field}:${value}` : value;
    if (minus && !field) {
      query.excluded.push(...queryWords(text));
    } else if (quoted !== undefined && !field) {
      const phrase = queryWords(text);
      if (phrase.length > 1) query.phrases.push(phrase);
      query.words.push(...phrase.filter((w) => !STOP_WORDS.has(w)));
    } else {
      query.words.push(...queryWords(minus ? raw : text));
      lastFreeEnd = i;
    }
  }
  query.lastWordIsPrefix = lastFreeEnd === input.length && query.words.length > 0;
  // Stop words are not in the index; keep only a last word that may be the start of a real one.
  const last = query.words[query.words.length - 1];
  query.words = query.words.filter((w, n) => !STOP_WORDS.has(w) || (n === query.words.length - 1 && query.lastWordIsPrefix));
  if (query.words[query.words.length - 1] !== last) query.lastWordIsPrefix = false;
  // A lone letter among other words is not yet a word ("gpt 4", "netwrok p"): it would match
  // nearly everything and decide nothing. Alone, it is what the user is starting to type.
  if (query.words.length > 1) {
    const kept = query.words.filter((w) => w.length > 1);
    if (kept[kept.length - 1] !== query.words[query.words.length - 1]) query.lastWordIsPrefix = false;
    query.words = kept;
  }
  query.words = [...new Set(query.words)];
  return query;
}

function applyField(query: ParsedQuery, field: string, value: string, quoted: boolean): boolean {
  switch (field) {
    case 'author':
    case 'authors':
    case 'by': {
      const words = queryWords(value);
      if (!words.length) return false;
      query.authors.push(...words);
      return true;
    }
    case 'tag':
    case 'tags':
      if (!value.trim()) return false;
      query.tags.push(tagWord(value));
      return true;
    case 'year': {
      const years = quoted ? null : parseYears(value);
      if (!years) return false;
      query.years = query.years
        ? { min: Math.max(query.years.min, years.min), max: Math.min(query.years.max, years.max) }
        : years;
      return true;
    }
    case 'source':
    case 'src': {
      const source = SOURCE_NAMES[value.toLowerCase()];
      if (!source) return false;
      if (!query.sources.includes(source)) query.sources.push(source);
      return true;
    }
    default:
      return false;
  }
}

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
  return (
    !q.words.length && !q.phrases.length && !q.excluded.length && !q.authors.length && !q.tags.length && !q.years && !q.sources.length
  );
}
