import { useId } from 'react';
import type { BackupStatus } from '@/utils/backup/settings';

interface Props {
  status: BackupStatus | null;
  busy: boolean;
  onChange(settings: Partial<BackupStatus>): void;
  onBackupNow(): void;
}

/** Automatic backups: on or off, how many to keep, when the last one was written; restore is Import. */
export function BackupPanel({ status, busy, onChange, onBackupNow }: Props) {
  const keepId = useId();
  if (!status) return null;
  const last = status.lastBackupAt ? new Date(status.lastBackupAt) : null;
  return (
    <section className="backups" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p role="status" className="backup-status">
        {last ? (
          <>
            Last backup: <time dateTime={last.toISOString()}>{last.toLocaleString()}</time>
            {status.lastBackupFile ? ` (${status.lastBackupFile})` : ''}.
          </>
        ) : (
          'No backup written yet.'
        )}
      </p>
      {status.lastError && (
        <p role="alert" className="banner banner-error">
          {status.lastError}
        </p>
      )}
      <label>
        <input type="checkbox" checked={status.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} /> Back up automatically, daily and
        after imports and bulk deletes, into the downloads folder's Paperdex/ folder
      </label>
      <div className="backup-row">
        <label htmlFor={keepId}>Keep the last</label>
        <input id={keepId} type="number" min={1} max={100} value={status.keep} onChange={(e) => onChange({ keep: Number(e.target.value) || 1 })} />
        <span>backups</span>
        <button type="button" onClick={onBackupNow} disabled={busy}>
          Back up now
        </button>
      </div>
      <p className="hint">To restore, choose a backup file with Import: it merges into the library and never deletes anything.</p>
    </section>
  );
}
