/**
 * arXiv: URL detection and pure page parsers. No browser APIs, no global `location`, no DOM writes,
 * so that every function here runs on saved pages in tests.
 */
import { isoDate, monthNumber } from '../paper/dates';
import type { SeenPaper } from '../paper/schema';
import { collapseWhitespace } from '../paper/text';
import { after, all, endOf, first, flipAuthorName, isWithdrawnComment, type ParseResult } from './common';
import { ARXIV_HOSTS } from './hosts';
import { parseArxivId, type ArxivIdParts } from '../paper/arxiv-id';

/** Page elements the DOM fallbacks use, kept in one place. */
const SELECTORS = {
  title: ['#abs h1.title', 'h1.title', '#abs h1', 'h1'],
  authors: ['#abs div.authors a', 'div.authors a'],
  abstract: ['#abs blockquote.abstract', 'blockquote.abstract'],
  subjects: ['td.tablecell.subjects', 'td.subjects'],
  journalDoi: ['td.tablecell.doi a', 'td.doi a'],
  journalRef: ['td.tablecell.jref', 'td.jref'],
  comments: ['td.tablecell.comments', 'td.comments'],
  dateline: ['#abs div.dateline', 'div.dateline'],
  history: ['div.submission-history'],
  fallbackAnchor: ['#abs', '#content-inner', 'main', '#content'],
} as const;

export function isArxivHost(url: URL): boolean {
  return (ARXIV_HOSTS as readonly string[]).includes(url.hostname);
}

/** The paper an abstract page URL names (`/abs/<id>[vN]`), or null for any other page. */
export function abstractPageId(url: URL): ArxivIdParts | null {
  return isArxivHost(url) ? idInPath(url.pathname, /^\/abs\/(.+?)\/?$/) : null;
}

/**
 * The paper any arXiv page about one paper names: the abstract page, the PDF (`/pdf/<id>[vN]`,
 * with or without `.pdf`), the HTML view (`/html/<id>[vN]`, and pages inside it), or null.
 */
export function arxivPaperPageId(url: URL): ArxivIdParts | null {
  if (!isArxivHost(url)) return null;
  return (
    abstractPageId(url) ??
    idInPath(url.pathname, /^\/pdf\/(.+?)(?:\.pdf)?\/?$/) ??
    idInPath(url.pathname, /^\/html\/([a-z-]+(?:\.[A-Za-z-]+)?\/\d{7}(?:v\d+)?|\d{4}\.\d{4,5}(?:v\d+)?)(?:\/.*)?$/)
  );
}

function idInPath(pathname: string, pattern: RegExp): ArxivIdParts | null {
  const match = pattern.exec(pathname);
  if (!match) return null;
  try {
    return parseArxivId(decodeURIComponent(match[1]!));
  } catch {
    return null; // a malformed %-escape is no paper
  }
}

export function matchesAbstractPage(url: URL): boolean {
  return abstractPageId(url) !== null;
}

/**
 * Parses an arXiv abstract page: `citation_*` meta tags first (stable across layouts), the
 * visible page as fallback. Returns the one paper with the element to put its button beside, or a
 * problem saying why the page could not be read.
 */
export function parseAbstractPage(doc: Document, url: URL): ParseResult {
  const anchor = first(doc, SELECTORS.title) ?? first(doc, SELECTORS.fallbackAnchor) ?? doc.body;
  const fromUrl = abstractPageId(url);
  const metaId = parseArxivId(meta(doc, 'citation_arxiv_id') ?? '');
  const id = metaId?.id ?? fromUrl?.id;
  if (!id) return problem(anchor, 'no arXiv identifier on this page');

  const title = collapseWhitespace(meta(doc, 'citation_title') ?? readableText(first(doc, SELECTORS.title)));
  if (!title) return problem(anchor, 'no title on this page');

  const metaAuthors = metaAll(doc, 'citation_author').map(flipAuthorName);
  const authors = metaAuthors.length
    ? metaAuthors
    : all(doc, SELECTORS.authors).map((a) => collapseWhitespace(a.textContent ?? ''));

  const abstract = collapseWhitespace(
    meta(doc, 'citation_abstract') ?? readableText(first(doc, SELECTORS.abstract)),
  );

  const history = submissionHistory(doc);
  const version =
    fromUrl?.version ??
    parseArxivId(ogUrlId(doc) ?? '')?.version ??
    thisVersion(doc) ??
    (history.length ? history[history.length - 1]!.version : 1);
  const published = metaDate(doc, 'citation_date') ?? history[0]?.date;
  if (!published) return problem(anchor, 'no submission date on this page');
  const updated =
    metaDate(doc, 'citation_online_date') ?? history.find((h) => h.version === version)?.date ?? published;

  const paper: SeenPaper = {
    arxivId: id,
    version,
    title,
    authors: authors.filter(Boolean),
    abstract,
    published,
    updated,
    categories: categories(doc),
  };
  const doi = journalDoi(doc);
  if (doi) paper.doi = doi;
  const journalRef = collapseWhitespace(first(doc, SELECTORS.journalRef)?.textContent ?? '');
  if (journalRef) paper.journalRef = journalRef;
  const shownVersion = history.find((h) => h.version === version);
  if (shownVersion?.withdrawn || isWithdrawnComment(first(doc, SELECTORS.comments)?.textContent ?? '')) {
    paper.withdrawn = true;
  }
  // The button goes at the end of the title, or the dateline above it when the title's last line
  // is full; after a fallback anchor otherwise.
  const isTitle = anchor.matches(SELECTORS.title.join(','));
  const slot = isTitle ? endOf(anchor) : after(anchor);
  const dateline = first(doc, SELECTORS.dateline);
  const tight = isTitle ? { ...(dateline ? { fallback: endOf(dateline) } : {}) } : undefined;
  return { papers: [{ arxivId: id, version, anchor, slot, ...(tight ? { tight } : {}), entry: [doc.body], paper }], problems: [] };
}

function problem(anchor: Element, reason: string): ParseResult {
  return { papers: [], problems: [{ anchor, reason }] };
}

function meta(doc: Document, name: string): string | undefined {
  const value = doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim();
  return value ? value : undefined;
}

function metaAll(doc: Document, name: string): string[] {
  return [...doc.querySelectorAll(`meta[name="${name}"]`)]
    .map((m) => m.getAttribute('content')?.trim() ?? '')
    .filter(Boolean);
}

/** `citation_date` is written "2026/09/09" (sometimes without the day). */
function metaDate(doc: Document, name: string): string | undefined {
  const m = /^(\d{4})[/-](\d{1,2})(?:[/-](\d{1,2}))?/.exec(meta(doc, name) ?? '');
  if (!m) return undefined;
  return isoDate(m[1]!, m[2]!, m[3] ?? 1);
}

function ogUrlId(doc: Document): string | undefined {
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  const m = og ? /\/abs\/(.+?)\/?$/.exec(og) : null;
  return m?.[1];
}

const MATHJAX_RENDERING = '.MathJax_Preview, .MathJax, .MathJax_Display, .MathJax_SVG, mjx-container, .MJX_Assistive_MathML';

/**
 * Visible text of a heading or block without arXiv's "Title:" / "Abstract:" label; links that
 * arXiv shows as "this https URL" get their address back, as the meta tags have it.
 */
export function readableText(el: Element | null): string {
  if (!el) return '';
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll('.descriptor').forEach((d) => d.remove());
  // Where MathJax has typeset the page, keep the LaTeX as written and drop the rendering.
  clone.querySelectorAll('script[type^="math/tex"]').forEach((script) => {
    const display = /mode=display/.test(script.getAttribute('type') ?? '');
    const tex = script.textContent ?? '';
    script.replaceWith(display ? `$$${tex}$$` : `$${tex}$`);
  });
  clone.querySelectorAll(MATHJAX_RENDERING).forEach((r) => r.remove());
  clone.querySelectorAll('a[href]').forEach((a) => {
    if (/^this https? URL$/i.test(a.textContent?.trim() ?? '')) a.textContent = a.getAttribute('href');
  });
  return clone.textContent ?? '';
}

/** "(this version, v2)" in the dateline of a versioned page. */
function thisVersion(doc: Document): number | undefined {
  const m = /this version,\s*v(\d+)/i.exec(first(doc, SELECTORS.dateline)?.textContent ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * "[v1] Wed, 9 Sep 2026 07:35:39 UTC (5,078 KB)" lines, in order; a withdrawn version's line
 * ends "(withdrawn)" instead of a size.
 */
function submissionHistory(doc: Document): { version: number; date: string; withdrawn: boolean }[] {
  const text = first(doc, SELECTORS.history)?.textContent ?? '';
  const entries: { version: number; date: string; withdrawn: boolean }[] = [];
  const line = /\[v(\d+)\]\s*(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\w*\s+(\d{4})[^[]*/g;
  for (const m of text.matchAll(line)) {
    const month = monthNumber(m[3]!);
    if (!month) continue;
    entries.push({
      version: Number(m[1]),
      date: isoDate(m[4]!, month, m[2]!),
      withdrawn: /\(withdrawn\)/i.test(m[0]),
    });
  }
  return entries;
}

/** Category codes from "Materials Science (cond-mat.mtrl-sci); Optics (physics.optics)", primary first. */
function categories(doc: Document): string[] {
  const subjects = first(doc, SELECTORS.subjects)?.textContent ?? '';
  const codes = [...subjects.matchAll(/\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/g)].map((m) => m[1]!);
  if (codes.length) return [...new Set(codes)];
  const primary = /\[([a-z-]+(?:\.[A-Za-z-]+)?)\]/.exec(doc.querySelector('span.arxivid')?.textContent ?? '');
  return primary ? [primary[1]!] : [];
}

/** The journal DOI, when the authors gave one; arXiv's own DataCite DOI (10.48550) is not stored. */
function journalDoi(doc: Document): string | undefined {
  const candidates = [meta(doc, 'citation_doi'), first(doc, SELECTORS.journalDoi)?.textContent ?? undefined];
  for (const candidate of candidates) {
    const doi = /10\.\d{4,9}\/\S+/.exec(candidate ?? '')?.[0];
    if (doi && !doi.startsWith('10.48550/')) return doi;
  }
  return undefined;
}
