import type { Repository } from '../db/repository';
import { libraryToJson } from '../export/json';
import { localDay } from '../paper/dates';

/** The backup file: what it holds and where it goes, for the background and the offscreen document. */

/** The folder inside the downloads folder. */
export const BACKUP_FOLDER = 'Paperdex';

/** `paperdex-backup-2026-11-26-0930.json` in the local time of the backup. */
export function backupFileName(at: Date): string {
  return `paperdex-backup-${localDay(at, true)}.json`;
}

/** Whether a downloaded file's path is one of Paperdex's backups. */
export function isBackupPath(path: string): boolean {
  return /[\\/]Paperdex[\\/]paperdex-backup-[^\\/]*\.json$/.test(path);
}

/** The whole library as a compact JSON backup (the import format). */
export async function backupJson(repository: Pick<Repository, 'listPapers'>, at = Date.now()): Promise<string> {
  return libraryToJson(await repository.listPapers(), new Date(at), true);
}
