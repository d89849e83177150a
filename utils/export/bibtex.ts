import { MONTH_ABBREVIATIONS } from '../paper/dates';
import { surname } from '../paper/names';
import type { Paper } from '../paper/schema';
import { normalizeTags } from '../paper/tags';
import { bibtexName } from './bibtex-names';
import { citedAs, type CiteOptions } from './citation';
import { escapeTex, protectedTitle, unwrapCaseProtection } from './tex';

/**
 * BibTeX for a library: `@misc` with the arXiv eprint fields, or `@article` when arXiv lists a
 * journal reference. TeX in titles and abstracts is kept as written and only what would break
 * a .bib file or a LaTeX run is escaped (tex.ts); names are in BibTeX's `von Last, Jr, First`
 * form (bibtex-names.ts). Keys are stable, unique and readable: first author's family name,
 * year, first significant title word (`vaswani2017attention`), a letter added on a clash.
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
  // From the title as written to the file, so that a file read back keys the same: TeX commands
  // are no words ("$\mathcal{O}(n)$ sorting" is keyed by "sorting"), braces only group.
  const word = unwrapCaseProtection(escapeTex(paper.title))
    .replace(/\\[a-zA-Z]+/g, ' ')
    // Braces only group: "{BERT}ology" is keyed by "bertology".
    .replace(/[{}]/g, '')
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

/** A verbatim field (doi, url): braces and backslashes percent-encoded, nothing else touched. */
function verbatim(text: string): string {
  return text.trim().replace(/[{}\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The DOI a citation should carry: the journal's, else arXiv's own (DataCite) DOI. */
export function citationDoi(paper: Pick<Paper, 'doi' | 'arxivId'>): string {
  return paper.doi ?? `10.48550/arXiv.${paper.arxivId}`;
}

/**
 * One entry. Both citation styles find the arXiv fields: BibTeX/natbib read `eprint`,
 * `archivePrefix`, `primaryClass`; biblatex reads `eprinttype`, `eprintclass` and the full
 * `date` (the month only when Paperdex knows no exact day: an incomplete record) and the arXiv
 * `version`. A preprint is `@misc`; a paper with arXiv's journal reference `@article` with it
 * as `journal`. A paper known to be published (and `asPublished`, the default) is cited as
 * published: `@inproceedings` with `booktitle`, or `@article` with `journal`, volume, number,
 * pages, publisher and the published DOI, its year the venue's, the arXiv fields kept.
 */
export function paperToBibtex(paper: Paper, key: string, options: CiteOptions = {}): string {
  const cited = citedAs(paper, options);
  const published = cited.as === 'conference' || cited.as === 'journal' ? cited : null;
  const [year, month, day] = paper.published.split('-');
  const primary = paper.categories[0] ?? '';
  const venueYear = published?.year ? String(published.year) : year;
  const fields: [string, string][] = [
    ['title', protectedTitle(paper.title)],
    ['author', paper.authors.map(bibtexName).join(' and ')],
    ['booktitle', cited.as === 'conference' ? escapeTex(cited.container) : ''],
    ['journal', cited.as === 'journal' || cited.as === 'journal-ref' ? escapeTex(cited.container) : ''],
    ['volume', escapeTex(published?.volume ?? '')],
    ['number', escapeTex(published?.number ?? '')],
    ['pages', escapeTex(published?.pages?.replace(/\s*[–—]\s*/g, '--') ?? '')],
    ['publisher', escapeTex(published?.publisher ?? '')],
    ['year', published ? (venueYear ?? '') : (year ?? '')],
    ['month', published ? '' : (MONTH_ABBREVIATIONS[Number(month) - 1] ?? '')],
    ['date', published ? (venueYear ?? '') : paper.incomplete ? `${year}-${month}` : `${year}-${month}-${day}`],
    ['version', String(paper.version)],
    ['eprint', paper.arxivId],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', primary],
    ['eprinttype', 'arxiv'],
    ['eprintclass', primary],
    ['doi', verbatim(published?.doi ?? citationDoi(paper))],
    ['url', verbatim(published?.url ?? paper.url)],
    ['abstract', escapeTex(paper.abstract)],
    // Tags hold no braces or backslashes (see normalizeTags); what else TeX reads is escaped.
    ['keywords', normalizeTags(paper.tags).map(escapeTex).join(', ')],
    ['note', paper.withdrawn ? 'Withdrawn' : ''],
  ];
  const body = fields
    .filter(([, value]) => value)
    .map(([name, value]) => (name === 'month' ? `  ${name} = ${value}` : `  ${name} = {${value}}`))
    .join(',\n');
  const type = cited.as === 'conference' ? 'inproceedings' : cited.as === 'preprint' ? 'misc' : 'article';
  return `@${type}{${key},\n${body}\n}`;
}

export function libraryToBibtex(papers: readonly Paper[], options: CiteOptions = {}): string {
  const keys = citationKeys(papers);
  return papers.map((paper, i) => paperToBibtex(paper, keys[i]!, options)).join('\n\n') + (papers.length ? '\n' : '');
}
