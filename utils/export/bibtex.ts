import { MONTH_ABBREVIATIONS } from '../paper/dates';
import { surname } from '../paper/names';
import type { Paper } from '../paper/schema';
import { normalizeTags } from '../paper/tags';

/**
 * BibTeX for a library: `@misc` with the arXiv eprint fields (biblatex and natbib styles cite
 * them), or `@article` when a journal reference or DOI is known. Keys are stable, unique and
 * readable: first author's surname, year, first significant title word (`vaswani2017attention`),
 * a letter added on a clash. Every TeX special character is escaped, so that titles and names
 * come back from any BibTeX parser exactly as stored.
 */

const STOP_WORDS = new Set([
  'a', 'an', 'the', 'on', 'of', 'for', 'and', 'in', 'to', 'with', 'from', 'by', 'at', 'is', 'are', 'via', 'towards', 'toward', 'into', 'how', 'what', 'why', 'when', 'do', 'does', 'can', 'we', 'our',
]);

/** Letters that do not decompose into a base letter and an accent. */
const TRANSLITERATION: Record<string, string> = { ø: 'o', ß: 'ss', ł: 'l', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

/** ASCII letters and digits of a word, accents removed: "Müller" → "muller", "Ørsted" → "orsted". */
function keyPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øßłæœđðþıħ]/g, (c) => TRANSLITERATION[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

export function baseKey(paper: Pick<Paper, 'authors' | 'published' | 'title' | 'arxivId'>): string {
  const author = keyPart(surname(paper.authors[0] ?? '')) || 'anon';
  const year = paper.published.slice(0, 4);
  const word = paper.title
    .split(/[^\p{L}\p{N}]+/u)
    .map(keyPart)
    .find((w) => w.length > 1 && !STOP_WORDS.has(w));
  return `${author}${year}${word ?? keyPart(paper.arxivId)}`;
}

/**
 * Keys for papers, in their order: the base key, then `…b`, `…c`, … on clashes. Clashing papers
 * are lettered by arXiv id, not by export order, so that a key does not change when the list is
 * sorted differently or a newer paper joins.
 */
export function citationKeys(papers: readonly Pick<Paper, 'authors' | 'published' | 'title' | 'arxivId'>[]): string[] {
  const bases = papers.map(baseKey);
  const groups = new Map<string, number[]>();
  bases.forEach((base, i) => groups.set(base, [...(groups.get(base) ?? []), i]));
  const keys = [...bases];
  const used = new Set(bases);
  for (const [base, members] of groups) {
    if (members.length < 2) continue;
    members.sort((a, b) => (papers[a]!.arxivId < papers[b]!.arxivId ? -1 : papers[a]!.arxivId > papers[b]!.arxivId ? 1 : a - b));
    let n = 0;
    for (const i of members.slice(1)) {
      let key;
      do key = base + letters(++n);
      while (used.has(key));
      used.add(key);
      keys[i] = key;
    }
  }
  return keys;
}

function letters(n: number): string {
  // 1 → b, 2 → c, …, 25 → z, 26 → ba, …: the first clash reads as the second paper ("b").
  let out = '';
  let k = n;
  while (k > 0) {
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26);
  }
  return out;
}

const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // Not \{ and \}: classic BibTeX counts braces even after a backslash.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '$': '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  '_': '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/**
 * Text as a TeX-safe field value: every special character escaped, whitespace collapsed, and
 * TeX's ligatures (`--` dashes, ``` `` ``` and `''` quotes, `?``) broken with `{}` so that they
 * stay the characters they were.
 */
export function escapeTex(text: string): string {
  // Stored text is already collapsed: the whitespace pass only runs when it is needed.
  let t = text.trim();
  if (/[^\S ]| {2}/.test(t)) t = t.replace(/\s+/g, ' ');
  return t.replace(/[\\{}$&%#_~^<>]|[-`'!?](?=[-`'])/g, (m) => TEX_SPECIALS[m] ?? `${m}{}`);
}

/** A verbatim field (doi, url): braces and backslashes percent-encoded, nothing else touched. */
function verbatim(text: string): string {
  return text.trim().replace(/[{}\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A name as BibTeX reads it back: "Last, First", braced whole when it is an institution. */
function bibName(author: string): string {
  const name = author.trim();
  const parts = name.split(/\s+/);
  if (parts.length === 1 || /\b(collaboration|consortium|team|group|project|institute|university)\b/i.test(name) || name.includes(',')) {
    return `{${escapeTex(name)}}`;
  }
  const last = surname(name);
  const lastIndex = parts.lastIndexOf(last);
  const first = parts.slice(0, lastIndex).join(' ');
  const suffix = parts.slice(lastIndex + 1).join(' ');
  return `{${escapeTex(last)}}, ${suffix ? `${escapeTex(suffix)}, ` : ''}${escapeTex(first)}`;
}

export function paperToBibtex(paper: Paper, key: string): string {
  const isArticle = Boolean(paper.journalRef || paper.doi);
  const fields: [string, string][] = [
    ['title', `{${escapeTex(paper.title)}}`],
    ['author', paper.authors.map(bibName).join(' and ')],
    ['year', paper.published.slice(0, 4)],
    ['month', MONTH_ABBREVIATIONS[Number(paper.published.slice(5, 7)) - 1] ?? ''],
    ['eprint', paper.arxivId],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', escapeTex(paper.categories[0] ?? '')],
    ['journal', isArticle ? escapeTex(paper.journalRef ?? 'arXiv preprint') : ''],
    ['doi', verbatim(paper.doi ?? '')],
    ['url', verbatim(paper.url)],
    ['abstract', escapeTex(paper.abstract)],
    // Tags cannot hold TeX specials (see normalizeTags), and parsers read keywords verbatim.
    ['keywords', normalizeTags(paper.tags).join(', ')],
    ['note', paper.withdrawn ? 'Withdrawn' : ''],
  ];
  const body = fields
    .filter(([, value]) => value)
    .map(([name, value]) => (name === 'month' ? `  ${name} = ${value}` : `  ${name} = {${value}}`))
    .join(',\n');
  return `@${isArticle ? 'article' : 'misc'}{${key},\n${body}\n}`;
}

export function libraryToBibtex(papers: readonly Paper[]): string {
  const keys = citationKeys(papers);
  return papers.map((paper, i) => paperToBibtex(paper, keys[i]!)).join('\n\n') + (papers.length ? '\n' : '');
}
