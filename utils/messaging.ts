import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackupSettings, BackupStatus } from './backup/settings';
import type { LookupSettings } from './lookup-settings';
import type { PaperInput } from './paper/schema';
import type { PaperStatus } from './paper/status';
import type { Result } from './result';

/** The library state after a save, and why the record is incomplete when it is. */
export type SaveOutcome = PaperStatus & { note?: string };

/**
 * The one protocol between contexts. Content scripts, which cannot open the library, ask the
 * background to save and to say what is saved; extension pages write the library themselves
 * (utils/library-writes.ts) and tell the background; the background tells open tabs when
 * papers change.
 */
export interface ProtocolMap {
  /**
   * Saves (or refreshes) the paper a page shows; the background fetches what the page lacks.
   * A link, a PDF or the popup's "Save this page" sends just the id.
   */
  savePaper(input: PaperInput): Result<SaveOutcome>;
  /** The library state of the papers a page shows, keyed by paper id. */
  getPaperStatus(ids: string[]): Result<Record<string, PaperStatus>>;
  /** Background → content scripts: the new state of papers that changed. */
  libraryChanged(changes: Record<string, PaperStatus>): void;
  /**
   * Background → the active tab's content script (the save shortcut): save the paper under the
   * keyboard focus or the pointer; false when there is none, and the tab's address is saved.
   */
  saveHere(): boolean;
  /**
   * An extension page wrote these papers (an edit, a delete, an Undo, an import): the
   * background tells open tabs and, after a bulk change, backs up.
   */
  libraryWritten(written: { ids: string[]; bulk: boolean }): Result<null>;
  /**
   * An extension page opened. Any message wakes a stopped service worker, and a worker that
   * starts resumes the work it owes (completions, backups): this one says nothing else.
   */
  resume(): Result<null>;

  getBackupStatus(): Result<BackupStatus>;
  /** Background → offscreen document: build the backup file and lend its blob URL. */
  makeBackupUrl(): Result<string>;
  /** Background → offscreen document: the backup file is downloaded; let its URL go. */
  revokeBackupUrl(url: string): void;
  setBackupSettings(settings: Partial<BackupSettings>): Result<BackupStatus>;
  backupNow(): Result<BackupStatus>;

  /** "Find where papers were published and their code": whether it is on and the hosts granted. */
  getLookupSettings(): Result<LookupSettings>;
  /** Turns venue lookups on (after the page got the hosts granted) or off. */
  setLookupSettings(settings: { enabled: boolean }): Result<LookupSettings>;
  /** "Check now": look these papers' venues and code up at once. */
  checkPublications(ids: string[]): Result<null>;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

const NOT_RESPONDING = "Paperdex's background isn't responding. Reload this page and try again; nothing was changed.";

/** Asks the background from an extension page; a background that does not answer is a failure to show. */
export async function askBackground<T>(send: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await send();
  } catch {
    return { ok: false, code: 'unreachable', message: NOT_RESPONDING };
  }
}
