import { localDay } from '../paper/dates';
import type { Paper } from '../paper/schema';
import { libraryToBibtex } from './bibtex';
import { libraryToCslJson } from './csl';
import { libraryToCsv } from './csv';
import { libraryToJson } from './json';
import { libraryToMarkdown } from './markdown';
import { libraryToRis } from './ris';

/**
 * Every export format, as text. JSON is the backup (records exactly as stored); CSV is
 * Paperdex's spreadsheet form (and imports back); BibTeX, RIS and CSL-JSON are for citation
 * managers; Markdown is a reading list.
 */

export const EXPORT_FORMATS = {
  bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex', write: (p: readonly Paper[]) => libraryToBibtex(p) },
  json: { label: 'JSON backup', extension: 'json', mime: 'application/json', write: (p: readonly Paper[]) => libraryToJson(p) },
  csv: { label: 'CSV', extension: 'csv', mime: 'text/csv', write: libraryToCsv },
  markdown: { label: 'Markdown reading list', extension: 'md', mime: 'text/markdown', write: (p: readonly Paper[]) => libraryToMarkdown(p) },
  ris: { label: 'RIS (Zotero, Mendeley, EndNote)', extension: 'ris', mime: 'application/x-research-info-systems', write: libraryToRis },
  csl: { label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json', write: (p: readonly Paper[]) => libraryToCslJson(p) },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Which papers to export: the whole library, the current search, the selection, or one tag. */
export type ExportScope = { kind: 'all' } | { kind: 'search' } | { kind: 'selection' } | { kind: 'tag'; tag: string };

/** `paperdex-2026-11-26.bib`: the date is the local day of the export. */
export function exportFileName(format: ExportFormat, now = new Date()): string {
  return `paperdex-${localDay(now)}${format === 'csl' ? '.csl' : ''}.${EXPORT_FORMATS[format].extension}`;
}
