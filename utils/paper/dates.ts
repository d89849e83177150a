/** Dates as the library stores them (ISO days), from the ways pages, APIs and files write them. */

/** BibTeX's month macros, and the first three letters of every English month name. */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** 1–12 for "Sep", "sep.", "September"; 0 for anything else. */
export function monthNumber(name: string): number {
  const word = name.trim().toLowerCase().replace(/\.$/, '');
  return MONTH_ABBREVIATIONS.indexOf(word.slice(0, 3) as (typeof MONTH_ABBREVIATIONS)[number]) + 1;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** "2026-09-09" from its parts. */
export function isoDate(year: number | string, month: number | string, day: number | string = 1): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Whether text is a day that exists, written as the library stores days: "2024-02-29", not "2024-13-45". */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The local day of a moment, "2026-11-26"; with `minutes`, "2026-11-26-0930". */
export function localDay(date: Date, minutes = false): string {
  const day = isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
  return minutes ? `${day}-${pad(date.getHours())}${pad(date.getMinutes())}` : day;
}

/** "2609.22268" → 2026-09-01, "hep-th/9901001" → 1999-01-01: the month the id was issued. */
export function dateFromId(arxivId: string): string {
  const yymm = /^(\d{2})(\d{2})/.exec(arxivId.includes('/') ? arxivId.split('/')[1]! : arxivId);
  if (!yymm) return '1991-08-01';
  const yy = Number(yymm[1]);
  const year = arxivId.includes('/') && yy >= 91 ? 1900 + yy : 2000 + yy;
  return `${year}-${yymm[2]}-01`;
}
