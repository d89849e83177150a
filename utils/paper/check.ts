import { isCalendarDate } from './dates';
import type { Paper } from './schema';

/**
 * Records as they come out of storage, which may not be what Paperdex wrote (a record of an
 * older format, a hand-edited backup restored, a bug): whether the UI can show and search one,
 * without the schema library (this runs on the popup's first paint). The library page checks
 * every record against the full schema and lists what is wrong.
 */

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Whether a stored record has every field the popup, the library page, search and exports read, of the right type. */
export function isSound(value: unknown): value is Paper {
  if (!value || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return (
    isString(p.id) &&
    isString(p.arxivId) &&
    typeof p.version === 'number' &&
    isString(p.title) &&
    isStrings(p.authors) &&
    isString(p.abstract) &&
    isString(p.published) &&
    isCalendarDate(p.published) &&
    isString(p.updated) &&
    isString(p.url) &&
    isString(p.pdfUrl) &&
    isStrings(p.categories) &&
    isStrings(p.sources) &&
    isStrings(p.tags) &&
    isString(p.notes) &&
    isTime(p.savedAt) &&
    isTime(p.updatedAt) &&
    (p.doi === undefined || isString(p.doi)) &&
    (p.journalRef === undefined || isString(p.journalRef))
  );
}

/** A number a record's time field holds, if it holds one. */
export function timeOf(value: unknown): number {
  return isTime(value) ? value : Number.NaN;
}
