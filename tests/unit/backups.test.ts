import { describe, expect, it, vi } from 'vitest';
import { createBackups, type BackupPlatform } from '@/utils/backup/backups';
import { backupFileName } from '@/utils/backup/file';
import type { BackupStatus } from '@/utils/backup/settings';
import { mergePaper } from '@/utils/paper/merge';
import type { Paper } from '@/utils/paper/schema';
import { paperInput } from './paper-factory';

function fakePlatform(start = Date.parse('2026-11-26T09:30:00')) {
  let now = start;
  let stored: BackupStatus | undefined;
  const files: { id: number; filename: string; json: string }[] = [];
  let nextId = 1;
  const platform: BackupPlatform & { files: typeof files; advance(ms: number): void; fail?: Error } = {
    files,
    advance: (ms) => {
      now += ms;
    },
    load: async () => stored,
    store: async (s) => {
      stored = s;
    },
    download: async (filename, build) => {
      if (platform.fail) throw platform.fail;
      files.push({ id: nextId++, filename, json: await build() });
      return `/home/me/Downloads/${filename}`;
    },
    listBackups: async () => [...files].reverse().map(({ id, filename }) => ({ id, filename })),
    removeBackup: async (id) => {
      files.splice(files.findIndex((f) => f.id === id), 1);
    },
    now: () => now,
  };
  return platform;
}

const library = (papers: Paper[]) => ({
  listPapers: vi.fn(async () => papers),
  countPapers: vi.fn(async () => papers.length),
});

describe('automatic backups', () => {
  it('writes the whole library as a JSON backup into Paperdex/, named by the local time', async () => {
    const platform = fakePlatform();
    const papers = [mergePaper(undefined, paperInput(), 1)];
    const status = await createBackups(library(papers), platform).backupNow();
    expect(platform.files.map((f) => f.filename)).toEqual(['Paperdex/paperdex-backup-2026-11-26-0930.json']);
    expect(JSON.parse(platform.files[0]!.json)).toMatchObject({ format: 'paperdex', version: 1, papers });
    expect(status).toEqual({
      enabled: true,
      keep: 7,
      lastBackupAt: platform.now(),
      lastBackupFile: '/home/me/Downloads/Paperdex/paperdex-backup-2026-11-26-0930.json',
    });
    expect(backupFileName(new Date(2026, 0, 2, 3, 4))).toBe('paperdex-backup-2026-01-02-0304.json');
  });

  it('keeps the newest N', async () => {
    const platform = fakePlatform();
    const backups = createBackups(library([mergePaper(undefined, paperInput(), 1)]), platform);
    await backups.configure({ keep: 2 });
    for (let i = 0; i < 4; i++) {
      await backups.backupNow();
      platform.advance(24 * 60 * 60 * 1000);
    }
    expect(platform.files.map((f) => f.filename)).toEqual([
      'Paperdex/paperdex-backup-2026-11-28-0930.json',
      'Paperdex/paperdex-backup-2026-11-29-0930.json',
    ]);
  });

  it('takes only "on/off" and "how many" from a page, and nothing that is not a setting', async () => {
    const platform = fakePlatform();
    const backups = createBackups(library([mergePaper(undefined, paperInput(), 1)]), platform);
    const written = await backups.backupNow();
    for (const bad of ['abc', null, [true], { enabled: 'no' }, { keep: '3' }, { keep: Number.NaN }, { lastBackupAt: -1 }, { lastError: '<img src=x onerror=alert(1)>' }, { extra: 'x'.repeat(100_000) }]) {
      const result = await backups.configure(bad);
      expect(result, JSON.stringify(bad).slice(0, 40)).toMatchObject({ ok: false, code: 'invalid' });
      expect(result.ok ? '' : result.message).toMatch(/^Those backup settings can't be used \(.+\)\.$/);
    }
    expect(await backups.status()).toEqual(written);
    // What a page may set, brought into range.
    expect(await backups.configure({ enabled: false, keep: 250 })).toEqual({ ok: true, value: { ...written, enabled: false, keep: 100 } });
    expect(await backups.configure({ keep: 2.6 })).toMatchObject({ ok: true, value: { enabled: false, keep: 3 } });
  });

  it('reads stored settings a bug or an older version mistyped as what they can safely mean', async () => {
    const platform = fakePlatform();
    // What the unchecked message of an earlier version stored.
    await platform.store({ 0: 'a', 1: 'b', enabled: 'no', keep: 'many', lastBackupAt: -1, lastError: 7 } as unknown as BackupStatus);
    expect(await createBackups(library([]), platform).status()).toEqual({ enabled: true, keep: 7 });
  });

  it('waits for the first save, honours "off" for automatic runs, and runs daily at most once a day', async () => {
    const empty = fakePlatform();
    await createBackups(library([]), empty).daily();
    expect(empty.files).toHaveLength(0);

    const platform = fakePlatform();
    const backups = createBackups(library([mergePaper(undefined, paperInput(), 1)]), platform);
    await backups.daily();
    await backups.daily();
    expect(platform.files).toHaveLength(1);
    platform.advance(25 * 60 * 60 * 1000);
    await backups.configure({ enabled: false });
    await backups.daily();
    expect(platform.files).toHaveLength(1);
    // "Back up now" is always honoured.
    await backups.backupNow();
    expect(platform.files).toHaveLength(2);
  });

  it('says why a backup failed and keeps the previous one recorded', async () => {
    const platform = fakePlatform();
    const backups = createBackups(library([mergePaper(undefined, paperInput(), 1)]), platform);
    const first = await backups.backupNow();
    platform.fail = new Error('Download blocked by the browser');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failed = await backups.backupNow();
    expect(failed.lastError).toBe('The backup could not be written: Download blocked by the browser');
    expect(failed.lastBackupAt).toBe(first.lastBackupAt);
  });
});
