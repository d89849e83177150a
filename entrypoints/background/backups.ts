import { browser } from 'wxt/browser';
import type { BackupPlatform, Backups } from '@/utils/backup/backups';
import { isBackupPath } from '@/utils/backup/file';
import { BACKUP_SETTINGS_KEY, type BackupStatus } from '@/utils/backup/settings';
import { sendMessage } from '@/utils/messaging';
import { ensureOffscreen } from './offscreen';

/** The browser side of backups: storage.local, the downloads API, the offscreen document, alarms. */

const ALARM = 'paperdex-daily-backup';

/**
 * A blob URL for the backup. Chrome's service worker cannot make one (no URL.createObjectURL)
 * and a data: URL is capped at 2 MB, so the offscreen document (same origin, same IndexedDB)
 * builds the file and lends its URL; Firefox's background page makes it itself.
 */
async function backupUrl(build: () => Promise<string>): Promise<{ url: string; done(): Promise<void> }> {
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([await build()], { type: 'application/json' }));
    return { url, done: async () => URL.revokeObjectURL(url) };
  }
  await ensureOffscreen();
  const answer = await sendMessage('makeBackupUrl', undefined);
  if (!answer.ok) throw new Error(answer.message);
  // The document stays open (it holds the resident search): only the file goes.
  return { url: answer.value, done: () => sendMessage('revokeBackupUrl', answer.value).catch(() => undefined) };
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
    return items.filter((d) => isBackupPath(d.filename)).map((d) => ({ id: d.id, filename: d.filename }));
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
