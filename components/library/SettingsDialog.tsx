import type { Backups } from '@/hooks/useBackupStatus';
import type { LibraryHealth } from '@/hooks/useLibraryHealth';
import type { Lookups } from '@/hooks/useLookupSettings';
import { BackupPanel } from './BackupPanel';
import { LookupPanel } from './LookupPanel';
import { Modal } from './Modal';
import { StorageSection } from './StorageSection';

interface Props {
  backups: Backups;
  health: LibraryHealth;
  lookups: Lookups;
  busy: boolean;
  onDelete(ids: string[]): void;
  onClose(): void;
}

/** Settings and the library as a store: backups, venue lookups, storage, background work, records to repair. */
export function SettingsDialog({ backups, health, lookups, busy, onDelete, onClose }: Props) {
  return (
    <Modal labelledBy="settings-title" onClose={onClose} className="settings-dialog">
      <h2 id="settings-title">Settings</h2>
      <BackupPanel status={backups.status} busy={busy} onChange={backups.configure} onBackupNow={backups.backupNow} />
      <LookupPanel lookups={lookups} />
      <StorageSection health={health} onDelete={onDelete} />
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
