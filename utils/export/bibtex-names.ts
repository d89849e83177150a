import { joinName, splitName } from '../paper/names';
import { escapeTex, withoutOuterGroup } from './tex';
import { collapseWhitespace } from '../paper/text';

/**
 * Names in BibTeX's own syntax (btxdoc §4): `von Last, Jr, First`, institutions braced whole.
 * Written by the BibTeX export, read by the BibTeX import.
 */

/** "Jan van der Berg" → `van der Berg, Jan`; "Martin Luther King Jr." → `King, Jr., Martin Luther`. */
export function bibtexName(author: string): string {
  const name = splitName(author);
  if ('literal' in name) return `{${escapeTex(name.literal)}}`;
  const last = escapeTex([name.particle, name.family].filter(Boolean).join(' '));
  if (!name.given && !name.suffix) return last;
  return [last, ...(name.suffix ? [escapeTex(name.suffix)] : []), escapeTex(name.given)].join(', ');
}

/** Splits at `sep` where braces are closed. */
function splitTopLevel(text: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(text);
      if (m && m.index === i) {
        parts.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** A von token: its first letter outside braces is lower case (btxdoc). */
function isVon(token: string): boolean {
  let depth = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token[i]!;
    if (c === '{') {
      // {\"o}…: a special character counts as its letter.
      if (depth === 0 && token[i + 1] === '\\') {
        const letter = /^\{\\[^A-Za-z]?\s*\{?([A-Za-z])/.exec(token.slice(i))?.[1] ?? /^\{\\([A-Za-z])/.exec(token.slice(i))?.[1];
        if (letter) return letter === letter.toLowerCase();
      }
      depth++;
    } else if (c === '}') depth--;
    else if (depth === 0 && /\p{L}/u.test(c)) return c === c.toLowerCase() && c !== c.toUpperCase();
  }
  return false;
}

const ACCENTS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A', d: '\u0323', b: '\u0331',
};
const LETTERS: Record<string, string> = { o: 'ø', O: 'Ø', ss: 'ß', l: 'ł', L: 'Ł', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', i: 'ı', j: 'ȷ' };

/** TeX accents and special letters as Unicode, braces dropped: `G{\"o}del` → "Gödel". */
export function texToText(value: string): string {
  return value
    .replace(/\\([a-zA-Z]{1,2})\b\s*(?:\{\})?/g, (m, name: string) => LETTERS[name] ?? m)
    .replace(/\\(["'`^~=.]|[uvHckrdb](?![a-zA-Z]))\s*(?:\{\s*(\\?[a-zA-Z])\s*\}|(\\?[a-zA-Z]))/g, (m, accent: string, braced?: string, bare?: string) => {
      const base = (braced ?? bare ?? '').replace(/^\\([ij])$/, '$1');
      return ACCENTS[accent] ? `${base}${ACCENTS[accent]}` : m;
    })
    .replace(/[{}]/g, '')
    .replace(/\\([%&#_$])/g, '$1')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One BibTeX name as the library stores it ("First von Last Jr"). */
function readName(raw: string): string {
  const text = raw.trim();
  // {The LIGO Scientific Collaboration}: one name, not to be taken apart.
  const whole = withoutOuterGroup(text);
  if (whole !== text) return texToText(whole);
  const parts = splitTopLevel(text, /,/y);
  const words = (part: string) => splitTopLevel(part, /\s+/y).filter(Boolean);
  let first: string[];
  let von: string[] = [];
  let last: string[];
  let jr: string[] = [];
  if (parts.length === 1) {
    const tokens = words(parts[0]!);
    const firstVon = tokens.slice(0, -1).findIndex(isVon);
    if (firstVon < 0) {
      first = tokens.slice(0, -1);
      last = tokens.slice(-1);
    } else {
      let lastVon = firstVon;
      for (let i = firstVon; i < tokens.length - 1; i++) if (isVon(tokens[i]!)) lastVon = i;
      first = tokens.slice(0, firstVon);
      von = tokens.slice(firstVon, lastVon + 1);
      last = tokens.slice(lastVon + 1);
    }
  } else {
    const head = words(parts[0]!);
    let v = 0;
    while (v < head.length - 1 && isVon(head[v]!)) v++;
    von = head.slice(0, v);
    last = head.slice(v);
    if (parts.length === 2) first = words(parts[1]!);
    else {
      jr = words(parts[1]!);
      first = words(parts.slice(2).join(' '));
    }
  }
  return joinName({ given: texToText(first.join(' ')), particle: texToText(von.join(' ')), family: texToText(last.join(' ')), suffix: texToText(jr.join(' ')) });
}

/**
 * The authors of a BibTeX `author` field, and whether the list was cut short ("and others", as
 * Google Scholar writes after ten names).
 */
export function readBibtexNames(value: string): { names: string[]; truncated: boolean } {
  const all = splitTopLevel(collapseWhitespace(value), /\s+and\s+/iy).filter(Boolean);
  const names = all.filter((n) => !/^others$/i.test(n)).map(readName).filter(Boolean);
  return { names, truncated: names.length < all.length };
}
