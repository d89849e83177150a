import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/utils/db/database';
import { mergePaper } from '@/utils/merge-paper';
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
    expect(db.verno).toBe(2);
    expect(await db.papers.orderBy('savedAt').toArray()).toEqual(stored);
    expect((await db.papers.orderBy('updatedAt').last())?.id).toBe('arxiv:hep-th/9901001');
    expect(await db.searchIndex.count()).toBe(0);
    expect(await db.searchLog.count()).toBe(0);
    db.close();
  });
});
