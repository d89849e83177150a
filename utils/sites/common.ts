import type { PaperMetadata } from '../paper';

/** A paper found on a page, with the element its Save button goes beside. */
export interface FoundPaper {
  paper: PaperMetadata;
  anchor: Element;
}

/** Something on the page that looked like a paper but could not be read. */
export interface PageProblem {
  anchor: Element;
  reason: string;
}

export interface ParseResult {
  papers: FoundPaper[];
  problems: PageProblem[];
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * "Last, First" (as in `citation_author`) becomes "First Last"; "Last, Jr., First" becomes
 * "First Last Jr."; names without a comma (collaborations, "First Last") stay as written.
 */
export function flipAuthorName(name: string): string {
  const parts = collapseWhitespace(name)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 2) return `${parts[1]} ${parts[0]}`;
  if (parts.length === 3) return `${parts[2]} ${parts[0]} ${parts[1]}`;
  return parts.join(', ');
}
