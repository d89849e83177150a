/**
 * arXiv listings (`/list/<cat>/new`, `/recent`, `/pastweek`, `/list/<cat>/<yymm>`, the catch-up
 * view) and search results (`/search/?query=…`): one entry per paper, pure parsers.
 */
import { isoDate, monthNumber } from '../paper/dates';
import type { SeenPaper } from '../paper/schema';
import {
  after,
  endOf,
  foundPaper,
  isWithdrawnComment,
  withoutEmpty,
  type FoundPaper,
  type PageProblem,
  type ParseResult,
} from './common';
import { parseArxivId } from '../paper/arxiv-id';
import { collapseWhitespace } from '../paper/text';
import { isArxivHost, readableText } from './arxiv';

export function isListingPage(url: URL): boolean {
  return isArxivHost(url) && /^\/(list|catchup)(\/|$)/.test(url.pathname);
}

export function isSearchPage(url: URL): boolean {
  return isArxivHost(url) && /^\/search(\/|$)/.test(url.pathname);
}

/** "Materials Science (cond-mat.mtrl-sci); Optics (physics.optics)" → codes, in order. */
export function categoryCodes(text: string): string[] {
  return [...new Set([...text.matchAll(/\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/g)].map((m) => m[1]!))];
}

/** The id an abstract link names: "/abs/2609.22268", "https://arxiv.org/abs/hep-th/9901001v2". */
function linkedId(link: Element | null | undefined) {
  const href = link?.getAttribute('href') ?? '';
  const match = /\/abs\/([^?#]+?)\/?(?:[?#]|$)/.exec(href);
  return match ? parseArxivId(match[1]!) : null;
}

/**
 * Listing entries are `<dt>` (id and links) followed by `<dd>` (title, authors, comments,
 * subjects and, on /new, the abstract). Versions show only in the HTML view link ("…v2").
 */
export function parseListingPage(doc: Document): ParseResult {
  const papers: FoundPaper[] = [];
  const problems: PageProblem[] = [];
  for (const dt of doc.querySelectorAll('dl > dt')) {
    const dd = dt.nextElementSibling;
    const anchor = dd?.querySelector('.list-title') ?? dt;
    const id = linkedId(dt.querySelector('a[href*="/abs/"]'));
    if (!id || dd?.tagName !== 'DD') {
      problems.push({ anchor, reason: 'an entry without an arXiv identifier' });
      continue;
    }
    if (!hasText(anchor === dt ? null : anchor, 'Title:')) {
      problems.push({ anchor, reason: `no title for ${id.id}` });
      continue;
    }
    const htmlVersion = /v(\d+)\/?$/.exec(dt.querySelector('a[href*="/html/"]')?.getAttribute('href') ?? '')?.[1];
    const version = id.version ?? (htmlVersion ? Number(htmlVersion) : undefined);
    papers.push(
      foundPaper(
        anchor,
        id.id,
        version,
        () => {
        const abstract = dd.querySelector('p.mathjax, p.abstract');
        return withoutEmpty<SeenPaper>({
          arxivId: id.id,
          version,
          title: collapseWhitespace(readableText(anchor)),
          authors: [...dd.querySelectorAll('.list-authors a')].map((a) => collapseWhitespace(a.textContent ?? '')).filter(Boolean),
          abstract: abstract ? collapseWhitespace(readableText(abstract)) : undefined,
          categories: categoryCodes(dd.querySelector('.list-subjects')?.textContent ?? ''),
          journalRef: collapseWhitespace(readableText(dd.querySelector('.list-journal-ref'))),
          withdrawn: isWithdrawnComment(readableText(dd.querySelector('.list-comments'))) || undefined,
        });
        },
        // The entry's id line ("[1] arXiv:… [pdf, html, other]") has room: the title keeps its lines.
        { slot: endOf(dt), entry: [dt, dd] },
      ),
    );
  }
  return { papers, problems };
}

/** Whether an element has text besides its label, without building the whole text. */
function hasText(el: Element | null, label = ''): boolean {
  const text = el?.textContent ?? '';
  return text.replace(label, '').trim().length > 0;
}

function searchResult(item: Element, arxivId: string, version: number | undefined): SeenPaper {
  const full = item.querySelector('span.abstract-full');
  const abstractEl = full?.cloneNode(true) as Element | undefined;
  // "△ Less" is the link that folds the abstract back.
  abstractEl?.querySelectorAll('a').forEach((a) => {
    if (/^\s*△?\s*Less\s*$/.test(a.textContent ?? '')) a.remove();
  });
  const dates = collapseWhitespace(item.querySelector('p.is-size-7')?.textContent ?? '');
  const submitted = searchDate(/Submitted\s+([^;]+)/.exec(dates)?.[1]);
  const firstSubmitted = searchDate(/v1\s+submitted\s+([^;]+)/i.exec(dates)?.[1]);
  const doi = /10\.\d{4,9}\/\S+/.exec(item.querySelector('a[href*="doi.org/"]')?.textContent ?? '')?.[0];
  return withoutEmpty<SeenPaper>({
    arxivId,
    version,
    title: collapseWhitespace(readableText(item.querySelector('p.title'))),
    authors: [...item.querySelectorAll('p.authors a')].map((a) => collapseWhitespace(a.textContent ?? '')).filter(Boolean),
    abstract: collapseWhitespace(readableText(abstractEl ?? item.querySelector('p.abstract') ?? null)),
    published: firstSubmitted ?? submitted,
    updated: submitted,
    categories: [...item.querySelectorAll('.tags span.tag[data-tooltip]')]
      .map((t) => collapseWhitespace(t.textContent ?? ''))
      .filter((c) => /^[a-z-]+(\.[A-Za-z-]+)?$/.test(c)),
    doi: doi && !doi.startsWith('10.48550/') ? doi : undefined,
    withdrawn: isWithdrawnComment(item.querySelector('p.comments')?.textContent ?? '') || undefined,
  });
}

/** "9 September, 2026" → "2026-09-09". */
function searchDate(text: string | undefined): string | undefined {
  const m = /(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})/.exec(text ?? '');
  const month = m ? monthNumber(m[2]!) : 0;
  return m && month ? isoDate(m[3]!, month, m[1]!) : undefined;
}

/**
 * Search results: `li.arxiv-result` with the title, authors, the full abstract in
 * `span.abstract-full`, category tags, a DOI tag, and "Submitted <date>; v1 submitted <date>".
 */
export function parseSearchPage(doc: Document): ParseResult {
  const papers: FoundPaper[] = [];
  const problems: PageProblem[] = [];
  for (const item of doc.querySelectorAll('li.arxiv-result')) {
    const anchor = item.querySelector('p.title') ?? item;
    const id = linkedId(item.querySelector('.list-title a[href*="/abs/"], a[href*="/abs/"]'));
    if (!id) {
      problems.push({ anchor, reason: 'a result without an arXiv identifier' });
      continue;
    }
    if (!hasText(anchor === item ? null : anchor)) {
      problems.push({ anchor, reason: `no title for ${id.id}` });
      continue;
    }
    const idLine = item.querySelector('p.list-title');
    papers.push(foundPaper(anchor, id.id, id.version, () => searchResult(item, id.id, id.version), { slot: idLine ? endOf(idLine) : after(anchor), entry: [item] }));
  }
  return { papers, problems };
}
