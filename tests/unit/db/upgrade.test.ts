import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/utils/db/database';
import { mergePaper } from '@/utils/paper/merge';
import { paperInput } from '../paper-factory';

const NAME = 'paperdex-upgrade';
const LATEST = 5;

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('schema upgrades', () => {
  it('v1 → v2 keeps every paper and adds the search tables and the updatedAt index', async () => {
    const v1 = new Dexie(NAME);
    v1.version(1).stores({ papers: 'id, savedAt, *tags' });
    const stored = [mergePaper(undefined, paperInput(), 10), mergePaper(undefined, paperInput({ arxivId: 'hep-th/9901001' }), 20)];
    await v1.table('papers').bulkPut(stored);
    v1.close();

    const db = openDatabase(NAME);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.papers.orderBy('savedAt').toArray()).toEqual(stored);
    expect((await db.papers.orderBy('updatedAt').last())?.id).toBe('arxiv:hep-th/9901001');
    expect(await db.searchIndex.count()).toBe(0);
    expect(await db.searchLog.count()).toBe(0);
    db.close();
  });

  it('v2 → v3 keeps every paper, its search tables, and adds the published index', async () => {
    const v2 = new Dexie(NAME);
    v2.version(2).stores({ papers: 'id, savedAt, updatedAt, *tags', searchIndex: 'key', searchLog: '++seq' });
    const stored = [
      mergePaper(undefined, paperInput({ published: '2020-01-01' }), 10),
      mergePaper(undefined, paperInput({ arxivId: 'hep-th/9901001', published: '1999-01-05' }), 20),
    ];
    await v2.table('papers').bulkPut(stored);
    await v2.table('searchLog').bulkAdd([{ id: stored[0]!.id }, { id: stored[1]!.id }]);
    v2.close();

    const db = openDatabase(NAME);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.papers.orderBy('savedAt').toArray()).toEqual(stored);
    expect(await db.papers.orderBy('published').primaryKeys()).toEqual(['arxiv:hep-th/9901001', 'arxiv:1810.05270']);
    expect(await db.searchLog.count()).toBe(2);
    db.close();
  });

  it('v3 → v4 keeps every paper and its search tables, and adds the job queue', async () => {
    const v3 = new Dexie(NAME);
    v3.version(3).stores({ papers: 'id, savedAt, updatedAt, published, *tags', searchIndex: 'key', searchLog: '++seq' });
    const stored = [
      mergePaper(undefined, paperInput(), 10),
      { ...mergePaper(undefined, paperInput({ arxivId: 'hep-th/9901001' }), 20), tags: ['strings'], notes: 'kept', readingStatus: 'read' as const },
    ];
    await v3.table('papers').bulkPut(stored);
    await v3.table('searchLog').bulkAdd([{ id: stored[0]!.id }]);
    await v3.table('searchIndex').put({ key: 'meta', deltaSeq: 0 });
    v3.close();

    const db = openDatabase(NAME);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.papers.orderBy('savedAt').toArray()).toEqual(stored);
    expect(await db.searchLog.count()).toBe(1);
    expect(await db.searchIndex.get('meta')).toEqual({ key: 'meta', deltaSeq: 0 });
    expect(await db.jobs.count()).toBe(0);
    await db.jobs.put({ id: 'backup', kind: 'backup', notBefore: 5, attempts: 0, createdAt: 0 });
    expect(await db.jobs.where('notBefore').belowOrEqual(10).primaryKeys()).toEqual(['backup']);
    db.close();
  });

  it('v4 → v5 gives papers with a journal reference the venue it names, logs them for search, and keeps everything else', async () => {
    const v4 = new Dexie(NAME);
    v4.version(4).stores({ papers: 'id, savedAt, updatedAt, published, *tags', searchIndex: 'key', searchLog: '++seq', jobs: 'id, notBefore' });
    const plain = { ...mergePaper(undefined, paperInput(), 10), tags: ['pruning'], notes: 'mine' };
    const { venue: _v, ...published } = mergePaper(undefined, paperInput({ arxivId: '1506.03134', title: 'Pointer Networks', journalRef: 'NIPS 2015' }), 20);
    const { venue: _s, ...submitted } = mergePaper(undefined, paperInput({ arxivId: '2306.06955', journalRef: 'Submitted to Artificial Intelligence Review' }), 30);
    await v4.table('papers').bulkPut([plain, published, submitted]);
    await v4.table('jobs').put({ id: 'backup', kind: 'backup', notBefore: 5, attempts: 0, createdAt: 0 });
    await v4.table('searchIndex').put({ key: 'meta', deltaSeq: 0 });
    v4.close();

    const db = openDatabase(NAME);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.papers.get(plain.id)).toEqual(plain);
    expect(await db.papers.get(submitted.id)).toEqual(submitted);
    expect(await db.papers.get(published.id)).toEqual({ ...published, venue: { name: 'NIPS 2015', short: 'NIPS', year: 2015, kind: 'conference', source: 'arxiv' } });
    expect((await db.searchLog.toArray()).map((e) => e.id)).toEqual([published.id]);
    expect(await db.jobs.count()).toBe(1);
    db.close();
  });
});
