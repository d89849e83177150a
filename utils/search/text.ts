/**
 * How text becomes search words. The index, the query and the highlighter all use these, so a
 * word matches and lights up in exactly the same way everywhere.
 */

/** Function words so common that indexing them only costs memory. Never dropped from phrases. */
export const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it', 'its', 'of',
  'on', 'or', 'our', 'that', 'the', 'this', 'to', 'we', 'with',
]);

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD = /[\p{L}\p{N}]+/gu;

// eslint-disable-next-line no-control-regex -- "only ASCII" is a range starting at NUL
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case without accents: "Schäfl" → "schafl". */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * The text in lower case when that is also every word's folded form, in place (ASCII: most
 * texts), else null.
 */
export function asciiLower(text: string): string | null {
  return ASCII.test(text) ? text.toLowerCase() : null;
}

/** A word of the original text with where it stands, for highlighting. */
export interface Token {
  /** Folded word. */
  word: string;
  start: number;
  end: number;
}

/**
 * The words of a text with their positions in it. Folding can change lengths (ligatures), so
 * outside ASCII each word is folded alone and positions refer to the original text.
 */
export function tokens(text: string, lower = asciiLower(text)): Token[] {
  const out: Token[] = [];
  if (lower !== null) {
    // ASCII: a word is a run of letters and digits (what WORD matches there), found by char code.
    for (let i = 0, start = -1; i <= lower.length; i++) {
      const c = i < lower.length ? lower.charCodeAt(i) : 0;
      const inWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
      if (inWord && start < 0) start = i;
      else if (!inWord && start >= 0) {
        out.push({ word: lower.slice(start, i), start, end: i });
        start = -1;
      }
    }
    return out;
  }
  for (const m of text.matchAll(WORD)) {
    const end = m.index + m[0].length;
    out.push({ word: fold(m[0]), start: m.index, end });
  }
  return out;
}

/**
 * The index words of a text: its words of two or more characters that are not stop words,
 * plus hyphenated and slashed compounds joined ("Grad-CAM" also gives "gradcam").
 */
export function indexWords(text: string, into: Set<string> = new Set()): Set<string> {
  const folded = fold(text);
  for (const chunk of folded.split(/\s+/)) {
    const parts = chunk.match(WORD);
    if (!parts) continue;
    for (const part of parts) if (part.length > 1 && !STOP_WORDS.has(part)) into.add(part);
    if (parts.length > 1 && parts.length <= 4 && /[-‐‑/]/.test(chunk)) into.add(parts.join(''));
  }
  return into;
}

/** The words a user typed, folded, in order (stop words kept: the caller decides). */
export function queryWords(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/**
 * The index word of a property that is neither text nor a tag (`status:read`, `is:incomplete`,
 * `has:code`, a word of the venue's names `venue:neurips`): filtered on like a tag, never
 * matched by a typed word.
 */
export function flagWord(field: 'status' | 'is' | 'has' | 'venue', value: string): string {
  return `!${field}:${value}`;
}

/** A tag as a single index word: "#to-read". */
export function tagWord(tag: string): string {
  return `#${fold(tag).trim().replace(/\s+/g, ' ')}`;
}
