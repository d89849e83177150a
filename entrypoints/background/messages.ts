import { browser } from 'wxt/browser';
import { repository } from '@/utils/db/repository';
import { onMessage } from '@/utils/messaging';
import { createBackups } from '@/utils/backup/backups';
import { browserBackupPlatform, scheduleDailyBackups } from './backups';
import { createLibraryService } from './library-service';
import { createArxivLookup, defaultLookupDeps, lookupHuggingFace } from './metadata-lookup';
import { notifyTabs } from './notify-tabs';
import { registerSaveElsewhere } from './save-elsewhere';

/** Answers the typed messages of content scripts and extension pages. */
export function registerMessageHandlers(): void {
  const arxiv = createArxivLookup({ ...defaultLookupDeps, keepAlive: () => void browser.runtime.getPlatformInfo() });
  const backups = createBackups(repository, browserBackupPlatform);
  const library = createLibraryService(
    repository,
    notifyTabs,
    { arxiv: (id) => arxiv.lookup(id), huggingFace: (id) => lookupHuggingFace(id) },
    () => backups.afterBulkChange(),
  );
  onMessage('savePaper', ({ data }) => library.savePaper(data));
  onMessage('getPaperStatus', ({ data }) => library.getPaperStatus(data));
  onMessage('libraryWritten', ({ data }) => library.libraryWritten(data));
  onMessage('getBackupStatus', async () => ({ ok: true, value: await backups.status() }));
  onMessage('setBackupSettings', async ({ data }) => ({ ok: true, value: await backups.configure(data) }));
  onMessage('backupNow', async () => ({ ok: true, value: await backups.backupNow() }));
  scheduleDailyBackups(backups);
  registerSaveElsewhere((payload) => library.savePaper(payload));
}
