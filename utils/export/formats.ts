import { localDay } from '../paper/dates';
import type { Paper } from '../paper/schema';
import type { CiteOptions } from './citation';

/**
 * Every export format: its name, file extension and type. JSON is the backup (records exactly
 * as stored); CSV is Paperdex's spreadsheet form (and imports back); BibTeX, RIS and CSL-JSON
 * are for citation managers (`cites`: they cite a published paper as published, unless asked
 * not to); Markdown is a reading list. The writers (./writers.ts, with
 * papaparse) load when an export runs, not with the page.
 */

export const EXPORT_FORMATS = {
  bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex', cites: true },
  json: { label: 'JSON backup', extension: 'json', mime: 'application/json', cites: false },
  csv: { label: 'CSV', extension: 'csv', mime: 'text/csv', cites: false },
  markdown: { label: 'Markdown reading list', extension: 'md', mime: 'text/markdown', cites: false },
  ris: { label: 'RIS (Zotero, Mendeley, EndNote)', extension: 'ris', mime: 'application/x-research-info-systems', cites: true },
  csl: { label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json', cites: true },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Which papers to export: the whole library, the current search, the selection, or one tag. */
export type ExportScope = { kind: 'all' } | { kind: 'search' } | { kind: 'selection' } | { kind: 'tag'; tag: string };

/** `paperdex-2026-11-26.bib`: the date is the local day of the export. */
export function exportFileName(format: ExportFormat, now = new Date()): string {
  return `paperdex-${localDay(now)}${format === 'csl' ? '.csl' : ''}.${EXPORT_FORMATS[format].extension}`;
}

/** The papers as the text of a format. */
export async function writeFormat(format: ExportFormat, papers: readonly Paper[], options: CiteOptions = {}): Promise<string> {
  const { EXPORT_WRITERS } = await import('./writers');
  return EXPORT_WRITERS[format](papers, options);
}
