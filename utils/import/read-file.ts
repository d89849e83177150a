import { parse as parseBibtex, type Entry } from '@retorquere/bibtex-parser';
import Papa from 'papaparse';
import { z } from 'zod';
import { completePaper } from '../complete-paper';
import { fromCsvCell, LIST_SEPARATOR } from '../export/csv';
import { BACKUP_FORMAT } from '../export/json';
import { isoDate, monthNumber } from '../dates';
import { mergePaper } from '../merge-paper';
import { READING_STATUSES, SOURCES, type Paper, type PaperMetadata, type SeenPaper } from '../paper';
import { paperMetadataSchema } from '../paper-schema';
import { parseArxivId } from '../sites/arxiv';
import { collapseWhitespace } from '../sites/common';
import { normalizeTags } from '../tags';

/**
 * Reading an import file (pure): a Paperdex JSON backup (this and any later format version), a
 * Paperdex CSV export, or BibTeX (entries with an arXiv eprint, an arXiv URL or arXiv's DOI).
 * Every entry becomes a valid record or a line in `invalid` saying why; imported text is data,
 * never markup, and never trusted for links (they are rebuilt from the arXiv id).
 */

/** Bigger files are refused before reading: a 50,000-paper backup is about 70 MB. */
export const MAX_IMPORT_BYTES = 80 * 1024 * 1024;

export type ImportFormat = 'json' | 'csv' | 'bibtex';

export interface ImportProblem {
  /** "entry 12", "line 5", "@article{smith2020}": where in the file. */
  where: string;
  reason: string;
}

export interface ImportFile {
  format: ImportFormat;
  records: Paper[];
  invalid: ImportProblem[];
}

export class ImportError extends Error {}

export function checkSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new ImportError(`This file is ${mb(bytes)}; Paperdex imports files up to ${mb(MAX_IMPORT_BYTES)}. Nothing was imported.`);
  }
}

export function readImportFile(name: string, text: string, now = Date.now()): ImportFile {
  // The page checks the file's size before reading it; this guards callers that pass text (a
  // character is at least one byte, so the length never overstates the size).
  checkSize(text.length);
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed) throw new ImportError(`${name} is empty. Nothing was imported.`);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return readJson(name, trimmed);
  if (/^[^\n]*\barxivId\b/.test(trimmed)) return readCsv(name, trimmed, now);
  if (/@\s*[a-zA-Z]+\s*[{(]/.test(trimmed)) return readBibtex(name, trimmed, now);
  throw new ImportError(`${name} is not a Paperdex backup, a Paperdex CSV or a BibTeX file. Nothing was imported.`);
}

const userFields = z.object({
  id: z.string(),
  sources: z.array(z.enum(SOURCES)),
  // Tags as the editor would have made them ("a, b" is two tags), so that every tag can be removed.
  tags: z.array(z.string()).max(500).transform((tags) => normalizeTags(tags)),
  notes: z.string().max(1_000_000),
  readingStatus: z.enum(READING_STATUSES).optional(),
  savedAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});

/** A stored record: known fields checked; fields a later Paperdex added are dropped, not refused. */
export const paperRecordSchema = paperMetadataSchema.and(userFields).refine((r) => r.id === `arxiv:${r.arxivId}`, {
  message: 'id must be "arxiv:" + arxivId',
  path: ['id'],
});

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}`;
}

function readJson(name: string, text: string): ImportFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`${name} is not valid JSON (${(error as Error).message}); it may be cut off. Nothing was imported.`);
  }
  const backup = data as { format?: unknown; version?: unknown; papers?: unknown };
  if (!backup || typeof backup !== 'object' || Array.isArray(backup) || backup.format !== BACKUP_FORMAT) {
    throw new ImportError(`${name} is JSON but not a Paperdex backup (it has no "format": "paperdex"). Nothing was imported.`);
  }
  if (typeof backup.version !== 'number' || backup.version < 1 || !Array.isArray(backup.papers)) {
    throw new ImportError(`${name} is a damaged Paperdex backup (no format version or no papers list). Nothing was imported.`);
  }
  const records: Paper[] = [];
  const invalid: ImportProblem[] = [];
  backup.papers.forEach((raw, i) => {
    const parsed = paperRecordSchema.safeParse(raw);
    const label = `entry ${i + 1}${typeof (raw as { id?: unknown })?.id === 'string' ? ` (${(raw as { id: string }).id})` : ''}`;
    if (parsed.success) records.push(parsed.data as Paper);
    else invalid.push({ where: label, reason: describe(parsed.error) });
  });
  return { format: 'json', records, invalid };
}

function readCsv(name: string, text: string, now: number): ImportFile {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  const missing = ['arxivId', 'title'].filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) throw new ImportError(`${name} has no ${missing.join(' or ')} column: it is not a Paperdex CSV. Nothing was imported.`);
  const records: Paper[] = [];
  const invalid: ImportProblem[] = [];
  const fatal = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'UndetectableDelimiter');
  if (fatal) throw new ImportError(`${name} is not well-formed CSV (${fatal.message} near row ${(fatal.row ?? 0) + 2}). Nothing was imported.`);
  parsed.data.forEach((raw, i) => {
    const where = `row ${i + 2}`;
    const row = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? fromCsvCell(v) : v])) as Record<string, string>;
    const list = (value: string | undefined) =>
      (value ?? '').split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
    const time = (value: string | undefined) => (value ? Date.parse(value) : now);
    const candidate = {
      id: row.id || `arxiv:${row.arxivId}`,
      arxivId: row.arxivId,
      version: Number(row.version || 1),
      title: row.title,
      authors: list(row.authors),
      abstract: row.abstract ?? '',
      published: row.published,
      updated: row.updated || row.published,
      url: `https://arxiv.org/abs/${row.arxivId}`,
      pdfUrl: `https://arxiv.org/pdf/${row.arxivId}`,
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
    };
    const result = paperRecordSchema.safeParse(candidate);
    if (result.success) records.push(result.data as Paper);
    else invalid.push({ where, reason: describe(result.error) });
  });
  return { format: 'csv', records, invalid };
}

/** arXiv id of a BibTeX entry: eprint (with an arXiv prefix or type), an arXiv URL, or arXiv's DOI. */
function entryArxivId(fields: Record<string, unknown>): string | undefined {
  const str = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : '');
  const prefix = `${str('archiveprefix')} ${str('eprinttype')}`.toLowerCase();
  const candidates = [
    !prefix.trim() || prefix.includes('arxiv') ? str('eprint') : '',
    /arxiv\.org\/(?:abs|pdf)\/([^\s?#]+?)(?:\.pdf)?\/?(?:[?#\s]|$)/i.exec(str('url'))?.[1] ?? '',
    /^10\.48550\/arxiv\.(.+)$/i.exec(str('doi').trim())?.[1] ?? '',
    /arXiv:\s*([^\s,;]+)/i.exec(`${str('journal')} ${str('note')} ${str('howpublished')}`)?.[1] ?? '',
  ];
  for (const c of candidates) {
    const id = c ? parseArxivId(c) : null;
    if (id) return id.id;
  }
  return undefined;
}

function entryDate(fields: Record<string, unknown>): string | undefined {
  const date = typeof fields.date === 'string' ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(fields.date) : null;
  if (date) return isoDate(date[1]!, date[2] ?? 1, date[3] ?? 1);
  const year = typeof fields.year === 'string' ? /\d{4}/.exec(fields.year)?.[0] : undefined;
  if (!year) return undefined;
  const m = typeof fields.month === 'string' ? fields.month.trim() : '';
  const month = /^\d+$/.test(m) ? Number(m) : monthNumber(m);
  return isoDate(year, month >= 1 && month <= 12 ? month : 1);
}

function readBibtex(name: string, text: string, now: number): ImportFile {
  let library;
  try {
    library = parseBibtex(text, { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore' });
  } catch (error) {
    throw new ImportError(`${name} could not be read as BibTeX (${(error as Error).message}). Nothing was imported.`);
  }
  const records: Paper[] = [];
  const invalid: ImportProblem[] = library.errors.map((e) => ({ where: 'file', reason: `unreadable BibTeX: ${e.error}` }));
  if (!library.entries.length && !records.length && library.errors.length) {
    throw new ImportError(`${name} has no BibTeX entry Paperdex can read (${library.errors[0]!.error}). Nothing was imported.`);
  }
  for (const entry of library.entries) {
    const where = `@${entry.type}{${entry.key}}`;
    const record = bibtexRecord(entry, now);
    if (typeof record === 'string') invalid.push({ where, reason: record });
    else records.push(record);
  }
  return { format: 'bibtex', records, invalid };
}

/** A record from a BibTeX entry, or why there is none. */
function bibtexRecord(entry: Entry, now: number): Paper | string {
  const fields = entry.fields as unknown as Record<string, unknown>;
  const arxivId = entryArxivId(fields);
  if (!arxivId) {
    return typeof fields.doi === 'string'
      ? `no arXiv id (DOI ${fields.doi} is not an arXiv paper; Paperdex keeps arXiv papers)`
      : 'no arXiv eprint, arXiv URL or arXiv DOI';
  }
  const text = (key: string) => (typeof fields[key] === 'string' ? collapseWhitespace(fields[key] as string) : '');
  const authors = (Array.isArray(fields.author) ? (fields.author as { name?: string; firstName?: string; lastName?: string; prefix?: string; suffix?: string }[]) : [])
    .map((a) => collapseWhitespace(a.name ?? [a.firstName, a.prefix, a.lastName, a.suffix].filter(Boolean).join(' ')))
    .filter(Boolean);
  const doi = text('doi');
  const seen: SeenPaper = {
    arxivId,
    title: text('title') || undefined,
    authors,
    abstract: text('abstract') || undefined,
    published: entryDate(fields),
    categories: text('primaryclass') ? [text('primaryclass')] : [],
    ...(doi && !/^10\.48550\//i.test(doi) ? { doi } : {}),
    ...(text('journal') && text('journal') !== 'arXiv preprint' ? { journalRef: text('journal') } : {}),
    ...(/^withdrawn$/i.test(text('note')) ? { withdrawn: true as const } : {}),
  };
  const completed = completePaper(seen, undefined);
  if (!completed.ok) return 'no title';
  const metadata: PaperMetadata = completed.paper;
  const valid = paperMetadataSchema.safeParse(metadata);
  if (!valid.success) return describe(valid.error);
  const keywords = Array.isArray(fields.keywords) ? (fields.keywords as string[]) : text('keywords').split(/[,;]/);
  const record = mergePaper(undefined, { ...valid.data, source: undefined }, now);
  return { ...record, tags: normalizeTags(keywords) };
}
