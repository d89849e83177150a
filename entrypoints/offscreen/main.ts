import { backupJson } from '@/utils/backup/file';
import { repository } from '@/utils/db/repository';
import { onMessage } from '@/utils/messaging';

/**
 * Chrome's offscreen document, which the background keeps open (background/offscreen.ts); in
 * Firefox, a frame of the background page (backups are made there by the background itself):
 *
 * - The resident search (utils/search/resident.ts) runs in a worker of its own
 *   (resident-worker.ts): the extension's pages share one process and its main thread, and the
 *   engine's work (opening the index, a rebuild after an import) must hold up neither a popup
 *   opening nor the library page.
 * - Backups: Chrome's service worker can make neither a blob URL nor a data: URL over 2 MB, so
 *   this document (same origin, same IndexedDB) builds the JSON backup and lends the file's URL
 *   until the background has downloaded it.
 */
const resident = new Worker(new URL('./resident-worker.ts', import.meta.url), { type: 'module', name: 'paperdex-resident' });
// A worker that cannot start answers nothing: popups wait for their own engines.
resident.addEventListener('error', (event) => console.warn('[paperdex:resident] error in the resident search', event instanceof ErrorEvent ? event.message : 'its script did not load'));

/**
 * However the download ends, a backup file's URL goes within this long: were the background
 * stopped before it let the URL go, the library's copy would stay in memory until the browser
 * closed, since this document is never closed.
 */
const BACKUP_URL_LIFETIME_MS = 10 * 60_000;

onMessage('makeBackupUrl', async () => {
  try {
    const url = URL.createObjectURL(new Blob([await backupJson(repository)], { type: 'application/json' }));
    setTimeout(() => URL.revokeObjectURL(url), BACKUP_URL_LIFETIME_MS);
    return { ok: true, value: url };
  } catch (error) {
    return { ok: false, code: 'storage', message: `the library could not be read (${(error as Error).message})` };
  }
});

onMessage('revokeBackupUrl', ({ data }) => URL.revokeObjectURL(data));
