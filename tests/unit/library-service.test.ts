import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLibraryService } from '@/entrypoints/background/library-service';
import { openDatabase, type PaperdexDb } from '@/utils/db/database';
import { createRepository, type Repository } from '@/utils/db/repository';
import { paperInput } from './paper-factory';

let db: PaperdexDb;
let repo: Repository;
const notify = vi.fn();
let n = 0;

beforeEach(async () => {
  db = openDatabase(`paperdex-service-${n++}`);
  repo = createRepository(db);
  notify.mockReset();
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('library service (background boundary)', () => {
  it('saves a valid paper and tells open tabs', async () => {
    const service = createLibraryService(repo, notify);
    expect(await service.savePaper(paperInput())).toEqual({ ok: true, value: { saved: true, version: 1 } });
    expect(notify).toHaveBeenCalledWith({ 'arxiv:1810.05270': { saved: true, version: 1 } });
    expect(await service.getPaperStatus(['arxiv:1810.05270', 'arxiv:1506.03134'])).toEqual({
      ok: true,
      value: { 'arxiv:1810.05270': { saved: true, version: 1 }, 'arxiv:1506.03134': { saved: false } },
    });
  });

  it('rejects a malformed payload with a message and writes nothing', async () => {
    const service = createLibraryService(repo, notify);
    const result = await service.savePaper({ ...paperInput(), title: '   ', version: 0 });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(result.ok ? '' : result.message).toMatch(/title|version/);
    expect(await service.savePaper({ arxivId: '<img src=x>' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await service.savePaper(null)).toMatchObject({ ok: false, code: 'invalid' });
    // Links are the paper's own arXiv addresses: a page cannot plant another.
    expect(await service.savePaper({ ...paperInput(), url: 'javascript:alert(1)' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await service.savePaper({ ...paperInput(), pdfUrl: 'https://evil.example/x.pdf' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await repo.countPapers()).toBe(0);
    expect(notify).not.toHaveBeenCalled();
  });

  it('removes a paper and tells open tabs', async () => {
    const service = createLibraryService(repo, notify);
    await service.savePaper(paperInput());
    expect(await service.removePaper('arxiv:1810.05270')).toEqual({ ok: true, value: null });
    expect(notify).toHaveBeenLastCalledWith({ 'arxiv:1810.05270': { saved: false } });
    expect(await service.removePaper('1810.05270')).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('turns a full disk into a clear message and keeps what was saved', async () => {
    const service = createLibraryService(repo, notify);
    await service.savePaper(paperInput());
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(repo, 'savePaper').mockRejectedValueOnce(new Dexie.QuotaExceededError('quota exceeded'));
    const result = await service.savePaper(paperInput({ arxivId: '1506.03134' }));
    expect(result).toMatchObject({ ok: false, code: 'quota' });
    expect(result.ok ? '' : result.message).toMatch(/storage .* is full/);
    expect(await repo.countPapers()).toBe(1);
  });
});
