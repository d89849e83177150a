import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type PaperdexDb } from '@/utils/db/database';
import { createRepository, type Repository } from '@/utils/db/repository';
import { SearchEngine, WARM_CHUNK } from '@/utils/search/engine';
import { BULK_CHANGE } from '@/utils/search/word-index';
import { generateLibrary } from '../../support/generate-library';
import { mergePaper } from '@/utils/paper/merge';
import { paperInput } from '../paper-factory';

let db: PaperdexDb;
let repo: Repository;
let n = 0;

beforeEach(async () => {
  db = openDatabase(`paperdex-engine-${n++}`);
  repo = createRepository(db);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const pointer = paperInput({
  arxivId: '1506.03134',
  title: 'Pointer Networks',
  authors: ['Oriol Vinyals'],
  abstract: 'A neural architecture that learns the conditional probability of an output sequence.',
});
const pruning = paperInput();

describe('search engine over IndexedDB', () => {
  it('finds what was saved, stores its index, and opens from it next time without a rebuild', async () => {
    await repo.savePaper(pointer, 1);
    await repo.savePaper(pruning, 2);
    const first = await SearchEngine.open(repo);
    expect((await first.search('pointr')).ids).toEqual(['arxiv:1506.03134']);
    await vi.waitFor(async () => expect(await db.searchIndex.get('meta')).toBeDefined());

    const rebuild = vi.spyOn(repo, 'snapshotLibrary');
    const second = await SearchEngine.open(repo);
    expect(rebuild).not.toHaveBeenCalled();
    expect((await second.search('')).ids).toEqual(['arxiv:1810.05270', 'arxiv:1506.03134']);
    expect(await db.searchLog.count()).toBe(0);
  });

  it('answers at once, reading nothing, as its later answer would; a quoted phrase waits for its check', async () => {
    const library = generateLibrary(300);
    await repo.importPapers(library, 1);
    const engine = await SearchEngine.open(repo);
    const read = vi.spyOn(repo, 'getPapers');
    for (const text of ['', 'netwrok prunning', 'pointer net', 'author:smith graph', 'tag:to-read sparse', '-year:2019 attention']) {
      const now = engine.searchNow(text);
      expect(now, text).not.toBeNull();
      // Ranked without reading a record: the rows may still have to be read.
      expect(read).not.toHaveBeenCalled();
      const later = await engine.search(text);
      expect({ ids: now!.ids, total: now!.total, terms: [...now!.terms] }, text).toEqual({ ids: later.ids, total: later.total, terms: [...later.terms] });
      // The later answer read its first rows: the same answer now has them.
      expect(engine.hasRows(now!), text).toBe(true);
      read.mockClear();
    }
    expect(engine.searchNow('"network pruning"')).toBeNull();
    // A phrase's answer: every paper holds it; a limit cuts the list, not the count.
    // The two words most often next to each other in the titles.
    const pairs = new Map<string, number>();
    for (const { title } of library) {
      const words = title.toLowerCase().match(/[a-z]+/g) ?? [];
      for (let i = 1; i < words.length; i++) pairs.set(`${words[i - 1]} ${words[i]}`, (pairs.get(`${words[i - 1]} ${words[i]}`) ?? 0) + 1);
    }
    const [common] = [...pairs].sort((a, b) => b[1] - a[1])[0]!;
    const phrase = `"${common}"`;
    const all = await engine.search(phrase);
    expect(all.total).toBe(all.ids.length);
    expect(all.total).toBeGreaterThan(1);
    const one = await engine.search(phrase, 1);
    expect(one.ids).toHaveLength(1);
    expect(one.total).toBe(all.total);

    // The same matched words come as the same set (rows compare it by identity), new ones not.
    const net = engine.searchNow('pointer networ')!;
    expect(engine.searchNow('pointer network')!.terms).toBe(net.terms);
    const other = engine.searchNow('pointer')!.terms;
    expect(other).not.toBe(net.terms);
    expect([...other]).not.toEqual([...net.terms]);

    // A fresh engine holds no record: the answer's rows are read on demand.
    const fresh = await SearchEngine.open(repo);
    const answer = fresh.searchNow('netwrok prunning')!;
    expect(answer.ids.length).toBeGreaterThan(0);
    expect(fresh.hasRows(answer)).toBe(false);
    await fresh.readRows(answer);
    expect(fresh.hasRows(answer)).toBe(true);
  });

  it('reads every record ahead when the library fits in memory, so rows need no read, and keeps them current', async () => {
    await repo.savePaper(pointer, 1);
    await repo.savePaper(pruning, 2);
    const engine = await SearchEngine.open(repo);
    expect(engine.cached('arxiv:1506.03134')).toBeUndefined();
    let pauses = 0;
    await engine.warm(async () => void pauses++, () => true);
    expect(pauses).toBe(1);
    expect(engine.cached('arxiv:1506.03134')?.title).toBe('Pointer Networks');
    expect(engine.cached('arxiv:1810.05270')?.title).toBe(pruning.title);
    // A search now reads nothing.
    const read = vi.spyOn(repo, 'getPapers');
    await engine.search('pointer');
    expect(read).not.toHaveBeenCalled();
    // A change made elsewhere replaces the record kept.
    await repo.updateUserFields(['arxiv:1506.03134'], (paper) => ({ ...paper, tags: ['seq2seq'] }), 3);
    await engine.refresh();
    expect(engine.cached('arxiv:1506.03134')?.tags).toEqual(['seq2seq']);
    // Told to stop, it reads nothing.
    const other = await SearchEngine.open(repo);
    await other.warm(async () => undefined, () => false);
    expect(other.cached('arxiv:1506.03134')).toBeUndefined();
    // A library larger than the records kept is not read ahead: it would push out search rows.
    const small = await SearchEngine.open(repo, { records: 1 });
    let asked = 0;
    await small.warm(async () => void asked++, () => true);
    expect(asked).toBe(0);
    expect(small.cached('arxiv:1810.05270')).toBeUndefined();
  });

  it('warms a library a chunk per read, leaving out a record the change log touched during its read', async () => {
    const library = generateLibrary(WARM_CHUNK * 2 + 100);
    await repo.importPapers(library, 1);
    let engine: SearchEngine | null = null;
    const reads: (string | null)[] = [];
    let changed: string | undefined;
    // A tag added elsewhere while the first chunk is being read, and taken in before it lands.
    const store = {
      ...repo,
      async papersAfter(after: string | null, limit: number) {
        const chunk = await repo.papersAfter(after, limit);
        reads.push(after);
        if (reads.length === 1) {
          changed = chunk.papers[0]!.id;
          await repo.updateUserFields([changed], (p) => ({ ...p, tags: ['changed'] }), 2);
          await engine!.refresh();
        }
        return chunk;
      },
    };
    engine = await SearchEngine.open(store);
    let pauses = 0;
    await engine.warm(async () => void pauses++, () => true);
    expect(reads.length).toBe(3);
    expect(pauses).toBe(3);
    // The chunk's copy of that paper predates the change: not kept, read when wanted.
    expect(engine.cached(changed!)).toBeUndefined();
    expect(library.every((p) => p.id === changed || engine.cached(p.id) !== undefined)).toBe(true);
    expect((await engine.papers([changed!]))[0]?.tags).toEqual(['changed']);
    expect(engine.cached(changed!)?.tags).toEqual(['changed']);
  });

  it('does not keep a record read while the change log touched it', async () => {
    await repo.savePaper(pointer, 1);
    let engine: SearchEngine | null = null;
    let changeDuringRead = false;
    const store = {
      ...repo,
      async getPapers(ids: readonly string[]) {
        const papers = await repo.getPapers(ids);
        if (changeDuringRead) {
          changeDuringRead = false;
          await repo.updateUserFields(['arxiv:1506.03134'], (p) => ({ ...p, tags: ['seq2seq'] }), 2);
          await engine!.refresh();
        }
        return papers;
      },
    };
    engine = await SearchEngine.open(store);
    changeDuringRead = true;
    // The read's answer is shown as it was read; the cache does not keep it over the change.
    expect((await engine.papers(['arxiv:1506.03134']))[0]?.tags).toEqual([]);
    expect(engine.cached('arxiv:1506.03134')).toBeUndefined();
    expect((await engine.papers(['arxiv:1506.03134']))[0]?.tags).toEqual(['seq2seq']);
  });

  it('follows saves and removals made after it opened, through the change log', async () => {
    await repo.savePaper(pointer, 1);
    const engine = await SearchEngine.open(repo);
    await repo.savePaper(pruning, 2);
    await repo.removePapers(['arxiv:1506.03134']);
    expect(await engine.refresh()).toBe(true);
    expect((await engine.search('')).ids).toEqual(['arxiv:1810.05270']);
    expect((await engine.search('pointer')).ids).toEqual([]);
    expect(engine.savedTime('arxiv:1810.05270')).toBe(2);
    expect(engine.savedTime('arxiv:1506.03134')).toBeUndefined();
    expect(await engine.refresh()).toBe(false);
  });

  it('notices a library changed behind its back (an import, a crash, a restore) and catches up', async () => {
    await repo.savePaper(pointer, 1);
    await (await SearchEngine.open(repo)).search('');
    await vi.waitFor(async () => expect(await db.searchIndex.get('meta')).toBeDefined());
    // Written straight to the table: no change-log entry, as after a crash between the two.
    await db.papers.put(mergePaper(undefined, pruning, 5));
    await db.papers.update('arxiv:1506.03134', { title: 'Pointer Networks, edited elsewhere', updatedAt: 6 });
    const engine = await SearchEngine.open(repo);
    expect((await engine.search('prunning')).ids).toEqual(['arxiv:1810.05270']);
    expect((await engine.search('elsewhere')).ids).toEqual(['arxiv:1506.03134']);
  });

  it('catches up, when open all day, with logged changes and with writes that logged none', async () => {
    await repo.savePaper(pointer, 1);
    const engine = await SearchEngine.open(repo);
    await repo.savePaper(pruning, 2);
    expect(await engine.catchUp()).toBe(true);
    expect((await engine.search('prunning')).ids).toEqual(['arxiv:1810.05270']);
    expect(await engine.catchUp()).toBe(false);
    // Written straight to the table (a restore, the database edited outside the extension):
    // `refresh` alone follows the log and misses it.
    await db.papers.update('arxiv:1506.03134', { title: 'Pointer Networks, edited elsewhere', updatedAt: 6 });
    expect(await engine.refresh()).toBe(false);
    expect(await engine.catchUp()).toBe(true);
    expect((await engine.search('elsewhere')).ids).toEqual(['arxiv:1506.03134']);
    await db.papers.clear();
    expect(await engine.catchUp()).toBe(true);
    expect(engine.size).toBe(0);
    // A time the index does not count (0 or less) is no reason to rebuild at every look (the
    // thorough check finds the paper).
    await db.papers.put({ ...mergePaper(undefined, pointer, 1), updatedAt: -5 });
    expect(await engine.verify()).toBe(true);
    expect(await engine.catchUp()).toBe(false);
    expect(await engine.catchUp()).toBe(false);
    expect((await engine.search('pointer')).ids).toEqual(['arxiv:1506.03134']);
  });

  it('notices an older version of a paper restored behind its back', async () => {
    await repo.savePaper(pointer, 1);
    const before = (await db.papers.get('arxiv:1506.03134'))!;
    await repo.savePaper({ ...pointer, version: 2, title: 'Pointer Networks, second version' }, 3);
    await repo.savePaper(pruning, 4);
    await (await SearchEngine.open(repo)).search('');
    await vi.waitFor(async () => expect(await db.searchIndex.get('meta')).toBeDefined());
    // A backup restored straight into the table: same count, the newest paper unchanged.
    await db.papers.put(before);
    const engine = await SearchEngine.open(repo);
    expect(await engine.verify()).toBe(true);
    expect(await engine.verify()).toBe(false);
    expect((await engine.search('second version')).ids).toEqual([]);
    expect((await engine.search('pointer')).ids).toEqual(['arxiv:1506.03134']);
  });

  it('does not rebuild when it took in changes while the fingerprint was being read', async () => {
    await repo.savePaper(pointer, 1);
    await repo.savePaper(pruning, 2);
    // The fingerprint is read (in a worker, on pages) before a save the engine then takes in.
    const slow: typeof repo = { ...repo };
    const racing = await SearchEngine.open(slow);
    const rebuild = vi.spyOn(racing, 'rebuild');
    slow.libraryFingerprint = async () => {
      const before = await repo.libraryFingerprint();
      await repo.savePaper({ ...pruning, version: 2 }, 3);
      await racing.refresh();
      return before;
    };
    expect(await racing.verify()).toBe(false);
    expect(rebuild).not.toHaveBeenCalled();
    expect((await racing.search('pruning')).ids).toEqual(['arxiv:1810.05270']);
  });

  it('reloads when another context stored a newer index and forgot changes it had not seen', async () => {
    await repo.savePaper(pointer, 1);
    const lagging = await SearchEngine.open(repo);
    await repo.savePaper(pruning, 2);
    const other = await SearchEngine.open(repo);
    await other.rebuild();
    await vi.waitFor(async () => expect(await db.searchLog.count()).toBe(0));
    expect(await lagging.refresh()).toBe(true);
    expect((await lagging.search('pruning')).ids).toEqual(['arxiv:1810.05270']);
  });

  it('logs a large import once, and every index, open or opening, rebuilds from the library', async () => {
    await repo.savePaper(pointer, 1);
    const open = await SearchEngine.open(repo);
    await vi.waitFor(async () => expect(await db.searchIndex.get('meta')).toBeDefined());
    const library = generateLibrary(1200);
    expect(await repo.importPapers(library, 10)).toEqual({ added: 1200, updated: 0 });
    expect((await db.searchLog.toArray()).map((e) => e.id)).toEqual([BULK_CHANGE]);
    const someone = library[700]!;

    // A page opening now, with no stored index to start from (as after an upgrade): one rebuild.
    await db.searchIndex.clear();
    const rebuild = vi.spyOn(repo, 'snapshotLibrary');
    const later = await SearchEngine.open(repo);
    expect(rebuild).toHaveBeenCalledTimes(1);
    expect(later.size).toBe(1201);
    expect((await later.search(someone.title)).ids[0]).toBe(someone.id);

    // The page that was open meanwhile.
    const read = vi.spyOn(repo, 'getPapers');
    expect(await open.refresh()).toBe(true);
    expect(read).not.toHaveBeenCalled();
    expect(open.size).toBe(1201);
    expect(open.savedTime('arxiv:1506.03134')).toBe(1);
    expect((await open.search(someone.title)).ids[0]).toBe(someone.id);
    expect(await open.refresh()).toBe(false);

    // A few papers are logged one by one, as before.
    await repo.updateUserFields([someone.id], (p) => ({ ...p, tags: ['bulk'] }), 20);
    expect((await db.searchLog.toArray()).map((e) => e.id).at(-1)).toBe(someone.id);
    expect(await later.refresh()).toBe(true);
    expect((await later.search('#bulk')).ids).toEqual([someone.id]);
  });

  it('logs a removal in bulk only when it takes half the library or more', async () => {
    const library = generateLibrary(2400);
    await repo.importPapers(library, 10);
    await db.searchLog.clear();
    await repo.removePapers(library.slice(0, 1000).map((p) => p.id));
    expect(await db.searchLog.count()).toBe(1000);
    const engine = await SearchEngine.open(repo);
    expect(engine.size).toBe(1400);
    await repo.removePapers(library.slice(1000, 2000).map((p) => p.id));
    expect((await db.searchLog.toArray()).map((e) => e.id).at(-1)).toBe(BULK_CHANGE);
    expect(await engine.refresh()).toBe(true);
    expect(engine.size).toBe(400);
    expect((await engine.search(library[1500]!.title)).ids).not.toContain(library[1500]!.id);
  });

  it('says when the changes its check took in changed the index', async () => {
    await repo.savePaper(pointer, 1);
    const engine = await SearchEngine.open(repo);
    await repo.savePaper(pruning, 2);
    // The check's own refresh takes the save in: the page learns of it from the check.
    expect(await engine.verify()).toBe(true);
    expect((await engine.search('pruning')).ids).toEqual(['arxiv:1810.05270']);
    expect(await engine.verify()).toBe(false);
  });

  it('keeps a record that no longer validates out of search, and still opens from its stored index', async () => {
    await repo.savePaper(pointer, 1);
    await repo.savePaper(pruning, 2);
    // A hand-edited record, restored: authors as one text, a date in words.
    const broken = { ...(await repo.getPaper('arxiv:1506.03134'))!, id: 'arxiv:1409.3215', arxivId: '1409.3215', authors: 'I. Sutskever', published: 'Sept 2014', title: 'Quokka Translation' };
    await db.papers.put(broken as never);
    await db.searchLog.add({ id: broken.id });
    const engine = await SearchEngine.open(repo);
    expect((await engine.search('')).ids).toEqual(['arxiv:1810.05270', 'arxiv:1506.03134']);
    expect((await engine.search('quokka')).ids).toEqual([]);
    expect(await engine.papers(['arxiv:1409.3215', 'arxiv:1506.03134'])).toMatchObject([{ id: 'arxiv:1506.03134' }]);
    // The index counts it: a second open finds the index current, with no rebuild.
    expect(await engine.verify()).toBe(false);
    const again = await SearchEngine.open(repo);
    expect(await again.verify()).toBe(false);
    expect((await again.search('')).total).toBe(2);
  });

  it('rebuilds an index it cannot read', async () => {
    await repo.savePaper(pointer, 1);
    await db.searchIndex.bulkPut([
      { key: 'snapshot', snapshot: { format: -1 } as never, deltaSeq: 99 },
      { key: 'meta', deltaSeq: 99 },
    ]);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const engine = await SearchEngine.open(repo);
    expect((await engine.search('pointer')).ids).toEqual(['arxiv:1506.03134']);
  });
});
