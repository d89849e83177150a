/** Backup settings and status: kept by the background in storage.local, shown by the library page. */

/** Where the background keeps them (storage.local). */
export const BACKUP_SETTINGS_KEY = 'paperdex.backup';

export interface BackupSettings {
  /** Write a JSON backup daily and after bulk changes. On unless the user turns it off. */
  enabled: boolean;
  /** How many backups to keep in the downloads folder's Paperdex/ folder. */
  keep: number;
}

export interface BackupStatus extends BackupSettings {
  /** Epoch ms of the last backup written, if any. */
  lastBackupAt?: number;
  lastBackupFile?: string;
  /** Why the last attempt failed, if it did. */
  lastError?: string;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { enabled: true, keep: 7 };
