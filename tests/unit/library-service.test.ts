import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLibraryService, type Lookups } from '@/entrypoints/background/library-service';
import { openDatabase, type PaperdexDb } from '@/utils/db/database';
import { createRepository, type Repository } from '@/utils/db/repository';
import { createJobRunner } from '@/utils/jobs/runner';
import { createLibraryWrites } from '@/utils/library-writes';
import type { LookupResult } from '@/entrypoints/background/metadata-lookup';
import type { SeenPaper } from '@/utils/paper/schema';
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

/** The service as the background wires it: its jobs done by a runner over the same library. */
function serviceWithJobs(lookups?: Lookups, backup = vi.fn(async () => ({ ok: true as const }))) {
  const queue = { kick: () => void runner.kick() };
  const service = createLibraryService(repo, notify, lookups, queue);
  const runner = createJobRunner(repo, { complete: (job) => service.complete(job), backup, publication: async () => ({ ok: true }) }, { now: () => Date.now(), wakeAt: () => undefined });
  return { service, runner, backup };
}

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
    expect(await repo.countPapers()).toBe(0);
    expect(notify).not.toHaveBeenCalled();
  });

  it('refuses versions no paper has and days no calendar has, so a real later version can still update it', async () => {
    const service = createLibraryService(repo, notify);
    for (const bad of [{ version: 1e12 }, { version: 1000 }, { version: 2.5 }, { published: '2024-13-45' }, { updated: '2023-02-29' }, { published: '2024-04-31' }]) {
      const result = await service.savePaper({ ...paperInput(), ...bad });
      expect(result, JSON.stringify(bad)).toMatchObject({ ok: false, code: 'invalid' });
      expect(result.ok ? '' : result.message).toMatch(/\((version|published|updated): /);
    }
    expect(await repo.countPapers()).toBe(0);
    // Leap days and versions arXiv really has are taken.
    expect(await service.savePaper({ ...paperInput(), version: 42, published: '2024-02-29', updated: '2024-02-29' })).toMatchObject({ ok: true });
    expect((await repo.getPaper('arxiv:1810.05270'))?.version).toBe(42);
  });

  it("stores the paper's own arXiv addresses whatever links a page sends", async () => {
    const service = createLibraryService(repo, notify);
    await service.savePaper({ ...paperInput(), url: 'javascript:alert(1)', pdfUrl: 'https://evil.example/x.pdf' });
    expect(await repo.getPaper('arxiv:1810.05270')).toMatchObject({
      url: 'https://arxiv.org/abs/1810.05270',
      pdfUrl: 'https://arxiv.org/pdf/1810.05270',
    });
  });

  it('removes a paper and tells open tabs', async () => {
    const service = createLibraryService(repo, notify);
    const told = vi.fn(async (written: unknown) => void (await service.libraryWritten(written)));
    const writes = createLibraryWrites(repo, told);
    await service.savePaper(paperInput());
    expect(await writes.remove(['arxiv:1810.05270'])).toMatchObject({ ok: true, value: [{ id: 'arxiv:1810.05270' }] });
    await vi.waitFor(() => expect(notify).toHaveBeenLastCalledWith({ 'arxiv:1810.05270': { saved: false } }));
    expect(await service.libraryWritten({ ids: ['1810.05270'], bulk: false })).toMatchObject({ ok: false, code: 'invalid' });
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

describe('saving what a page only partly shows', () => {
  const api: SeenPaper = {
    arxivId: '1605.08386',
    version: 2,
    title: 'Heat-bath random walks with Markov bases',
    authors: ['Caprice Stanley', 'Tobias Windisch'],
    abstract: 'Graphs on lattice points are studied.',
    published: '2016-05-26',
    updated: '2017-01-02',
    categories: ['math.CO', 'math.ST'],
  };
  const found = (paper: SeenPaper): LookupResult => ({ ok: true, paper });
  const offline: LookupResult = { ok: false, reason: 'offline', message: "arXiv can't be reached: check your connection." };
  const missing: LookupResult = { ok: false, reason: 'not-found', message: 'Hugging Face has no paper 1605.08386.' };

  it('fetches what a link or a PDF lacks and stores a complete record', async () => {
    const arxiv = vi.fn(async () => found(api));
    const service = createLibraryService(repo, notify, { arxiv, huggingFace: vi.fn() });
    const result = await service.savePaper({ arxivId: '1605.08386', version: 1, source: 'arxiv' });
    expect(result).toEqual({ ok: true, value: { saved: true, version: 2 } });
    expect(arxiv).toHaveBeenCalledWith('1605.08386');
    const { savedAt: _s, updatedAt: _u, ...stored } = (await repo.getPaper('arxiv:1605.08386'))!;
    expect(stored).toEqual({
      id: 'arxiv:1605.08386',
      ...api,
      url: 'https://arxiv.org/abs/1605.08386',
      pdfUrl: 'https://arxiv.org/pdf/1605.08386',
      sources: ['arxiv'],
      tags: [],
      notes: '',
    });
  });

  it('keeps what the page showed over the API (the reader saw it) and takes dates from the API', async () => {
    const service = createLibraryService(repo, notify, { arxiv: async () => found(api), huggingFace: vi.fn() });
    await service.savePaper({ arxivId: '1605.08386', title: 'Heat-bath random walks (as listed)', authors: ['C. Stanley'], source: 'arxiv' });
    expect(await repo.getPaper('arxiv:1605.08386')).toMatchObject({
      title: 'Heat-bath random walks (as listed)',
      authors: ['C. Stanley'],
      abstract: api.abstract,
      published: '2016-05-26',
      version: 2,
    });
  });

  it('asks Hugging Face when arXiv fails, for new-style ids only', async () => {
    const huggingFace = vi.fn(async () => found({ ...api, version: undefined, categories: undefined, updated: undefined }));
    const service = createLibraryService(repo, notify, { arxiv: async () => offline, huggingFace });
    expect(await service.savePaper({ arxivId: '1605.08386', source: 'huggingface' })).toEqual({ ok: true, value: { saved: true, version: 1 } });
    expect(await repo.getPaper('arxiv:1605.08386')).toMatchObject({ abstract: api.abstract, categories: [], version: 1 });
    expect(await service.savePaper({ arxivId: 'hep-th/9901001', source: 'arxiv' })).toEqual({ ok: false, code: 'lookup', message: offline.message });
    expect(huggingFace).toHaveBeenCalledTimes(1);
  });

  it('saves what the page showed, marked incomplete, when nobody can complete it, and says why', async () => {
    const service = createLibraryService(repo, notify, { arxiv: async () => offline, huggingFace: async () => missing });
    const result = await service.savePaper({ arxivId: '1605.08386', title: api.title, authors: api.authors, source: 'arxiv' });
    expect(result).toEqual({ ok: true, value: { saved: true, version: 1, incomplete: true, note: offline.message } });
    expect(await repo.getPaper('arxiv:1605.08386')).toMatchObject({ title: api.title, authors: api.authors, abstract: '', published: '2016-05-01', incomplete: true });
    expect(await service.getPaperStatus(['arxiv:1605.08386'])).toEqual({ ok: true, value: { 'arxiv:1605.08386': { saved: true, version: 1, incomplete: true } } });
  });

  it('completes an incomplete record on a later save and keeps what the user added', async () => {
    let answer: LookupResult = offline;
    const service = createLibraryService(repo, notify, { arxiv: async () => answer, huggingFace: async () => missing });
    await service.savePaper({ arxivId: '1605.08386', title: api.title, source: 'arxiv' });
    const incomplete = (await repo.getPaper('arxiv:1605.08386'))!;
    await db.papers.put({ ...incomplete, tags: ['to-read'], notes: 'from the reading group' });
    answer = found(api);
    expect(await service.savePaper({ arxivId: '1605.08386', title: api.title, source: 'arxiv' })).toEqual({ ok: true, value: { saved: true, version: 2 } });
    const complete = (await repo.getPaper('arxiv:1605.08386'))!;
    expect(complete.incomplete).toBeUndefined();
    expect(complete).toMatchObject({ abstract: api.abstract, published: '2016-05-26', tags: ['to-read'], notes: 'from the reading group' });
  });

  it('saves nothing when nothing names the paper but its id and the lookups fail', async () => {
    const service = createLibraryService(repo, notify, { arxiv: async () => offline, huggingFace: async () => missing });
    expect(await service.savePaper({ arxivId: '1605.08386', source: 'arxiv' })).toEqual({ ok: false, code: 'lookup', message: offline.message });
    expect(await repo.countPapers()).toBe(0);
    expect(notify).not.toHaveBeenCalled();
  });

  it('saves a page that shows what a reader needs at once and adds version and categories afterwards', async () => {
    let answer!: (r: LookupResult) => void;
    const arxiv = vi.fn(() => new Promise<LookupResult>((resolve) => (answer = resolve)));
    const { service } = serviceWithJobs({ arxiv, huggingFace: vi.fn() });
    const { version: _v, categories: _c, updated: _u, ...fromHf } = api;
    expect(await service.savePaper({ ...fromHf, source: 'huggingface' })).toEqual({ ok: true, value: { saved: true, version: 1 } });
    expect(await repo.getPaper('arxiv:1605.08386')).toMatchObject({ version: 1, categories: [], sources: ['huggingface'] });
    await vi.waitFor(() => expect(arxiv).toHaveBeenCalledWith('1605.08386'));
    answer(found(api));
    await vi.waitFor(async () => expect(await repo.getPaper('arxiv:1605.08386')).toMatchObject({ version: 2, categories: api.categories, sources: ['huggingface'] }));
    expect(notify).toHaveBeenLastCalledWith({ 'arxiv:1605.08386': { saved: true, version: 2 } });
    // The job that owed it ended with the write.
    await vi.waitFor(async () => expect(await repo.getJob('complete:arxiv:1605.08386')).toBeUndefined());
  });

  it('does not bring back a paper removed before its details arrived', async () => {
    let answer!: (r: LookupResult) => void;
    const arxiv = vi.fn(() => new Promise<LookupResult>((resolve) => (answer = resolve)));
    const { service } = serviceWithJobs({ arxiv, huggingFace: vi.fn() });
    const { version: _v, ...fromSearch } = api;
    await service.savePaper({ ...fromSearch, source: 'arxiv' });
    await vi.waitFor(() => expect(arxiv).toHaveBeenCalled());
    await repo.removePapers(['arxiv:1605.08386']);
    answer(found(api));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await repo.countPapers()).toBe(0);
  });
});

describe('writes from extension pages', () => {
  it('tags and sets the status of many papers, and writes down the backup a bulk change owes', async () => {
    const { service } = serviceWithJobs();
    const writes = createLibraryWrites(repo, async (written) => void (await service.libraryWritten(written)));
    await service.savePaper(paperInput());
    // Backups are on from the first save: the first one follows it.
    expect(await repo.getJob('backup')).toMatchObject({ kind: 'backup', attempts: 0 });
    await repo.finishJob('backup');
    await service.savePaper(paperInput({ arxivId: '1506.03134', title: 'Pointer Networks' }));
    expect(await repo.getJob('backup')).toBeUndefined();
    const ids = ['arxiv:1810.05270', 'arxiv:1506.03134'];
    expect(await writes.edit(ids, { addTags: ['survey, to cite'], readingStatus: 'to-read' })).toMatchObject({ ok: true, value: [{}, {}] });
    expect(await repo.getPaper('arxiv:1506.03134')).toMatchObject({ tags: ['survey', 'to cite'], readingStatus: 'to-read' });
    expect(await repo.getJob('backup')).toMatchObject({ kind: 'backup' });
  });

  it('tell open pages what an extension page wrote itself, and resume the work it owes', async () => {
    const { service, runner } = serviceWithJobs();
    const kick = vi.spyOn(runner, 'kick');
    await service.savePaper(paperInput());
    notify.mockReset();
    kick.mockClear();
    expect(await service.libraryWritten({ ids: ['arxiv:1810.05270', 'arxiv:1506.03134'], bulk: true })).toEqual({ ok: true, value: null });
    expect(notify).toHaveBeenCalledWith({ 'arxiv:1810.05270': { saved: true, version: 1 }, 'arxiv:1506.03134': { saved: false } });
    expect(kick).toHaveBeenCalledTimes(1);
  });

  it('turn a full disk into a clear message and change nothing', async () => {
    const service = createLibraryService(repo, notify);
    const told = vi.fn(async () => undefined);
    const writes = createLibraryWrites(repo, told);
    await service.savePaper(paperInput());
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(repo, 'removePapers').mockRejectedValueOnce(new Dexie.QuotaExceededError('quota exceeded'));
    const result = await writes.remove(['arxiv:1810.05270']);
    expect(result).toMatchObject({ ok: false, code: 'quota' });
    expect(result.ok ? '' : result.message).toMatch(/storage .* is full: nothing was deleted/);
    expect(await repo.countPapers()).toBe(1);
    expect(told).not.toHaveBeenCalled();
  });
});
