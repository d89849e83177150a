import bibtexParse, { type Item, type Value } from 'bibtex-parse';
import { readBibtexNames, texToText } from '../export/bibtex-names';
import { readTex, readTitle, unescapePlain } from '../export/tex';
import { parseArxivId } from '../paper/arxiv-id';
import { dateFromId, isoDate, monthNumber } from '../paper/dates';
import { completePaper, mergePaper } from '../paper/merge';
import { describeIssue, paperMetadataSchema, type Paper, type SeenPaper, type Venue } from '../paper/schema';
import { normalizeTags } from '../paper/tags';
import { collapseWhitespace } from '../paper/text';
import { ImportError, type ImportFile, type ImportProblem, type Progress } from './types';

/**
 * BibTeX from anywhere a researcher gets it: Paperdex's own export, arXiv's "Export BibTeX
 * citation", Google Scholar (`journal = {arXiv preprint arXiv:…}`, `and others`), DBLP
 * (`journal = {CoRR}`, `volume = {abs/…}`, `eprinttype = {arXiv}`), JabRef, Zotero. An entry
 * becomes a paper when it names an arXiv paper (eprint, arXiv URL, arXiv DOI, or the forms
 * above); others are listed as skipped, with why. Text is read as the TeX it is (the library
 * keeps TeX as written); names come back as "First von Last Jr", accents as letters. A record
 * that lacks the abstract, an author list cut short by "and others", or a date without a day is
 * marked incomplete, so that it never replaces finer data and arXiv can complete it.
 */

/** Entries parsed at a time: a file's progress is told after each batch. */
const BATCH = 250;

const MONTH_MACROS: Record<string, string> = Object.fromEntries(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m) => [m, m]),
);

type Fields = Record<string, string>;

export function readBibtex(name: string, text: string, now: number, progress?: Progress): ImportFile {
  // One entry per piece, split where a line starts with "@": a broken entry costs only itself.
  const pieces = text.split(/^(?=[ \t]*@)/m);
  const strings: Record<string, string> = { ...MONTH_MACROS };
  const records: Paper[] = [];
  const invalid: ImportProblem[] = [];
  let entries = 0;

  const take = (items: Item[]) => {
    for (const item of items) {
      if (item.itemtype === 'string') strings[item.name.toLowerCase()] = fieldValue(item, strings);
      if (item.itemtype !== 'entry') continue;
      entries++;
      const record = bibtexRecord(item.type, entryFields(item, strings), now);
      if (typeof record === 'string') invalid.push({ where: `@${item.type}{${item.key}}`, reason: record });
      else records.push(record);
    }
  };

  let line = 1;
  for (let start = 0; start < pieces.length; start += BATCH) {
    const batch = pieces.slice(start, start + BATCH);
    try {
      take(bibtexParse.parse(batch.join(''), { number: 'string' }));
    } catch {
      // Something in this batch is broken: read its entries one by one to find which.
      let at = line;
      for (const piece of batch) {
        try {
          take(bibtexParse.parse(piece, { number: 'string' }));
        } catch (error) {
          const head = /@\s*(\w+)\s*[{(]\s*([^,\s]*)/.exec(piece);
          entries++;
          invalid.push({ where: head ? `@${head[1]}{${head[2]}} (line ${at})` : `line ${at}`, reason: `unreadable BibTeX: ${firstLine((error as Error).message)}` });
        }
        at += lineCount(piece);
      }
    }
    line += batch.reduce((n, piece) => n + lineCount(piece), 0);
    progress?.(Math.min(1, (start + BATCH) / pieces.length));
  }
  if (!entries) throw new ImportError(`${name} has no BibTeX entry Paperdex can read. Nothing was imported.`);
  return { format: 'bibtex', records, invalid, lenient: [] };
}

function fieldValue(v: Value, strings: Record<string, string>): string {
  if (v.datatype === 'concatinate' && Array.isArray(v.value)) return v.value.map((part) => fieldValue(part, strings)).join('');
  if (v.datatype === 'identifier') return strings[String(v.value).toLowerCase()] ?? '';
  return v.value === null || v.value === undefined ? '' : String(v.value);
}

function entryFields(item: Extract<Item, { itemtype: 'entry' }>, strings: Record<string, string>): Fields {
  const fields: Fields = {};
  for (const field of item.fields) fields[field.name.toLowerCase()] = fieldValue(field, strings);
  return fields;
}

/**
 * The venue of one BibTeX entry (DBLP's record of a published paper), or undefined when the
 * text holds none, or only a preprint (`journal = {CoRR}`).
 */
export function readBibtexVenue(text: string, source: 'dblp' | 'import'): Venue | undefined {
  const strings = { ...MONTH_MACROS };
  for (const item of bibtexParse.parse(text, { number: 'string' })) {
    if (item.itemtype === 'string') strings[item.name.toLowerCase()] = fieldValue(item, strings);
    if (item.itemtype === 'entry') return bibtexVenue(item.type, entryFields(item, strings), source);
  }
  return undefined;
}

/**
 * Where an entry says the paper was published: `@inproceedings` with its `booktitle` (a
 * workshop when it says so), `@article` with its `journal` (never arXiv's or DBLP's CoRR), with
 * volume, number, pages, publisher and the DOI when they are given.
 */
export function bibtexVenue(type: string, f: Fields, source: 'dblp' | 'import'): Venue | undefined {
  const kind = type.toLowerCase();
  // Names as text ("Montréal", "ICLR"), not as TeX ("Montr{\'{e}}al", "{ICLR}"): shown and
  // written to RIS and CSL as they are; BibTeX escapes them again.
  const plain = (tex: string | undefined) => collapseWhitespace(texToText(tex ?? ''));
  const booktitle = plain(f.booktitle);
  const journal = plain(f.journal ?? f.journaltitle);
  let venue: Venue;
  if ((kind === 'inproceedings' || kind === 'conference' || kind === 'incollection') && booktitle && !ARXIV_JOURNAL.test(booktitle)) {
    venue = { name: booktitle.slice(0, 1000), kind: /\bworkshops?\b/i.test(booktitle) ? 'workshop' : 'conference', source };
  } else if (kind === 'article' && journal && !ARXIV_JOURNAL.test(journal)) {
    venue = { name: journal.slice(0, 1000), kind: 'journal', source };
  } else return undefined;
  const year = Number(/\d{4}/.exec(f.year ?? f.date ?? '')?.[0]);
  if (year >= 1900 && year <= 2999) venue.year = year;
  const text = (name: string) => plain(f[name]).slice(0, 100) || undefined;
  const details = { volume: text('volume'), number: text('number'), pages: text('pages')?.replace(/-+/g, '–'), publisher: plain(f.publisher).slice(0, 300) || undefined };
  for (const [name, value] of Object.entries(details)) if (value) (venue as Record<string, unknown>)[name] = value;
  const doi = (f.doi ?? '').trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  if (doi && !/^10\.48550\//i.test(doi)) venue.doi = doi;
  const url = (f.url ?? '').trim();
  if (/^https?:\/\/\S+$/.test(url) && !/arxiv\.org\//i.test(url)) venue.url = url;
  return venue;
}

const lineCount = (text: string) => text.split('\n').length - 1;
const firstLine = (text: string) => text.split('\n')[0]!.slice(0, 160);

/**
 * The arXiv id (and version) an entry names: eprint with an arXiv prefix or type (or none), an
 * arXiv URL, arXiv's DOI, "arXiv:…" in journal/note/howpublished (Google Scholar), or DBLP's
 * CoRR volume "abs/…".
 */
function entryArxivId(f: Fields) {
  const prefix = `${f.archiveprefix ?? ''} ${f.eprinttype ?? ''}`.toLowerCase();
  const candidates = [
    !prefix.trim() || prefix.includes('arxiv') ? (f.eprint ?? '') : '',
    /arxiv\.org\/(?:abs|pdf)\/([^\s?#}]+?)(?:\.pdf)?\/?(?:[?#\s]|$)/i.exec(f.url ?? '')?.[1] ?? '',
    /10\.48550\/arxiv\.(\S+)/i.exec(f.doi ?? '')?.[1] ?? '',
    /arXiv:\s*([^\s,;}]+)/i.exec(`${f.journal ?? ''} ${f.note ?? ''} ${f.howpublished ?? ''}`)?.[1] ?? '',
    /^corr$/i.test((f.journal ?? '').trim()) ? (/^abs\/(\S+)$/.exec((f.volume ?? '').trim())?.[1] ?? '') : '',
  ];
  for (const c of candidates) {
    const id = c ? parseArxivId(c.trim()) : null;
    if (id) return id;
  }
  return null;
}

/** A journal field that only says "arXiv" (Google Scholar's "arXiv preprint …", DBLP's "CoRR"). */
const ARXIV_JOURNAL = /^(arxiv\b|corr$|arxiv preprint)/i;

/** "Nature 123(4), 45–67 (2020)" from the journal fields, as arXiv writes journal references. */
function journalRef(f: Fields): string | undefined {
  const journal = readTex(f.journal ?? f.journaltitle ?? '');
  if (!journal || ARXIV_JOURNAL.test(journal)) return undefined;
  const volume = f.volume ? ` ${f.volume}${f.number ? `(${f.number})` : ''}` : '';
  const pages = f.pages ? `, ${f.pages.replace(/-+/g, '–')}` : '';
  const year = volume || pages ? ` (${(f.year ?? '').trim()})`.replace(' ()', '') : '';
  return collapseWhitespace(`${journal}${volume}${pages}${year}`);
}

/** The date an entry gives, and whether it is exact to the day. */
function entryDate(f: Fields, arxivId: string): { date: string; exact: boolean } {
  const date = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec((f.date ?? '').trim());
  if (date?.[3]) return { date: isoDate(date[1]!, date[2]!, date[3]), exact: true };
  if (date?.[2]) return { date: isoDate(date[1]!, date[2]), exact: false };
  const year = /\d{4}/.exec(f.year ?? '')?.[0];
  const m = (f.month ?? '').trim();
  const month = /^\d+$/.test(m) ? Number(m) : monthNumber(m);
  if (year && month >= 1 && month <= 12) return { date: isoDate(year, month), exact: false };
  // A year alone (Google Scholar, DBLP): the month the id was issued is closer to v1.
  return { date: dateFromId(arxivId), exact: false };
}

/** A record from a BibTeX entry, or why there is none. */
function bibtexRecord(type: string, f: Fields, now: number): Paper | string {
  const id = entryArxivId(f);
  if (!id) {
    const doi = (f.doi ?? '').trim();
    return doi ? `no arXiv id (DOI ${doi} is not an arXiv paper; Paperdex keeps arXiv papers)` : 'no arXiv eprint, arXiv URL or arXiv DOI';
  }
  const { names, truncated } = readBibtexNames(f.author ?? '');
  const { date, exact } = entryDate(f, id.id);
  const doi = (f.doi ?? '').trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  const version = Number(f.version) || id.version;
  const seen: SeenPaper = {
    arxivId: id.id,
    ...(version ? { version } : {}),
    title: readTitle(f.title ?? '') || undefined,
    authors: names,
    abstract: readTex(f.abstract ?? '') || undefined,
    published: date,
    categories: [collapseWhitespace(f.primaryclass ?? f.eprintclass ?? '')].filter(Boolean),
    ...(doi && !/^10\.48550\//i.test(doi) ? { doi } : {}),
    ...(journalRef(f) ? { journalRef: journalRef(f) } : {}),
    ...(/^withdrawn$/i.test((f.note ?? '').trim()) ? { withdrawn: true as const } : {}),
  };
  const completed = completePaper(seen, undefined);
  if (!completed.ok) return 'no title';
  const metadata = completed.paper;
  // What BibTeX cannot say for sure (the day, every author) keeps the record from replacing finer data.
  if (!exact || truncated) metadata.incomplete = true;
  // A published paper's entry (Paperdex's own "cite as published", DBLP's): its venue, finer than a journal reference.
  // An @article with a journal and nothing more is a journal reference (Paperdex's own export
  // of one): completePaper read it as arXiv's.
  const venue = bibtexVenue(type, f, 'import');
  const onlyJournal = type.toLowerCase() === 'article' && !f.volume && !f.number && !f.pages && !f.publisher;
  if (venue && !onlyJournal) metadata.venue = venue;
  const valid = paperMetadataSchema.safeParse(metadata);
  if (!valid.success) return describeIssue(valid.error);
  const keywords = (f.keywords ?? '').split(/[,;]/).map((k) => texToText(unescapePlain(k)));
  return { ...mergePaper(undefined, valid.data, now), tags: normalizeTags(keywords) };
}
