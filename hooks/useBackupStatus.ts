import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { BACKUP_SETTINGS_KEY, type BackupSettings, type BackupStatus } from '@/utils/backup/settings';
import { askBackground as ask, sendMessage } from '@/utils/messaging';
import type { Notices } from './useNotice';
import type { Progress } from './useProgress';

export interface Backups {
  status: BackupStatus | null;
  configure(settings: Partial<BackupSettings>): void;
  backupNow(): void;
}

/** The backup settings and status, kept current: the background writes backups while the page is open. */
export function useBackupStatus(notices: Notices, progress: Progress): Backups {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const { show, report } = notices;

  useEffect(() => {
    const load = () =>
      sendMessage('getBackupStatus', undefined).then(
        (r) => r.ok && setStatus(r.value),
        () => show('error', "Paperdex's background isn't responding: backups can't be shown. Reload this page."),
      );
    void load();
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && BACKUP_SETTINGS_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, [show]);

  const configure = useCallback(
    (settings: Partial<BackupSettings>) => {
      void ask(() => sendMessage('setBackupSettings', settings)).then((r) => report(r, (s) => void setStatus(s)));
    },
    [report],
  );

  const backupNow = useCallback(() => {
    void progress.during('Writing a backup…', async () => {
      const r = await ask(() => sendMessage('backupNow', undefined));
      report(r, (s) => {
        setStatus(s);
        return s.lastError ? undefined : 'Backup written.';
      });
    });
  }, [progress, report]);

  return { status, configure, backupNow };
}
