import { matchesAbstractPage, parseAbstractPage } from './arxiv';
import { isListingPage, isSearchPage, parseListingPage, parseSearchPage } from './arxiv-listing';
import type { ParseResult } from './common';

/** The papers on any arXiv page Paperdex puts buttons on; null for other pages. */
export function parseArxivPage(doc: Document, url: URL): ParseResult | null {
  if (matchesAbstractPage(url)) return parseAbstractPage(doc, url);
  if (isListingPage(url)) return parseListingPage(doc);
  if (isSearchPage(url)) return parseSearchPage(doc);
  return null;
}
