import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PaperStatus } from './db/repository';
import type { PaperInput } from './paper';
import type { PaperChange } from './paper-change';

export type { PaperStatus };

/** Expected failures travel as values the UI can show; only bugs throw. */
export type Result<T> = { ok: true; value: T } | { ok: false; code: FailureCode; message: string };

export type FailureCode = 'invalid' | 'quota' | 'storage' | 'unreachable' | 'lookup';

/** The library state after a save, and why the record is incomplete when it is. */
export type SaveOutcome = PaperStatus & { note?: string };

/**
 * The one protocol between contexts. Content scripts and extension pages ask the background,
 * the single writer of the library; the background tells open tabs when papers change.
 */
export interface ProtocolMap {
  /**
   * Saves (or refreshes) the paper a page shows; the background fetches what the page lacks.
   * A link, a PDF or the popup's "Save this page" sends just the id.
   */
  savePaper(input: PaperInput): Result<SaveOutcome>;
  removePaper(id: string): Result<null>;
  /** The library state of the papers a page shows, keyed by paper id. */
  getPaperStatus(ids: string[]): Result<Record<string, PaperStatus>>;
  /** Background → content scripts: the new state of papers that changed. */
  libraryChanged(changes: Record<string, PaperStatus>): void;

  /** The library page and the popup: tags, notes, reading status of one paper or many. */
  updatePapers(request: { ids: string[]; change: PaperChange }): Result<number>;
  /**
   * The library page wrote these papers itself (an import, a bulk delete, an Undo: thousands
   * of records are not sent through messages): the background tells open pages and backs up.
   */
  papersChanged(ids: string[]): Result<null>;
  getBackupStatus(): Result<BackupStatus>;
  /** Background → offscreen document: build the backup file and lend its blob URL. */
  makeBackupUrl(): Result<string>;
  setBackupSettings(settings: Partial<BackupSettings>): Result<BackupStatus>;
  backupNow(): Result<BackupStatus>;
}

/** Where the background keeps the backup settings and status (storage.local). */
export const BACKUP_SETTINGS_KEY = 'paperdex.backup';

export interface BackupSettings {
  /** Write a JSON backup daily and after bulk changes. On unless the user turns it off. */
  enabled: boolean;
  /** How many backups to keep in the downloads folder's Paperdex/ folder. */
  keep: number;
}

export interface BackupStatus extends BackupSettings {
  /** Epoch ms of the last backup written, if any. */
  lastBackupAt?: number;
  lastBackupFile?: string;
  /** Why the last attempt failed, if it did. */
  lastError?: string;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
