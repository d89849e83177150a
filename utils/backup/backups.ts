import { z } from 'zod';
import type { Repository } from '../db/repository';
import { describeIssue } from '../paper/schema';
import type { Result } from '../result';
import { BACKUP_FOLDER, backupFileName, backupJson } from './file';
import { DEFAULT_BACKUP_SETTINGS, type BackupStatus } from './settings';

/**
 * What a page may change: whether backups run and how many are kept (a number the field can
 * hold, brought into 1–100). Nothing else: when and where the last one went is the
 * background's to say.
 */
const settingsChangeSchema = z.strictObject({ enabled: z.boolean(), keep: z.number().finite() }).partial();

const clampKeep = (keep: number) => Math.min(100, Math.max(1, Math.round(keep)));

/** What storage holds, as settings the background can act on: a stray or mistyped value is dropped. */
function readStatus(stored: unknown): BackupStatus {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const status: BackupStatus = {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_BACKUP_SETTINGS.enabled,
    keep: typeof s.keep === 'number' && Number.isFinite(s.keep) ? clampKeep(s.keep) : DEFAULT_BACKUP_SETTINGS.keep,
  };
  if (typeof s.lastBackupAt === 'number' && s.lastBackupAt > 0) status.lastBackupAt = s.lastBackupAt;
  if (typeof s.lastBackupFile === 'string') status.lastBackupFile = s.lastBackupFile;
  if (typeof s.lastError === 'string') status.lastError = s.lastError;
  return status;
}

/** What backups need of the browser, so that tests can stand in for it. */
export interface BackupPlatform {
  load(): Promise<Partial<BackupStatus> | undefined>;
  store(status: BackupStatus): Promise<void>;
  /**
   * Writes a backup file under the downloads folder and resolves once it is complete, with its
   * path. `build` makes the JSON; a platform may run the same in another context.
   */
  download(filename: string, build: () => Promise<string>): Promise<string>;
  /** Backups written before, newest first: their download ids and names. */
  listBackups(): Promise<{ id: number; filename: string }[]>;
  removeBackup(id: number): Promise<void>;
  now(): number;
}

/**
 * Automatic backups outside extension storage: the whole library as a JSON backup (the import
 * format) written through the browser's downloads into a Paperdex/ folder, daily (an alarm) and
 * after bulk changes (a `backup` job, so that a stopped worker still owes it), keeping the
 * newest `keep`. A browser profile reset or a removed extension does not
 * take them along.
 */
export function createBackups(repository: Pick<Repository, 'listPapers' | 'countPapers'>, platform: BackupPlatform) {
  let running: Promise<BackupStatus> | null = null;

  async function status(): Promise<BackupStatus> {
    return readStatus(await platform.load());
  }

  async function write(force: boolean): Promise<BackupStatus> {
    const current = await status();
    if (!force && !current.enabled) return current;
    if (!(await repository.countPapers())) return current;
    try {
      const at = platform.now();
      const path = await platform.download(`${BACKUP_FOLDER}/${backupFileName(new Date(at))}`, () => backupJson(repository, at));
      // Only now, with the new backup complete, do the oldest go.
      const old = (await platform.listBackups()).slice(Math.max(1, current.keep));
      for (const backup of old) await platform.removeBackup(backup.id).catch(() => undefined);
      const next: BackupStatus = { enabled: current.enabled, keep: current.keep, lastBackupAt: at, lastBackupFile: path };
      await platform.store(next);
      return next;
    } catch (error) {
      const next: BackupStatus = { ...current, lastError: `The backup could not be written: ${(error as Error).message ?? String(error)}` };
      await platform.store(next);
      console.error('[paperdex:backup]', error);
      return next;
    }
  }

  /** One backup at a time; a request while one runs gets that one's outcome. */
  function run(force: boolean): Promise<BackupStatus> {
    running ??= write(force).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    status,
    /** A page's change to the settings, checked: anything but `enabled` and `keep` is refused. */
    async configure(payload: unknown): Promise<Result<BackupStatus>> {
      const change = settingsChangeSchema.safeParse(payload);
      if (!change.success) return { ok: false, code: 'invalid', message: `Those backup settings can't be used (${describeIssue(change.error)}).` };
      const next = { ...(await status()), ...change.data };
      next.keep = clampKeep(next.keep);
      await platform.store(next);
      return { ok: true, value: next };
    },
    backupNow: () => run(true),
    /** The daily alarm: a backup if the library changed since the last one. */
    async daily(): Promise<BackupStatus> {
      const current = await status();
      if (current.lastBackupAt && platform.now() - current.lastBackupAt < 20 * 60 * 60 * 1000) return current;
      return run(false);
    },
    /**
     * The backup owed after a bulk change (a `backup` job, written down with the change): done
     * when written, or when backups are off or the library empty; failed with the reason.
     */
    async owed(): Promise<{ ok: true } | { ok: false; message: string }> {
      const before = await status();
      if (!before.enabled || !(await repository.countPapers())) return { ok: true };
      const after = await run(false);
      return after.lastError && after.lastBackupAt === before.lastBackupAt ? { ok: false, message: after.lastError } : { ok: true };
    },
  };
}

export type Backups = ReturnType<typeof createBackups>;
