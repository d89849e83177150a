import type { LibraryHealth } from '@/hooks/useLibraryHealth';
import { paperCount } from '@/utils/paper/display';
import { FIX_TEXT } from '@/utils/paper/repair';

/** "12.3 MB". */
export function bytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/**
 * The library as a store: how much it uses, whether the browser may evict it, the work the
 * background still owes (completions from arXiv) or gave up on and why, and records that no
 * longer validate, with a way to repair, export or delete each.
 */
export function StorageSection({ health, onDelete }: { health: LibraryHealth; onDelete(ids: string[]): void }) {
  const { storage, waiting, failed, problems } = health;
  return (
    <section className="storage" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      {storage && (
        <p className="storage-usage">
          Paperdex uses {bytes(storage.usage)}
          {storage.quota ? ` of the ${bytes(storage.quota)} it may use` : ''}.{' '}
          {storage.persisted
            ? 'The storage is persistent: the browser will not evict your library to free space.'
            : storage.unlimited
              ? 'The storage is exempt from eviction: the browser will not clear your library to free space (Paperdex holds unlimited storage).'
              : 'The browser has not made this storage persistent: under heavy storage pressure it could evict it. Keep backups on.'}
        </p>
      )}
      {waiting > 0 && (
        <p role="status" className="storage-jobs">
          {paperCount(waiting)} waiting for arXiv: their details are fetched in the background, one request every 3 seconds.
        </p>
      )}
      {failed.length > 0 && (
        <div className="storage-failed">
          <h3>Papers Paperdex could not complete</h3>
          <ul>
            {failed.map((job) => (
              <li key={job.id}>
                <strong>{job.title ?? job.paperId ?? job.id}</strong>: {job.error}{' '}
                {job.paperId && (
                  <button type="button" className="small-button" onClick={() => health.retry(job)}>
                    Retry
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {problems && problems.length > 0 && (
        <div className="storage-problems">
          <h3>Records that need attention ({problems.length})</h3>
          <p className="hint">
            These records no longer match the record format (an older version, a hand-edited backup). They are kept as they
            are, left out of search and of every export but the JSON backup.
          </p>
          <ul aria-label="Records that need attention">
            {problems.map((p) => (
              <li key={p.id}>
                <strong>{p.title ?? p.id}</strong> ({p.id}): {p.problem}.{' '}
                {p.fixes.length > 0 && <span className="hint">Repair: {p.fixes.map((f) => FIX_TEXT[f]).join('; ')}. </span>}
                {p.fixes.length > 0 && (
                  <button type="button" className="small-button" onClick={() => health.repair([p.id])}>
                    Repair
                  </button>
                )}{' '}
                <button type="button" className="small-button" onClick={() => health.exportRecords([p.id])}>
                  Export as JSON
                </button>{' '}
                <button type="button" className="small-button danger" onClick={() => onDelete([p.id])}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
