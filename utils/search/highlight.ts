import { remember } from './kept';
import { asciiLower, tokens, type Token } from './text';

/** A piece of text, marked when it is a word the query matched. Rendered as text, never HTML. */
export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * A text cut into words once: its words, where a hyphen or slash joins words into a compound
 * (the index of each compound's first word), and the text in lower case when that keeps every
 * word where it is (ASCII).
 */
interface Words {
  all: Token[];
  compounds: number[];
  joined: boolean[];
  lower: string | null;
}

/** Texts on screen are highlighted again at every keystroke: their words are cut once. */
const WORDS = new Map<string, Words>();
const WORDS_KEPT = 500;
/** What joins two words into a compound: hyphen, Unicode hyphen, non-breaking hyphen, slash. */
const JOINERS = new Set([...'-‐‑/'].map((c) => c.charCodeAt(0)));

function wordsOf(text: string): Words {
  let words = WORDS.get(text);
  if (!words) {
    const lower = asciiLower(text);
    const all = tokens(text, lower);
    const joined = all.map((t, i) => i > 0 && t.start === all[i - 1]!.end + 1 && JOINERS.has(text.charCodeAt(t.start - 1)));
    const compounds = joined.flatMap((j, i) => (!j && joined[i + 1] ? [i] : []));
    words = remember(WORDS, text, { all, joined, compounds, lower }, WORDS_KEPT);
  }
  return words;
}

/**
 * Tokens the query matched (a word itself, or a hyphenated compound of words). In an ASCII
 * text only the terms it contains are looked for among its words: a term is a word or a
 * compound, a few of them in a text of hundreds of words.
 */
function hitTokens({ all, joined, compounds, lower }: Words, terms: ReadonlySet<string>): boolean[] {
  const hit = new Array<boolean>(all.length).fill(false);
  if (lower === null) {
    for (let i = 0; i < all.length; i++) hit[i] = terms.has(all[i]!.word);
  } else {
    // Where the term stands in the text, a word of it when one starts and ends there.
    for (const term of terms) {
      if (!term) continue;
      for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        const i = tokenAt(all, at);
        if (i >= 0 && all[i]!.end === at + term.length) hit[i] = true;
      }
    }
  }
  // Every run of joined words, from each of its words: "state-space-model" gives
  // "statespace", "statespacemodel" and "spacemodel".
  for (const first of compounds) {
    for (let i = first; i < all.length && (i === first || joined[i]); i++) {
      let compound = all[i]!.word;
      for (let j = i + 1; j < Math.min(all.length, i + 4) && joined[j]; j++) {
        compound += all[j]!.word;
        if (terms.has(compound)) for (let k = i; k <= j; k++) hit[k] = true;
      }
    }
  }
  return hit;
}

/** The token starting at a position (tokens are in order), or -1. */
function tokenAt(all: Token[], start: number): number {
  let lo = 0;
  let hi = all.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = all[mid]!.start;
    if (at === start) return mid;
    if (at < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function segmentsOf(text: string, all: Token[], hit: boolean[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    if (!hit[i] || t.start < from || t.end > to) continue;
    if (t.start > at) out.push({ text: text.slice(at, t.start), hit: false });
    out.push({ text: text.slice(t.start, t.end), hit: true });
    at = t.end;
  }
  if (at < to) out.push({ text: text.slice(at, to), hit: false });
  return out;
}

/**
 * Whether any term can be among the text's words or compounds: false only for an ASCII text
 * whose letters and digits, lowered and run together, hold no term anywhere (every word and
 * every compound of joined words is a stretch of them). Most abstracts on screen miss the words
 * typed, and are then never cut up.
 */
function mayHold(text: string, terms: ReadonlySet<string>): boolean {
  if (WORDS.has(text)) return true;
  const run = runOf(text);
  if (run === null) return true;
  for (const term of terms) if (run.includes(term)) return true;
  return false;
}
const NOT_WORD = /[^a-z0-9]+/g;

/** Texts on screen are asked about again at every keystroke: their runs are made once. */
const RUNS = new Map<string, string | null>();

/** A text's letters and digits lowered and run together; null when it is not ASCII. */
function runOf(text: string): string | null {
  const run = RUNS.get(text);
  return run !== undefined ? run : remember(RUNS, text, asciiLower(text)?.replace(NOT_WORD, '') ?? null, WORDS_KEPT);
}

/** The whole text, with the matched words marked. */
export function highlight(text: string, terms: ReadonlySet<string>): Segment[] {
  if (!terms.size) return [{ text, hit: false }];
  const words = wordsOf(text);
  return segmentsOf(text, words.all, hitTokens(words, terms), 0, text.length);
}

/**
 * About `width` characters of a long text around its best stretch of matched words (the one
 * holding the most of them), cut at word boundaries, with "…" where it was cut.
 */
export function snippet(text: string, terms: ReadonlySet<string>, width = 180): Segment[] {
  if (!text) return [];
  // Without terms, or none in the text, the snippet is the text's start: only that much is cut
  // into words.
  const words = terms.size && mayHold(text, terms) ? wordsOf(text) : null;
  const all = words ? words.all : tokens(text.slice(0, width + 40));
  const hit = words ? hitTokens(words, terms) : all.map(() => false);
  const hits = all.filter((_, i) => hit[i]);
  let start = 0;
  if (hits.length) {
    let bestCount = 0;
    for (let i = 0, j = 0; i < hits.length; i++) {
      while (j < hits.length && hits[j]!.end - hits[i]!.start <= width) j++;
      if (j - i > bestCount) {
        bestCount = j - i;
        start = hits[i]!.start;
      }
    }
    start = Math.max(0, start - Math.floor(width / 5));
  }
  let end = Math.min(text.length, start + width);
  // Move both cuts to word boundaries.
  if (start > 0) start = all.find((t) => t.start >= start)?.start ?? start;
  if (end < text.length) {
    let last = all.length - 1;
    while (last >= 0 && !(all[last]!.end <= end && all[last]!.end > start)) last--;
    if (last >= 0) end = all[last]!.end;
  }
  const body = segmentsOf(text, all, hit, start, end);
  if (start > 0) body.unshift({ text: '…', hit: false });
  if (end < text.length) body.push({ text: '…', hit: false });
  return body;
}
