import Papa from 'papaparse';
import { CODE_COLUMNS, fromCsvCell, LIST_SEPARATOR, VENUE_COLUMNS } from '../export/csv';
import { describeIssue, paperRecordSchema, type Paper } from '../paper/schema';
import { absUrl, paperIdFor, pdfUrl } from '../paper/urls';
import { repairRecord } from '../paper/repair';
import { fixTally, ImportError, type ImportFile, type ImportProblem, type Progress } from './types';

/** The venue or the code links from their columns (the year a number), when a row has any. */
function fromCells(name: string, columns: Record<string, string>, row: Record<string, string>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(columns)) if (row[column]) value[field] = field === 'year' ? Number(row[column]) : row[column];
  return Object.keys(value).length ? { [name]: value } : {};
}

/** A Paperdex CSV export: one column per record field (see utils/export/csv.ts). */
export function readCsv(name: string, text: string, now: number, progress?: Progress): ImportFile {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  const missing = ['arxivId', 'title'].filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) throw new ImportError(`${name} has no ${missing.join(' or ')} column: it is not a Paperdex CSV. Nothing was imported.`);
  const records: Paper[] = [];
  const invalid: ImportProblem[] = [];
  const lenient = fixTally();
  const fatal = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'UndetectableDelimiter');
  if (fatal) throw new ImportError(`${name} is not well-formed CSV (${fatal.message} near row ${(fatal.row ?? 0) + 2}). Nothing was imported.`);
  parsed.data.forEach((raw, i) => {
    const where = `row ${i + 2}`;
    const row = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? fromCsvCell(v) : v])) as Record<string, string>;
    const list = (value: string | undefined) =>
      (value ?? '').split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
    const time = (value: string | undefined) => (value ? value : now);
    const arxivId = row.arxivId ?? '';
    const candidate = {
      id: row.id || paperIdFor(arxivId),
      arxivId,
      version: Number(row.version || 1),
      title: row.title,
      authors: list(row.authors),
      abstract: row.abstract ?? '',
      published: row.published,
      updated: row.updated || row.published,
      url: absUrl(arxivId),
      pdfUrl: pdfUrl(arxivId),
      categories: list(row.categories),
      ...(row.doi ? { doi: row.doi } : {}),
      ...(row.journalRef ? { journalRef: row.journalRef } : {}),
      ...(row.withdrawn === 'true' ? { withdrawn: true } : {}),
      ...(row.incomplete === 'true' ? { incomplete: true } : {}),
      sources: list(row.sources),
      tags: list(row.tags),
      notes: row.notes ?? '',
      ...(row.readingStatus ? { readingStatus: row.readingStatus } : {}),
      savedAt: time(row.savedAt),
      updatedAt: time(row.updatedAt),
      ...(row.checkedAt ? { checkedAt: row.checkedAt } : {}),
      ...fromCells('venue', VENUE_COLUMNS, row),
      ...fromCells('code', CODE_COLUMNS, row),
    };
    const { value, fixes } = repairRecord(candidate);
    const result = paperRecordSchema.safeParse(value);
    // CSV writes times as text and lists joined: reading them so is the format, not lenience.
    if (result.success) lenient.add(fixes.filter((f) => f !== 'date-text-as-time'));
    if (result.success) records.push(result.data);
    else invalid.push({ where, reason: describeIssue(result.error) });
    if (i % 1000 === 999) progress?.(i / parsed.data.length);
  });
  return { format: 'csv', records, invalid, lenient: lenient.list() };
}
