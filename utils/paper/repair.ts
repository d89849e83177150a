import { parseArxivId } from './arxiv-id';
import { normalizeTags } from './tags';
import { absUrl, paperIdFor, pdfUrl } from './urls';
import { collapseWhitespace } from './text';

/**
 * Lenience where the meaning of a record is clear: what an import file or an old record says
 * in another form than the record format, put in that form, each change named. Where the
 * meaning is not clear, nothing is changed and validation says what is wrong.
 */

export type Fix =
  | 'timestamp-as-day'
  | 'date-text-as-time'
  | 'tags-merged'
  | 'tags-from-text'
  | 'authors-from-text'
  | 'version-from-text'
  | 'version-from-id'
  | 'missing-lists'
  | 'links-rebuilt';

/** How each fix is said in an import preview or the library page. */
export const FIX_TEXT: Record<Fix, string> = {
  'timestamp-as-day': 'a date written with a time was read as its day',
  'date-text-as-time': 'a save or change time written as a date was read as that moment',
  'tags-merged': 'tags differing only in case or spacing were merged',
  'tags-from-text': 'tags written as one text were split at commas',
  'authors-from-text': 'authors written as one text were split at "and" and semicolons',
  'version-from-text': 'a version written as text was read as a number',
  'version-from-id': 'a version written in the arXiv id was taken from it',
  'missing-lists': 'a missing list (sources, tags, categories) or notes were taken as empty',
  'links-rebuilt': "the paper's links and id were rebuilt from its arXiv id",
};

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;

/** A record in the record format where its meaning is clear, and what was changed. */
export function repairRecord(raw: unknown): { value: unknown; fixes: Fix[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { value: raw, fixes: [] };
  const r: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const fixes = new Set<Fix>();

  for (const key of ['published', 'updated'] as const) {
    const day = typeof r[key] === 'string' ? ISO_TIMESTAMP.exec(r[key] as string)?.[1] : undefined;
    if (day) {
      r[key] = day;
      fixes.add('timestamp-as-day');
    }
  }
  for (const key of ['savedAt', 'updatedAt', 'checkedAt'] as const) {
    const time = typeof r[key] === 'string' ? Date.parse(r[key] as string) : Number.NaN;
    if (Number.isFinite(time)) {
      r[key] = time;
      fixes.add('date-text-as-time');
    }
  }
  if (typeof r.tags === 'string') {
    r.tags = r.tags.split(/[,;]/);
    fixes.add('tags-from-text');
  }
  if (Array.isArray(r.tags) && r.tags.every((t) => typeof t === 'string')) {
    const tags = normalizeTags(r.tags as string[]);
    const tidy = (r.tags as string[]).map(collapseWhitespace).filter(Boolean);
    if (tags.length < new Set(tidy).size) fixes.add('tags-merged');
    r.tags = tags;
  }
  if (typeof r.authors === 'string') {
    r.authors = r.authors.split(/\s+and\s+|;/).map(collapseWhitespace).filter(Boolean);
    fixes.add('authors-from-text');
  }
  if (typeof r.version === 'string' && /^\d+$/.test(r.version.trim())) {
    r.version = Number(r.version);
    fixes.add('version-from-text');
  }
  for (const key of ['sources', 'tags', 'categories'] as const) {
    if (r[key] === undefined || r[key] === null) {
      r[key] = [];
      fixes.add('missing-lists');
    }
  }
  if (r.notes === undefined || r.notes === null) {
    r.notes = '';
    fixes.add('missing-lists');
  }
  const id = typeof r.arxivId === 'string' ? parseArxivId(r.arxivId) : null;
  if (id) {
    if (id.version && r.arxivId !== id.id) {
      if (r.version === undefined) r.version = id.version;
      fixes.add('version-from-id');
    }
    const links = { arxivId: id.id, id: paperIdFor(id.id), url: absUrl(id.id), pdfUrl: pdfUrl(id.id) };
    if (Object.entries(links).some(([k, v]) => r[k] !== v)) {
      // Only when the record says nothing else: a link to another paper is not a typo.
      const other = [r.url, r.pdfUrl].some((u) => typeof u === 'string' && !u.includes(id.id));
      if (!other) {
        Object.assign(r, links);
        fixes.add('links-rebuilt');
      }
    }
  }
  return { value: r, fixes: [...fixes] };
}
