import { libraryToBibtex } from './bibtex';
import { libraryToMarkdown } from './markdown';
import type { Paper } from '../paper/schema';

/** One paper as a BibTeX entry, for the clipboard. */
export function paperAsBibtex(paper: Paper): string {
  return libraryToBibtex([paper]).trim();
}

/** One paper as a Markdown reading-list item, for the clipboard. */
export function paperAsMarkdown(paper: Paper): string {
  return libraryToMarkdown([paper]).split('\n').slice(4).join('\n').trim();
}
