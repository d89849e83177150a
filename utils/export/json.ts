import type { Paper } from '../paper/schema';

/** The JSON backup: the import format, records exactly as stored (see README "Record format"). */

export const BACKUP_FORMAT = 'paperdex';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  papers: Paper[];
}

/** The JSON backup; `compact` (automatic backups) leaves out the indentation, a third of the size. */
export function libraryToJson(papers: readonly Paper[], now = new Date(), compact = false): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), papers: [...papers] };
  return compact ? JSON.stringify(backup) : JSON.stringify(backup, null, 1);
}
