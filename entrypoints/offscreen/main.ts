import { backupJson } from '@/utils/backup/file';
import { repository } from '@/utils/db/repository';
import { onMessage } from '@/utils/messaging';

/**
 * The offscreen document the background opens to write a backup: Chrome's service worker can
 * make neither a blob URL nor a data: URL over 2 MB. It reads the library (same origin, same
 * IndexedDB), builds the JSON backup and lends the file's URL until the background closes it.
 */
onMessage('makeBackupUrl', async () => {
  try {
    const url = URL.createObjectURL(new Blob([await backupJson(repository)], { type: 'application/json' }));
    return { ok: true, value: url };
  } catch (error) {
    return { ok: false, code: 'storage', message: `the library could not be read (${(error as Error).message})` };
  }
});
