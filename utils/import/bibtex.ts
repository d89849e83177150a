import { parse as parseBibtex, type Entry } from '@retorquere/bibtex-parser';
import { isoDate, monthNumber } from '../paper/dates';
import { completePaper, mergePaper } from '../paper/merge';
import { describeIssue, paperMetadataSchema, type Paper, type PaperMetadata, type SeenPaper } from '../paper/schema';
import { normalizeTags } from '../paper/tags';
import { parseArxivId } from '../paper/arxiv-id';
import { collapseWhitespace } from '../paper/text';
import { ImportError, type ImportFile, type ImportProblem } from './types';

/** BibTeX: entries with an arXiv eprint, an arXiv URL or arXiv's DOI; others skipped, with why. */

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

export function readBibtex(name: string, text: string, now: number): ImportFile {
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
  if (!valid.success) return describeIssue(valid.error);
  const keywords = Array.isArray(fields.keywords) ? (fields.keywords as string[]) : text('keywords').split(/[,;]/);
  const record = mergePaper(undefined, { ...valid.data, source: undefined }, now);
  return { ...record, tags: normalizeTags(keywords) };
}

