import { tokens, type Token } from './text';

/** A piece of text, marked when it is a word the query matched. Rendered as text, never HTML. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** Tokens of `text` that the query matched (a word itself, or a hyphenated compound of words). */
function hitTokens(all: Token[], text: string, terms: ReadonlySet<string>): boolean[] {
  const hit = all.map((t) => terms.has(t.word));
  for (let i = 0; i < all.length; i++) {
    let joined = all[i]!.word;
    for (let j = i + 1; j < Math.min(all.length, i + 4); j++) {
      if (!/^[-‐‑/]$/.test(text.slice(all[j - 1]!.end, all[j]!.start))) break;
      joined += all[j]!.word;
      if (terms.has(joined)) for (let k = i; k <= j; k++) hit[k] = true;
    }
  }
  return hit;
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

/** The whole text, with the matched words marked. */
export function highlight(text: string, terms: ReadonlySet<string>): Segment[] {
  if (!terms.size) return [{ text, hit: false }];
  const all = tokens(text);
  return segmentsOf(text, all, hitTokens(all, text, terms), 0, text.length);
}

/**
 * About `width` characters of a long text around its best stretch of matched words (the one
 * holding the most of them), cut at word boundaries, with "…" where it was cut.
 */
export function snippet(text: string, terms: ReadonlySet<string>, width = 180): Segment[] {
  if (!text) return [];
  const all = tokens(text);
  const hit = terms.size ? hitTokens(all, text, terms) : all.map(() => false);
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
  if (end < text.length) end = [...all].reverse().find((t) => t.end <= end && t.end > start)?.end ?? end;
  const body = segmentsOf(text, all, hit, start, end);
  if (start > 0) body.unshift({ text: '…', hit: false });
  if (end < text.length) body.push({ text: '…', hit: false });
  return body;
}
