import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/utils/db/database';
import { mergePaper } from '@/utils/paper/merge';
import { paperInput } from '../paper-factory';

const NAME = 'paperdex-upgrade';

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
    expect(db.verno).toBe(3);
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
    expect(db.verno).toBe(3);
    expect(await db.papers.orderBy('savedAt').toArray()).toEqual(stored);
    expect(await db.papers.orderBy('published').primaryKeys()).toEqual(['arxiv:hep-th/9901001', 'arxiv:1810.05270']);
    expect(await db.searchLog.count()).toBe(2);
    db.close();
  });
});
