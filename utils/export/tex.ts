/**
 * TeX in BibTeX fields. Titles and abstracts keep TeX as arXiv has it (`$\alpha$`, `\"o`,
 * `50\%`); only what would break a `.bib` file or a LaTeX run is escaped (README "Export
 * formats"). The rule, from the BibTeX manual (btxdoc) and the biblatex manual:
 *
 * - `%`, `&`, `#` are escaped everywhere (`\%`, `\&`, `\#`): a comment, an alignment tab and a
 *   macro parameter to LaTeX, in math too.
 * - Outside math, `_` → `\_`, `^` → `\textasciicircum{}`, a `$` that opens no math → `\$`,
 *   `<` `>` → `\textless{}` `\textgreater{}` (OT1 fonts print ¡ ¿), a `~` that starts a word
 *   (≈ "about") → `\textasciitilde{}`, a backslash that starts no command → `\textbackslash{}`.
 * - Math is what TeX would read as math: `$…$`, `$$…$$`, `\(…\)`, `\[…\]`; with an odd number of
 *   `$`, pandoc's rule picks the pairs (an opening `$` hugs the next character, a closing one the
 *   previous, and no digit follows it).
 * - Braces must balance (BibTeX counts every `{` and `}`, even `\{`): one without a partner
 *   becomes `\textbraceleft{}` / `\textbraceright{}` (`\lbrace` / `\rbrace` in math).
 * - Whitespace is collapsed: a blank line is `\par`, which no field may hold.
 *
 * Escaping escaped text changes nothing, so an export read back and exported again is the same.
 */

import { collapseWhitespace } from '../paper/text';

/** What escaping may change; text without any of it is written as it is. */
const SPECIAL = /[\\$%&#_^~<>{}]/;

/** A command, an escaped character, a lone backslash, a run of plain text, or one character. */
const TOKEN = /\\[A-Za-z]+\*?|\\[^A-Za-z]|\\$|[^\\$%&#_^~<>{}()[\]\s]+|[^]/gu;

function lex(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Which tokens are math: pairs of `$`, `$$`, `\(…\)`, `\[…\]`. */
function mathMask(tokens: readonly string[]): boolean[] {
  const math = new Array<boolean>(tokens.length).fill(false);
  // Most text has no math: one look for a delimiter settles it.
  if (!tokens.some((t) => t === '$' || t === '\\(' || t === '\\[')) return math;
  const mark = (from: number, to: number) => {
    for (let i = from; i <= to; i++) math[i] = true;
  };
  // \( … \) and \[ … \]
  for (const [open, close] of [['\\(', '\\)'], ['\\[', '\\]']] as const) {
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i] !== open || math[i]) continue;
      const j = tokens.indexOf(close, i + 1);
      if (j > 0) {
        mark(i, j);
        i = j;
      }
    }
  }
  // $$ … $$ first, then $ … $.
  for (let i = 0; i < tokens.length - 1; i++) {
    if (math[i] || tokens[i] !== '$' || tokens[i + 1] !== '$') continue;
    for (let j = i + 2; j < tokens.length - 1; j++) {
      if (math[j]) break;
      if (tokens[j] === '$' && tokens[j + 1] === '$') {
        mark(i, j + 1);
        i = j + 1;
        break;
      }
    }
  }
  const dollars = tokens.flatMap((t, i) => (t === '$' && !math[i] ? [i] : []));
  if (dollars.length % 2 === 0) {
    // TeX pairs them in order.
    for (let k = 0; k < dollars.length; k += 2) mark(dollars[k]!, dollars[k + 1]!);
  } else {
    const space = (t: string | undefined) => t === undefined || /^\s$/.test(t);
    for (let k = 0; k < dollars.length - 1; k++) {
      const [i, j] = [dollars[k]!, dollars[k + 1]!];
      const opens = !space(tokens[i + 1]) && tokens[i + 1] !== '$';
      const closes = !space(tokens[j - 1]) && !/^\d/.test(tokens[j + 1] ?? '');
      if (opens && closes && j > i + 1) {
        mark(i, j);
        k++;
      }
    }
  }
  return math;
}

const TEXT_ESCAPES: Partial<Record<string, string>> = {
  _: '\\_',
  '^': '\\textasciicircum{}',
  $: '\\$',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Text as a BibTeX field value: TeX kept as written, what would break escaped (see above). */
export function escapeTex(input: string): string {
  const text = collapseWhitespace(input);
  if (!SPECIAL.test(text)) return text;
  const raw = lex(text);
  const math = mathMask(raw);
  const out = raw.slice();
  // Text braces balance across the text, each math segment on its own; `{` pairs with `}` and
  // `\{` with `\}` (LaTeX needs the first kind to match, BibTeX counts both). Open braces
  // wait on a stack per group and kind: 0/1 for the text's, 2/3 for the math segment's.
  const open: number[][] = [[], [], [], []];
  const neutralise = (i: number) => {
    const left = raw[i]!.endsWith('{');
    // `{}` ends the command without a space: "$\\lbrace $" followed by a space would not
    // survive the import's whitespace collapsing, and the export would not be a fixed point.
    out[i] = math[i] ? (left ? '\\lbrace{}' : '\\rbrace{}') : left ? '\\textbraceleft{}' : '\\textbraceright{}';
  };
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    // A run of plain text (most tokens) needs nothing.
    if (t.length > 1 && t[0] !== '\\') continue;
    const inMath = math[i]!;
    if (inMath && (i === 0 || !math[i - 1])) {
      // A new math segment: what the last one left open stays without a partner.
      open[2]!.splice(0).forEach(neutralise);
      open[3]!.splice(0).forEach(neutralise);
    }
    if (t === '%' || t === '&' || t === '#') out[i] = `\\${t}`;
    else if (t === '\\') out[i] = '\\textbackslash{}';
    else if (!inMath && TEXT_ESCAPES[t]) out[i] = TEXT_ESCAPES[t];
    else if (!inMath && t === '~' && (i === 0 || raw[i - 1] === ' ')) out[i] = '\\textasciitilde{}';
    // A math delimiter left without its partner is text.
    else if (!inMath && (t === '\\(' || t === '\\)' || t === '\\[' || t === '\\]')) out[i] = `\\textbackslash{}${t.slice(1)}`;
    else if (t === '{' || t === '}' || t === '\\{' || t === '\\}') {
      const stack = open[(inMath ? 2 : 0) + (t.length === 1 ? 0 : 1)]!;
      if (t.endsWith('{')) stack.push(i);
      else if (stack.pop() === undefined) neutralise(i);
    }
  }
  for (const stack of open) stack.forEach(neutralise);
  return out.join('');
}

/**
 * Drops braces that only protect case outside math (`{BERT}`, `{T}he`), as DBLP writes titles:
 * a group of plain text, not the argument of a command. Paperdex protects a whole title
 * instead, so these say nothing more.
 */
export function unwrapCaseProtection(text: string): string {
  if (!text.includes('{')) return text;
  const tokens = lex(text);
  const math = mathMask(tokens);
  const drop = new Set<number>();
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (math[i]) continue;
    if (t === '{') stack.push(i);
    else if (t === '}') {
      const start = stack.pop();
      if (start === undefined) continue;
      const inner = tokens.slice(start + 1, i);
      const before = tokens[start - 1] ?? '';
      const plain = inner.length > 0 && inner.every((x, k) => !x.startsWith('\\') && x !== '{' && x !== '}' && x !== '$' && !math[start + 1 + k]);
      const argument = before.startsWith('\\') || before === '}' || before === ']' || before === '^' || before === '_';
      if (plain && !argument) drop.add(start).add(i);
    }
  }
  return drop.size
    ? tokens
        .filter((_, i) => !drop.has(i))
        .join('')
        .replace(/ {2,}/g, ' ')
        .trim()
    : text;
}

/**
 * The value of a field that a style may change the case of (a title), as Paperdex writes it:
 * escaped, with case-protection groups dropped, the whole wrapped in one pair of braces so that
 * no style lowercases an acronym or a formula.
 */
export function protectedTitle(title: string): string {
  return `{${unwrapCaseProtection(escapeTex(title))}}`;
}

const TEXT_UNESCAPES: Record<string, string> = { '\\_': '_', '\\&': '&', '\\%': '%', '\\#': '#', '\\textless': '<', '\\textgreater': '>', '\\textasciicircum': '^' };

/**
 * TeX read from a BibTeX field, as the library keeps text: TeX as written, but the escapes that
 * `escapeTex` adds for plain characters outside math (`\%`, `\&`, `\#`, `\_`, `\textless{}`,
 * `\textgreater{}`, `\textasciicircum{}`, a word's leading `\textasciitilde{}`) read back as those
 * characters. Exporting it again gives the same field.
 */
export function readTex(value: string): string {
  const text = collapseWhitespace(value);
  if (!text.includes('\\')) return text;
  const tokens = lex(text);
  const math = mathMask(tokens);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const empty = tokens[i + 1] === '{' && tokens[i + 2] === '}';
    if (!math[i] && TEXT_UNESCAPES[t] && (t.length === 2 || empty)) {
      out.push(TEXT_UNESCAPES[t]!);
      if (t.length > 2) i += 2;
    } else if (!math[i] && t === '\\textasciitilde' && empty && (i === 0 || tokens[i - 1] === ' ')) {
      out.push('~');
      i += 2;
    } else out.push(t);
  }
  return out.join('');
}

/** The text of a title read from BibTeX: one outer group around the whole removed, case protection dropped. */
export function readTitle(value: string): string {
  return readTex(unwrapCaseProtection(withoutOuterGroup(collapseWhitespace(value))));
}

/** `{…}` around the whole value removed, once; anything else left alone. */
export function withoutOuterGroup(value: string): string {
  if (!value.startsWith('{') || !value.endsWith('}')) return value;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0 && i < value.length - 1) return value;
  }
  return depth === 0 ? value.slice(1, -1) : value;
}

/** What `escapeTex` made of text that holds no TeX of its own (a tag), back to the text. */
export function unescapePlain(value: string): string {
  return value
    .replace(/\\textasciicircum\{\}/g, '^')
    .replace(/\\textasciitilde\{\}/g, '~')
    .replace(/\\textless\{\}/g, '<')
    .replace(/\\textgreater\{\}/g, '>')
    .replace(/\\([%&#_$])/g, '$1');
}
