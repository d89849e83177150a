import { browser } from 'wxt/browser';
import type { Repository } from '@/utils/db/repository';
import { localDay } from '@/utils/dates';
import { libraryToJson } from '@/utils/export/json';
import { BACKUP_SETTINGS_KEY, sendMessage, type BackupSettings, type BackupStatus } from '@/utils/messaging';

const ALARM = 'paperdex-daily-backup';
export const BACKUP_FOLDER = 'Paperdex';
const DEFAULTS: BackupSettings = { enabled: true, keep: 7 };
/** Bulk changes close together (an import and its follow-up edits) make one backup. */
const AFTER_CHANGE_DELAY_MS = 5_000;

/** What backups need of the browser, so that tests can stand in for it. */
export interface BackupPlatform {
  load(): Promise<Partial<BackupStatus> | undefined>;
  store(status: BackupStatus): Promise<void>;
  /**
   * Writes a backup file under the downloads folder and resolves once it is complete, with its
   * path. `build` makes the JSON; a platform may run the same in another context.
   */
  download(filename: string, build: () => Promise<string>): Promise<string>;
  /** Backups written before, newest first: their download ids and names. */
  listBackups(): Promise<{ id: number; filename: string }[]>;
  removeBackup(id: number): Promise<void>;
  now(): number;
}

/** `paperdex-backup-2026-11-26-0930.json` in the local time of the backup. */
export function backupFileName(at: Date): string {
  return `paperdex-backup-${localDay(at, true)}.json`;
}

/**
 * Automatic backups outside extension storage: the whole library as a JSON backup (the import
 * format) written through the browser's downloads into a Paperdex/ folder, daily and after bulk
 * changes, keeping the newest `keep`. A browser profile reset or a removed extension does not
 * take them along.
 */
export function createBackups(repository: Pick<Repository, 'listPapers' | 'countPapers'>, platform: BackupPlatform) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<BackupStatus> | null = null;

  async function status(): Promise<BackupStatus> {
    return { ...DEFAULTS, ...(await platform.load()) };
  }

  async function write(force: boolean): Promise<BackupStatus> {
    const current = await status();
    if (!force && !current.enabled) return current;
    if (!(await repository.countPapers())) return current;
    try {
      const at = platform.now();
      const path = await platform.download(`${BACKUP_FOLDER}/${backupFileName(new Date(at))}`, () => backupJson(repository, at));
      // Only now, with the new backup complete, do the oldest go.
      const old = (await platform.listBackups()).slice(Math.max(1, current.keep));
      for (const backup of old) await platform.removeBackup(backup.id).catch(() => undefined);
      const next: BackupStatus = { enabled: current.enabled, keep: current.keep, lastBackupAt: at, lastBackupFile: path };
      await platform.store(next);
      return next;
    } catch (error) {
      const next: BackupStatus = { ...current, lastError: `The backup could not be written: ${(error as Error).message ?? String(error)}` };
      await platform.store(next);
      console.error('[paperdex:backup]', error);
      return next;
    }
  }

  /** One backup at a time; a request while one runs gets that one's outcome. */
  function run(force: boolean): Promise<BackupStatus> {
    running ??= write(force).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    status,
    async configure(settings: Partial<BackupSettings>): Promise<BackupStatus> {
      const next = { ...(await status()), ...settings };
      next.keep = Math.min(100, Math.max(1, Math.round(next.keep)));
      await platform.store(next);
      return next;
    },
    backupNow: () => run(true),
    /** The daily alarm: a backup if the library changed since the last one. */
    async daily(): Promise<BackupStatus> {
      const current = await status();
      if (current.lastBackupAt && platform.now() - current.lastBackupAt < 20 * 60 * 60 * 1000) return current;
      return run(false);
    },
    /** After an import or a bulk delete: one backup a moment later. */
    afterBulkChange(): void {
      clearTimeout(timer);
      timer = setTimeout(() => void run(false), AFTER_CHANGE_DELAY_MS);
    },
  };
}

export type Backups = ReturnType<typeof createBackups>;

/** The whole library as a compact JSON backup (the import format). */
export async function backupJson(repository: Pick<Repository, 'listPapers'>, at = Date.now()): Promise<string> {
  return libraryToJson(await repository.listPapers(), new Date(at), true);
}

const OFFSCREEN_PATH = '/offscreen.html';

/**
 * A blob URL for the backup. Chrome's service worker cannot make one (no URL.createObjectURL)
 * and a data: URL is capped at 2 MB, so an offscreen document (same origin, same IndexedDB)
 * builds the file and lends its URL; Firefox's background page makes it itself.
 */
async function backupUrl(build: () => Promise<string>): Promise<{ url: string; done(): Promise<void> }> {
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([await build()], { type: 'application/json' }));
    return { url, done: async () => URL.revokeObjectURL(url) };
  }
  const offscreen = browser.offscreen;
  if (!(await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length) {
    await offscreen.createDocument({ url: OFFSCREEN_PATH, reasons: ['BLOBS'], justification: 'Write the library backup file' });
  }
  const answer = await sendMessage('makeBackupUrl', undefined);
  if (!answer.ok) throw new Error(answer.message);
  return { url: answer.value, done: () => offscreen.closeDocument().catch(() => undefined) };
}

/** Resolves when a download completes; rejects when it is interrupted. */
function completion(id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (state: string | undefined, error?: string) => {
      if (state === 'complete') finish(resolve);
      else if (state === 'interrupted') finish(() => reject(new Error(`the download was interrupted (${error ?? 'unknown reason'})`)));
    };
    const listener = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (delta.id === id) check(delta.state?.current, delta.error?.current);
    };
    const timer = setTimeout(() => finish(() => reject(new Error('the download did not finish within two minutes'))), 120_000);
    const finish = (then: () => void) => {
      clearTimeout(timer);
      browser.downloads.onChanged.removeListener(listener);
      then();
    };
    browser.downloads.onChanged.addListener(listener);
    void browser.downloads.search({ id }).then(([item]) => check(item?.state, item?.error));
  });
}

/** The browser side: storage.local for the settings, downloads for the files, alarms daily. */
export const browserBackupPlatform: BackupPlatform = {
  async load() {
    return (await browser.storage.local.get(BACKUP_SETTINGS_KEY))[BACKUP_SETTINGS_KEY] as Partial<BackupStatus> | undefined;
  },
  async store(status) {
    await browser.storage.local.set({ [BACKUP_SETTINGS_KEY]: status });
  },
  async download(filename, build) {
    const file = await backupUrl(build);
    try {
      const id = await browser.downloads.download({ url: file.url, filename, conflictAction: 'uniquify', saveAs: false });
      await completion(id);
      const [item] = await browser.downloads.search({ id });
      return item?.filename ?? filename;
    } finally {
      await file.done();
    }
  },
  async listBackups() {
    const items = await browser.downloads.search({ filenameRegex: 'paperdex-backup-', orderBy: ['-startTime'], exists: true, state: 'complete' });
    return items.filter((d) => /[\\/]Paperdex[\\/]paperdex-backup-[^\\/]*\.json$/.test(d.filename)).map((d) => ({ id: d.id, filename: d.filename }));
  },
  async removeBackup(id) {
    await browser.downloads.removeFile(id);
    await browser.downloads.erase({ id });
  },
  now: () => Date.now(),
};

/** Daily backups by alarm (alarms survive the service worker stopping). */
export function scheduleDailyBackups(backups: Backups): void {
  void browser.alarms.get(ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void backups.daily();
  });
}
