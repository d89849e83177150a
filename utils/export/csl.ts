import type { Paper } from '../paper/schema';

/** CSL-JSON (citeproc, Zotero, pandoc). */
export function libraryToCslJson(papers: readonly Paper[], keys?: readonly string[]): string {
  const items = papers.map((p, i) => {
    const [year, month, day] = p.published.split('-').map(Number);
    const item: Record<string, unknown> = {
      id: keys?.[i] ?? p.id,
      type: p.journalRef || p.doi ? 'article-journal' : 'article',
      title: p.title,
      author: p.authors.map(cslName),
      issued: { 'date-parts': [[year, month, day]] },
      abstract: p.abstract || undefined,
      URL: p.url,
      DOI: p.doi,
      number: `arXiv:${p.arxivId}`,
      publisher: 'arXiv',
      'container-title': p.journalRef,
      keyword: p.tags.length ? p.tags.join(', ') : undefined,
      note: p.notes || undefined,
    };
    return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined));
  });
  return JSON.stringify(items, null, 2);
}

function cslName(author: string): { family: string; given?: string } | { literal: string } {
  const parts = author.trim().split(/\s+/);
  if (parts.length < 2 || /\b(collaboration|consortium|team)\b/i.test(author)) return { literal: author };
  return { family: parts[parts.length - 1]!, given: parts.slice(0, -1).join(' ') };
}
