import type { Paper } from './schema';

/** How a paper is named in lists: short forms shared by the popup, the library page and exports. */

/** The first authors for a compact listing: "A, B, C" or "A, B, C et al.". */
export function shortAuthors(authors: readonly string[], max = 3): string {
  if (authors.length <= max) return authors.join(', ');
  return `${authors.slice(0, max).join(', ')} et al.`;
}

/**
 * Rows a list of results renders at first, and adds as it is scrolled: the popup's list (about
 * 470 px) shows four or five rows with an abstract line (92 px or more each), so seven fill it
 * with room to spare. Every keystroke renders them again: no more than a screenful.
 */
export const LIST_PAGE = 7;

/** What the "incomplete" badge of a result row means, on hover. */
export const INCOMPLETE_HINT = 'Saved without its abstract, authors or exact date: Paperdex fetches them when arXiv answers';

// One formatter: toLocaleString builds a new one per call (a millisecond each, every keystroke),
// and each number formatted once: formatting is still a tenth of a millisecond, and the same
// counts come back at every keystroke.
const NUMBER = new Intl.NumberFormat('en');
const FORMATTED = new Map<number, string>();

/** A count as people read it: "10,000". */
export function formatCount(count: number): string {
  let text = FORMATTED.get(count);
  if (text === undefined) {
    if (FORMATTED.size >= 1000) FORMATTED.clear();
    text = NUMBER.format(count);
    FORMATTED.set(count, text);
  }
  return text;
}

/** "1 paper", "10,000 papers". */
export function paperCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'paper' : 'papers'}`;
}

/** The line above a list of results (the library is not empty and the count is known). */
export function resultLine(query: string, count: number, relaxed: boolean): string {
  const q = query.trim();
  if (count === 0 && q) return `No saved paper matches “${q}”.`;
  const papers = paperCount(count);
  return !q ? `${papers}, newest first` : relaxed ? `${papers} match all but one word` : `${papers} match`;
}

export function paperYear(paper: Pick<Paper, 'published'>): string {
  return paper.published.slice(0, 4);
}
