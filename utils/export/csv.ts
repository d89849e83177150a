import Papa from 'papaparse';
import type { Paper } from '../paper/schema';

/** Paperdex's CSV: one column per record field; it imports back (utils/import). */

/** CSV columns: every record field; lists (authors, categories, sources, tags) joined with "; ". */
export const CSV_COLUMNS = [
  'id',
  'arxivId',
  'version',
  'title',
  'authors',
  'abstract',
  'published',
  'updated',
  'url',
  'pdfUrl',
  'categories',
  'doi',
  'journalRef',
  'withdrawn',
  'incomplete',
  'sources',
  'tags',
  'notes',
  'readingStatus',
  'savedAt',
  'updatedAt',
  'checkedAt',
] as const;

/** The venue's and the code links' columns, and the field each holds. */
export const VENUE_COLUMNS = {
  venue: 'name',
  venueShort: 'short',
  venueYear: 'year',
  venueKind: 'kind',
  venueVolume: 'volume',
  venueNumber: 'number',
  venuePages: 'pages',
  venuePublisher: 'publisher',
  venueDoi: 'doi',
  venueUrl: 'url',
  venueDblpKey: 'dblpKey',
  venueSource: 'source',
} as const;
export const CODE_COLUMNS = { codeRepo: 'repo', projectPage: 'projectPage', codeSource: 'source' } as const;

const cells = (columns: Record<string, string>, value: object | undefined) =>
  Object.values(columns).map((field) => String((value as Record<string, unknown> | undefined)?.[field] ?? ''));

export const LIST_SEPARATOR = '; ';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe,
 * as OWASP advises; so does a cell that starts with an apostrophe, so that reading the file
 * back (which drops one leading apostrophe) gives exactly what was written.
 */
export function csvCell(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;
}

export function fromCsvCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

export function libraryToCsv(papers: readonly Paper[]): string {
  const rows = papers.map((p) =>
    [
      p.id,
      p.arxivId,
      String(p.version),
      p.title,
      p.authors.join(LIST_SEPARATOR),
      p.abstract,
      p.published,
      p.updated,
      p.url,
      p.pdfUrl,
      p.categories.join(LIST_SEPARATOR),
      p.doi ?? '',
      p.journalRef ?? '',
      p.withdrawn ? 'true' : '',
      p.incomplete ? 'true' : '',
      p.sources.join(LIST_SEPARATOR),
      p.tags.join(LIST_SEPARATOR),
      p.notes,
      p.readingStatus ?? '',
      new Date(p.savedAt).toISOString(),
      new Date(p.updatedAt).toISOString(),
      p.checkedAt ? new Date(p.checkedAt).toISOString() : '',
      ...cells(VENUE_COLUMNS, p.venue),
      ...cells(CODE_COLUMNS, p.code),
    ].map(csvCell),
  );
  return Papa.unparse({ fields: [...CSV_COLUMNS, ...Object.keys(VENUE_COLUMNS), ...Object.keys(CODE_COLUMNS)], data: rows }, { newline: '\n' }) + '\n';
}
