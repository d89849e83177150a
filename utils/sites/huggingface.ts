/**
 * Hugging Face papers: URL detection, the paper objects its pages embed and its API returns, and
 * pure page parsers for paper pages and paper lists (daily, weekly, monthly, trending, search).
 * No browser APIs, so that every function here runs on saved pages in tests.
 */
import type { SeenPaper } from '../paper/schema';
import { parseArxivId, type ArxivIdParts } from '../paper/arxiv-id';
import { collapseWhitespace } from '../paper/text';
import { after, endOf, foundPaper, isoDay, withoutEmpty, type FoundPaper, type ParseResult, type Slot } from './common';
import { HF_HOST } from './hosts';

/** Whether an element already has the button for this paper: the page is scanned again as it changes. */
export type SkipPlaced = (anchor: Element, arxivId: string) => boolean;

/** Hugging Face only lists new-style arXiv ids. */
const HF_PAPER_PATH = /^\/papers\/(\d{4}\.\d{4,5}(?:v\d+)?)\/?$/;

/** The paper a Hugging Face paper page URL names (`/papers/<arxiv id>`), or null. */
export function hfPaperPageId(url: URL): ArxivIdParts | null {
  if (url.hostname !== HF_HOST) return null;
  const match = HF_PAPER_PATH.exec(url.pathname);
  return match ? parseArxivId(match[1]!) : null;
}

/** Any page under /papers that is not a single paper: daily/weekly/monthly lists, trending, search. */
export function isHfListPage(url: URL): boolean {
  return url.hostname === HF_HOST && /^\/papers(\/|$)/.test(url.pathname) && !hfPaperPageId(url);
}

export function hfApiUrl(arxivId: string): string {
  return `https://${HF_HOST}/api/papers/${arxivId}`;
}

/**
 * A paper's code repository and project page from its Hugging Face paper object (`githubRepo`,
 * `projectPage`, as in `/api/papers/<id>`); undefined when it links neither. Only http(s) links.
 */
export function hfCodeLinks(value: unknown): { repo?: string; projectPage?: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const obj = value as Record<string, unknown>;
  const link = (v: unknown) => (typeof v === 'string' && /^https?:\/\/[^\s"<>]+$/i.test(v.trim()) && v.length <= 2000 ? v.trim() : undefined);
  const links = { repo: link(obj.githubRepo), projectPage: link(obj.projectPage) };
  if (!links.repo) delete links.repo;
  if (!links.projectPage) delete links.projectPage;
  return links.repo || links.projectPage ? links : undefined;
}

interface HfAuthor {
  name?: unknown;
  hidden?: unknown;
}

/**
 * A Hugging Face paper object (as in `/api/papers/<id>` and in pages' data-props) as what the
 * page shows; null when it is not one.
 */
export function hfPaper(value: unknown): SeenPaper | null {
  if (!value || typeof value !== 'object') return null;
  const obj = value as Record<string, unknown>;
  const id = typeof obj.id === 'string' ? parseArxivId(obj.id) : null;
  if (!id || typeof obj.title !== 'string') return null;
  const authors = Array.isArray(obj.authors)
    ? (obj.authors as HfAuthor[])
        .filter((a) => a && a.hidden !== true && typeof a.name === 'string')
        .map((a) => collapseWhitespace(a.name as string))
        .filter(Boolean)
    : [];
  return withoutEmpty<SeenPaper>({
    arxivId: id.id,
    title: collapseWhitespace(obj.title),
    authors,
    abstract: typeof obj.summary === 'string' ? collapseWhitespace(obj.summary) : undefined,
    published: isoDay(obj.publishedAt),
  });
}

/** The JSON a Svelte island keeps in `data-props` (the attribute is already unescaped by the DOM). */
function props(el: Element | null): unknown {
  const raw = el?.getAttribute('data-props');
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * Every paper object anywhere in the page's embedded JSON, by arXiv id. Lists keep them in
 * `DailyPapers` (`dailyPapers[].paper`); other list views nest them differently, so this walks
 * the JSON rather than trusting one shape.
 */
export function embeddedPapers(doc: Document): Map<string, SeenPaper> {
  const found = new Map<string, SeenPaper>();
  const visit = (value: unknown, depth: number): void => {
    if (!value || typeof value !== 'object' || depth > 6) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const paper = hfPaper(value);
    if (paper && (paper.authors || paper.abstract)) {
      const known = found.get(paper.arxivId);
      if (!known || Object.keys(paper).length > Object.keys(known).length) found.set(paper.arxivId, paper);
      return;
    }
    for (const child of Object.values(value)) visit(child, depth + 1);
  };
  for (const el of doc.querySelectorAll('[data-target][data-props]')) visit(props(el), 0);
  return found;
}

/**
 * A paper page: the paper object in `PaperContent`'s data-props; its heading (or the document
 * title, "Paper page - <title>") when the data is missing or belongs to another paper, which
 * happens after client-side navigation. The background completes what is missing.
 */
export function parseHfPaperPage(doc: Document, url: URL, skip: SkipPlaced = () => false): ParseResult {
  const anchor = doc.querySelector('main h1, h1') ?? doc.querySelector('main') ?? doc.body;
  const id = hfPaperPageId(url);
  if (!id) return { papers: [], problems: [{ anchor, reason: 'no arXiv identifier in this address' }] };
  if (skip(anchor, id.id)) return { papers: [], problems: [] };
  const read = (): SeenPaper => {
    const data = props(doc.querySelector('[data-target="PaperContent"][data-props]')) as { paper?: unknown } | undefined;
    const fromData = hfPaper(data?.paper);
    if (fromData?.arxivId === id.id) return fromData;
    const heading = collapseWhitespace(doc.querySelector('main h1, h1')?.textContent ?? '');
    const title = heading || collapseWhitespace(doc.title.replace(/^Paper page\s*-\s*/, ''));
    return withoutEmpty<SeenPaper>({ arxivId: id.id, title });
  };
  const heading = anchor.matches('h1');
  const where = heading ? { slot: endOf(anchor), tight: {} } : { slot: after(anchor) };
  return { papers: [foundPaper(anchor, id.id, undefined, read, { ...where, entry: [doc.body] })], problems: [] };
}

/** Card title links: `<h3><a href="/papers/<id>">title</a></h3>` on every list view. */
const CARD_LINKS = 'article h3 a[href^="/papers/"], article h2 a[href^="/papers/"]';

/**
 * A list page: one entry per paper card, with the card's title heading as anchor. Title,
 * authors, abstract and date come from the embedded JSON, read when a paper is saved (the page
 * may have embedded more by then); a card without data (added by scrolling or after
 * client-side navigation) gives its title and the background the rest. `skip` leaves out
 * cards that already have a button.
 */
export function parseHfListPage(doc: Document, skip: SkipPlaced = () => false): ParseResult {
  const papers: FoundPaper[] = [];
  const seenCards = new Set<Element>();
  for (const link of doc.querySelectorAll(CARD_LINKS)) {
    const path = link.getAttribute('href')?.split(/[?#]/)[0] ?? '';
    const match = HF_PAPER_PATH.exec(path);
    const id = match ? parseArxivId(match[1]!) : null;
    const card = link.closest('article');
    const anchor = link.closest('h2, h3');
    if (!id || !card || !anchor || seenCards.has(card) || skip(anchor, id.id)) continue;
    seenCards.add(card);
    papers.push(
      foundPaper(
        anchor,
        id.id,
        undefined,
        () => embeddedPapers(doc).get(id.id) ?? withoutEmpty<SeenPaper>({ arxivId: id.id, title: collapseWhitespace(link.textContent ?? '') }),
        { slot: cardRowSlot(anchor), entry: [card] },
      ),
    );
  }
  return { papers, problems: [] };
}

/**
 * In a card, the row under the title (organisation on the left, comments on the right) has room
 * for the button, so the card keeps its height: first in the row's right-hand group. A card
 * without that row gets the button after its title.
 */
function cardRowSlot(heading: Element): Slot {
  const row = heading.nextElementSibling;
  const group = row?.lastElementChild;
  const classes = row?.getAttribute('class') ?? '';
  // A flex row (by its classes: no style is read, the parser stays pure and cheap).
  if (row && group && row.children.length > 1 && /\bflex\b/.test(classes) && !/\bflex-col\b/.test(classes)) return { parent: group, before: group.firstChild };
  return after(heading);
}

/**
 * The papers on any Hugging Face page Paperdex puts buttons on; null for other pages. The one
 * router of this site, used by the content script (again after every change of the page, with
 * `skip` leaving out papers that already have their button) and by the tests.
 */
export function parseHfPage(doc: Document, url: URL, skip?: SkipPlaced): ParseResult | null {
  if (hfPaperPageId(url)) return parseHfPaperPage(doc, url, skip);
  if (isHfListPage(url)) return parseHfListPage(doc, skip);
  return null;
}
