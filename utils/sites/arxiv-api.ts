/**
 * arXiv export API (Atom feed) responses, parsed by XML namespace so that both the pre-2026
 * format (namespaces declared per element, line-wrapped text) and the 2026 one (namespaces on
 * <feed>, https links) read the same. Uses xmldom: an MV3 service worker has no DOMParser.
 */
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import type { SeenPaper } from '../paper/schema';
import { parseArxivId } from '../paper/arxiv-id';
import { collapseWhitespace } from '../paper/text';
import { isoDay, isWithdrawnComment, withoutEmpty } from './common';
import { ARXIV_API_HOST } from './hosts';

const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';
const OPENSEARCH = 'http://a9.com/-/spec/opensearch/1.1/';

export const ARXIV_API = `https://${ARXIV_API_HOST}/api/query`;

export interface ArxivFeed {
  papers: SeenPaper[];
  /** The message of an error entry (arXiv answers malformed ids with one, and HTTP 400). */
  error?: string;
  totalResults?: number;
}

/** The request for the latest versions of up to `ids.length` papers (ids without versions). */
export function arxivApiUrl(ids: readonly string[]): string {
  const params = new URLSearchParams({ id_list: ids.join(','), max_results: String(ids.length) });
  return `${ARXIV_API}?${params.toString()}`;
}

/** Throws only when the text is not an Atom feed at all. */
export function parseArxivFeed(xml: string): ArxivFeed {
  let doc;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
  } catch {
    throw new Error('arXiv sent a response that is not XML');
  }
  const feed = doc.documentElement;
  if (!feed || feed.localName !== 'feed' || feed.namespaceURI !== ATOM) throw new Error('arXiv sent a response that is not an Atom feed');

  const result: ArxivFeed = { papers: [] };
  const total = text(children(feed, OPENSEARCH, 'totalResults')[0]);
  if (/^\d+$/.test(total)) result.totalResults = Number(total);
  for (const entry of children(feed, ATOM, 'entry')) {
    const idText = text(children(entry, ATOM, 'id')[0]);
    if (/\/api\/errors/.test(idText)) {
      result.error = collapseWhitespace(text(children(entry, ATOM, 'summary')[0])) || 'arXiv reported an error';
      continue;
    }
    const paper = entryPaper(entry, idText);
    if (paper) result.papers.push(paper);
  }
  return result;
}

function entryPaper(entry: XmlElement, idText: string): SeenPaper | null {
  const path = /\/abs\/(.+)$/.exec(idText)?.[1];
  const id = path ? parseArxivId(path) : null;
  if (!id) return null;
  const title = collapseWhitespace(text(children(entry, ATOM, 'title')[0]));
  const comment = collapseWhitespace(text(children(entry, ARXIV, 'comment')[0]));
  const primary = children(entry, ARXIV, 'primary_category')[0]?.getAttribute('term') ?? '';
  const categories = [primary, ...children(entry, ATOM, 'category').map((c) => c.getAttribute('term') ?? '')];
  const paper: SeenPaper = {
    arxivId: id.id,
    version: id.version ?? 1,
    title,
    authors: children(entry, ATOM, 'author')
      .map((a) => collapseWhitespace(text(children(a, ATOM, 'name')[0])))
      .filter(Boolean),
    abstract: collapseWhitespace(text(children(entry, ATOM, 'summary')[0])),
    published: isoDay(text(children(entry, ATOM, 'published')[0])),
    updated: isoDay(text(children(entry, ATOM, 'updated')[0])),
    categories: [...new Set(categories.map((c) => c.trim()).filter(Boolean))],
  };
  const doi = collapseWhitespace(text(children(entry, ARXIV, 'doi')[0]));
  if (doi) paper.doi = doi;
  const journalRef = collapseWhitespace(text(children(entry, ARXIV, 'journal_ref')[0]));
  if (journalRef) paper.journalRef = journalRef;
  if (isWithdrawnComment(comment)) paper.withdrawn = true;
  return withoutEmpty(paper);
}

function children(parent: XmlElement, ns: string, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const el = node as XmlElement;
    if (node.nodeType === 1 && el.namespaceURI === ns && el.localName === name) found.push(el);
  }
  return found;
}

function text(el: XmlElement | undefined): string {
  return el?.textContent?.trim() ?? '';
}
