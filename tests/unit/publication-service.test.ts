import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLibraryService } from '@/entrypoints/background/library-service';
import type { PublicationFinding } from '@/entrypoints/background/publication-lookup';
import { createPublicationService } from '@/entrypoints/background/publication-service';
import { openDatabase, type PaperdexDb } from '@/utils/db/database';
import { createRepository, type Repository } from '@/utils/db/repository';
import { MAX_ATTEMPTS, RECHECK_MS } from '@/utils/jobs/job';
import { createJobRunner } from '@/utils/jobs/runner';
import type { Paper, Venue } from '@/utils/paper/schema';
import { paperInput } from './paper-factory';

let db: PaperdexDb;
let repo: Repository;
let n = 0;

beforeEach(() => {
  db = openDatabase(`paperdex-publication-${n++}`);
  repo = createRepository(db);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const NIPS: Venue = { name: 'Advances in Neural Information Processing Systems 28', short: 'NIPS', year: 2015, kind: 'conference', pages: '2692–2700', dblpKey: 'conf/nips/VinyalsFJ15', source: 'dblp' };

/** The background's wiring over a test library: settings in memory, lookups answered by `answer`. */
function setup(answer: (paper: Paper) => PublicationFinding, { enabled = true, granted = true, ahead = 60_000 } = {}) {
  let settings = { enabled };
  const check = vi.fn(async (paper: Paper) => answer(paper));
  const queue = { kick: () => void runner.kick() };
  const publications = createPublicationService(repo, { load: async () => settings, store: async (s) => void (settings = s), granted: async () => granted }, check, queue);
  const library = createLibraryService(repo, () => undefined, undefined, queue, publications);
  const runner = createJobRunner(repo, { complete: async () => ({ ok: true }), backup: async () => ({ ok: true }), publication: (job) => publications.run(job) }, { now: () => Date.now() + ahead, wakeAt: () => undefined });
  return { publications, library, runner, check, settings: () => settings };
}

describe('venue lookups (the background’s publication jobs)', () => {
  it('while off: a save writes no lookup job, and a job left over asks nothing', async () => {
    const { library, runner, check } = setup(() => ({ ok: true, venue: NIPS }), { enabled: false });
    await library.savePaper(paperInput());
    expect((await repo.listJobs()).filter((j) => j.kind === 'publication')).toEqual([]);
    await repo.enqueueJobs([{ id: 'publication:arxiv:1810.05270', kind: 'publication', paperId: 'arxiv:1810.05270', notBefore: 0, attempts: 0, createdAt: 0 }]);
    await runner.kick();
    expect(check).not.toHaveBeenCalled();
    expect((await repo.getPaper('arxiv:1810.05270'))!.venue).toBeUndefined();
  });

  it('while on: a save is looked up after it, the venue is kept, and a published paper is not looked up again', async () => {
    const { library, runner, check } = setup(() => ({ ok: true, venue: NIPS, code: { repo: 'https://github.com/example/pointer' } }));
    await library.savePaper(paperInput());
    await runner.kick();
    expect(check).toHaveBeenCalledTimes(1);
    const paper = (await repo.getPaper('arxiv:1810.05270'))!;
    expect(paper.venue).toEqual(NIPS);
    expect(paper.code).toEqual({ repo: 'https://github.com/example/pointer', source: 'huggingface' });
    expect(paper.checkedAt).toBeGreaterThan(0);
    expect(await repo.listJobs()).toEqual([]);
  });

  it('looks an unpublished paper up again a week later, not sooner', async () => {
    const { library, runner } = setup(() => ({ ok: true }));
    await library.savePaper(paperInput());
    const before = Date.now();
    await runner.kick();
    const [job] = await repo.listJobs();
    expect(job).toMatchObject({ kind: 'publication', attempts: 0 });
    expect(job!.notBefore).toBeGreaterThanOrEqual(before + RECHECK_MS);
  });

  it('never replaces the venue the user wrote, and a lookup that finds nothing removes nothing', async () => {
    const mine: Venue = { name: 'My workshop', kind: 'workshop', year: 2019, source: 'user' };
    const { publications, library } = setup(() => ({ ok: true, venue: NIPS }));
    await library.savePaper(paperInput());
    await repo.updateUserFields(['arxiv:1810.05270'], (p) => ({ ...p, venue: mine }));
    await publications.run(await venueJob());
    expect((await repo.getPaper('arxiv:1810.05270'))!.venue).toEqual(mine);

    const quiet = setup(() => ({ ok: true }));
    await repo.updateUserFields(['arxiv:1810.05270'], (p) => ({ ...p, venue: NIPS }));
    await quiet.publications.checkNow(['arxiv:1810.05270']);
    await quiet.runner.kick();
    expect((await repo.getPaper('arxiv:1810.05270'))!.venue).toEqual(NIPS);
  });

  it('keeps what one service said when another could not be asked, and asks again sooner', async () => {
    const { library, publications } = setup(() => ({ ok: true, venue: { ...NIPS, source: 'semanticscholar' }, partial: "DBLP can't be reached" }), { ahead: 0 });
    await library.savePaper(paperInput());
    await publications.run(await venueJob());
    expect((await repo.getPaper('arxiv:1810.05270'))!.venue?.source).toBe('semanticscholar');
    const job = await venueJob();
    expect(job).toMatchObject({ attempts: 1, lastError: "DBLP can't be reached" });
    expect(job!.notBefore).toBeLessThan(Date.now() + RECHECK_MS);
  });

  it('offline: nothing changes and the job is retried later', async () => {
    const { library, runner } = setup(() => ({ ok: false, retry: true, message: "Semantic Scholar can't be reached" }));
    await library.savePaper(paperInput());
    const before = await repo.getPaper('arxiv:1810.05270');
    await runner.kick();
    expect(await repo.getPaper('arxiv:1810.05270')).toEqual(before);
    expect(await repo.listJobs()).toMatchObject([{ kind: 'publication', attempts: 1, lastError: "Semantic Scholar can't be reached" }]);
  });

  it('a lookup that keeps failing waits a week instead of being given up on', async () => {
    const { library, publications } = setup(() => ({ ok: false, retry: true, message: 'DBLP is busy' }), { ahead: 0 });
    await library.savePaper(paperInput());
    const job = await venueJob();
    const before = Date.now();
    expect(await publications.run({ ...job, attempts: MAX_ATTEMPTS - 1 })).toEqual({ ok: true, kept: true });
    const after = await venueJob();
    expect(after.failed).toBeUndefined();
    expect(after.notBefore).toBeGreaterThanOrEqual(before + RECHECK_MS);
    expect(after.lastError).toBe('DBLP is busy');
  });

  it('turning on needs the hosts granted; it queues every paper never looked up; turning off drops the queue', async () => {
    await repo.importPapers([1, 2, 3].map((i) => ({ ...paperInputRecord(`1810.0527${i}`) })));
    const refused = setup(() => ({ ok: true }), { enabled: false, granted: false });
    expect(await refused.publications.setSettings({ enabled: true })).toMatchObject({ ok: false, code: 'permission' });
    expect(refused.settings().enabled).toBe(false);

    const { publications } = setup(() => ({ ok: true }), { enabled: false });
    expect(await publications.setSettings({ enabled: true, extra: 1 })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await publications.setSettings({ enabled: true })).toEqual({ ok: true, value: { enabled: true, granted: true } });
    expect((await repo.listJobs()).map((j) => j.id).sort()).toEqual(['publication:arxiv:1810.05271', 'publication:arxiv:1810.05272', 'publication:arxiv:1810.05273']);
    expect(await publications.setSettings({ enabled: false })).toEqual({ ok: true, value: { enabled: false, granted: true } });
    expect(await repo.listJobs()).toEqual([]);
    expect(await publications.checkNow(['arxiv:1810.05271'])).toMatchObject({ ok: false, code: 'off' });
  });
});

async function venueJob() {
  const job = (await repo.listJobs()).find((j) => j.kind === 'publication');
  expect(job).toBeDefined();
  return job!;
}

function paperInputRecord(arxivId: string): Paper {
  const { source: _s, ...metadata } = paperInput({ arxivId });
  return { ...metadata, id: `arxiv:${arxivId}`, sources: ['arxiv'], tags: [], notes: '', savedAt: 1, updatedAt: 1 };
}
