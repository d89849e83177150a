import { backupJson } from '@/utils/backup/file';
import { repository } from '@/utils/db/repository';
import { onMessage } from '@/utils/messaging';

/**
 * Chrome's offscreen document, which the background keeps open (background/offscreen.ts):
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
// Nothing answers without it: popups wait for their own engines, as in Firefox.
resident.addEventListener('error', (event) => console.warn('[paperdex:resident] the resident search stopped', event.message));

onMessage('makeBackupUrl', async () => {
  try {
    const url = URL.createObjectURL(new Blob([await backupJson(repository)], { type: 'application/json' }));
    return { ok: true, value: url };
  } catch (error) {
    return { ok: false, code: 'storage', message: `the library could not be read (${(error as Error).message})` };
  }
});

onMessage('revokeBackupUrl', ({ data }) => URL.revokeObjectURL(data));
