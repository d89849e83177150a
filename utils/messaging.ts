import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PaperStatus } from './db/repository';
import type { PaperInput } from './paper';

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
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
