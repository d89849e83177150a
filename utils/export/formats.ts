import { localDay } from '../dates';
import type { Paper } from '../paper';
import { libraryToBibtex } from './bibtex';
import { libraryToCsv } from './csv';
import { libraryToJson } from './json';
import { libraryToMarkdown } from './markdown';

/**
 * Every export format, as text. JSON is the backup (records exactly as stored); CSV is
 * Paperdex's spreadsheet form (and imports back); BibTeX, RIS and CSL-JSON are for citation
 * managers; Markdown is a reading list.
 */

/** RIS (Zotero, Mendeley, EndNote): one `TY  - …` to `ER  - ` block per paper. */
export function libraryToRis(papers: readonly Paper[]): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;
  return papers
    .map((p) => {
      const out = [line('TY', p.journalRef || p.doi ? 'JOUR' : 'PREPRINT'), line('TI', p.title)];
      for (const author of p.authors) out.push(line('AU', risName(author)));
      out.push(line('PY', `${p.published.slice(0, 4)}///`), line('DA', p.published.replaceAll('-', '/')));
      if (p.abstract) out.push(line('AB', p.abstract));
      if (p.journalRef) out.push(line('JO', p.journalRef));
      else out.push(line('T2', 'arXiv'));
      if (p.doi) out.push(line('DO', p.doi));
      out.push(line('UR', p.url), line('L1', p.pdfUrl), line('AN', `arXiv:${p.arxivId}`));
      for (const tag of p.tags) out.push(line('KW', tag));
      if (p.notes.trim()) out.push(line('N1', p.notes));
      out.push('ER  - ');
      return out.join('\r\n');
    })
    .join('\r\n\r\n')
    .concat(papers.length ? '\r\n' : '');
}

function risName(author: string): string {
  const parts = author.trim().split(/\s+/);
  if (parts.length < 2) return author;
  return `${parts[parts.length - 1]}, ${parts.slice(0, -1).join(' ')}`;
}

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

export const EXPORT_FORMATS = {
  bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex', write: (p: readonly Paper[]) => libraryToBibtex(p) },
  json: { label: 'JSON backup', extension: 'json', mime: 'application/json', write: (p: readonly Paper[]) => libraryToJson(p) },
  csv: { label: 'CSV', extension: 'csv', mime: 'text/csv', write: libraryToCsv },
  markdown: { label: 'Markdown reading list', extension: 'md', mime: 'text/markdown', write: (p: readonly Paper[]) => libraryToMarkdown(p) },
  ris: { label: 'RIS (Zotero, Mendeley, EndNote)', extension: 'ris', mime: 'application/x-research-info-systems', write: libraryToRis },
  csl: { label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json', write: (p: readonly Paper[]) => libraryToCslJson(p) },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** `paperdex-2026-11-26.bib`: the date is the local day of the export. */
export function exportFileName(format: ExportFormat, now = new Date()): string {
  return `paperdex-${localDay(now)}${format === 'csl' ? '.csl' : ''}.${EXPORT_FORMATS[format].extension}`;
}
