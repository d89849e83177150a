import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PaperdexDb } from '@/utils/db/database';
import { fingerprintOffThread } from '@/utils/db/fingerprint';
import { createRepository, type Repository } from '@/utils/db/repository';
import { libraryFingerprint } from '@/utils/search/word-index';
import { paperInput } from '../paper-factory';

let db: PaperdexDb;
let repo: Repository;
let n = 0;

beforeEach(async () => {
  db = openDatabase(`paperdex-test-${n++}`);
  await db.open();
  repo = createRepository(db);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('repository', () => {
  it('stores a new paper with the documented record shape', async () => {
    const saved = await repo.savePaper(paperInput(), 1000);
    const { source: _source, ...metadata } = paperInput();
    expect(saved).toEqual({
      id: 'arxiv:1810.05270',
      ...metadata,
      sources: ['arxiv'],
      tags: [],
      notes: '',
      savedAt: 1000,
      updatedAt: 1000,
    });
    expect(await repo.getPaper('arxiv:1810.05270')).toEqual(saved);
  });

  it('keeps one record per paper, the user’s tags and notes, and the first save time', async () => {
    await repo.savePaper(paperInput(), 1000);
    await db.papers.update('arxiv:1810.05270', { tags: ['to-read'], notes: 'compare with lottery tickets' });
    const again = await repo.savePaper(
      paperInput({ version: 3, updated: '2019-03-05', title: 'Rethinking the Value of Network Pruning (ICLR)', source: 'huggingface' }),
      2000,
    );
    expect(await db.papers.count()).toBe(1);
    expect(again).toMatchObject({
      version: 3,
      updated: '2019-03-05',
      title: 'Rethinking the Value of Network Pruning (ICLR)',
      sources: ['arxiv', 'huggingface'],
      tags: ['to-read'],
      notes: 'compare with lottery tickets',
      savedAt: 1000,
      updatedAt: 2000,
    });
  });

  it('does not let an older version overwrite newer metadata', async () => {
    await repo.savePaper(paperInput({ version: 2, title: 'New title' }), 1000);
    const again = await repo.savePaper(paperInput({ version: 1, title: 'Old title' }), 2000);
    expect(again.version).toBe(2);
    expect(again.title).toBe('New title');
  });

  it('keeps what it knew when a newer page shows less', async () => {
    await repo.savePaper(paperInput(), 1000);
    const again = await repo.savePaper(paperInput({ version: 2, abstract: '', authors: [], categories: [] }), 2000);
    expect(again.abstract).toBe(paperInput().abstract);
    expect(again.authors).toEqual(paperInput().authors);
    expect(again.categories).toEqual(['cs.LG']);
  });

  it('keeps a known DOI and the first publication date when a later page lacks them', async () => {
    await repo.savePaper(paperInput({ doi: '10.1000/xyz123' }), 1000);
    const again = await repo.savePaper(paperInput({ version: 2, published: '2019-01-01' }), 2000);
    expect(again.doi).toBe('10.1000/xyz123');
    expect(again.published).toBe('2018-10-11');
  });

  it('never lets an incomplete save overwrite a complete record, and completes an incomplete one', async () => {
    await repo.savePaper(paperInput(), 1000);
    const kept = await repo.savePaper(
      paperInput({ version: 2, abstract: '', authors: [], published: '2018-10-01', incomplete: true, source: 'huggingface' }),
      2000,
    );
    expect(kept).toMatchObject({ version: 1, published: '2018-10-11', abstract: paperInput().abstract, sources: ['arxiv', 'huggingface'] });
    expect(kept.incomplete).toBeUndefined();

    await repo.savePaper(paperInput({ arxivId: '1506.03134', abstract: '', published: '2015-06-01', incomplete: true }), 1000);
    const completed = await repo.savePaper(paperInput({ arxivId: '1506.03134', published: '2015-06-09' }), 2000);
    expect(completed.incomplete).toBeUndefined();
    // The approximate date of the incomplete record gives way to the real one, even if later.
    expect(completed.published).toBe('2015-06-09');
  });

  it('marks a withdrawn version, keeps the mark for that version, drops it for a later one', async () => {
    const withdrawn = await repo.savePaper(paperInput({ version: 2, withdrawn: true }), 1000);
    expect(withdrawn.withdrawn).toBe(true);
    // A listing that does not say so, showing the same version, does not unmark it.
    expect((await repo.savePaper(paperInput({ version: 2, source: 'huggingface' }), 1500)).withdrawn).toBe(true);
    const revived = await repo.savePaper(paperInput({ version: 3 }), 2000);
    expect(revived.withdrawn).toBeUndefined();
  });

  it('keeps the first date and the highest version when two incomplete saves meet', async () => {
    await repo.savePaper(paperInput({ version: 2, abstract: '', published: '2018-10-11', incomplete: true }), 1000);
    const again = await repo.savePaper(paperInput({ version: 1, abstract: '', published: '2018-10-01', incomplete: true }), 2000);
    expect(again).toMatchObject({ version: 2, published: '2018-10-11', incomplete: true });
  });

  it('refreshes only papers still in the library, without adding a source', async () => {
    const { source: _s, ...metadata } = paperInput({ version: 2 });
    expect(await repo.refreshPaper(metadata, 1000)).toBeUndefined();
    expect(await repo.countPapers()).toBe(0);
    await repo.savePaper(paperInput({ source: 'huggingface' }), 1000);
    expect(await repo.refreshPaper(metadata, 2000)).toMatchObject({ version: 2, sources: ['huggingface'] });
  });

  it('deletes many papers and brings them back, merged with anything saved since', async () => {
    await repo.savePaper(paperInput(), 1000);
    await repo.savePaper(paperInput({ arxivId: '1506.03134', title: 'Pointer Networks' }), 1000);
    await db.papers.update('arxiv:1506.03134', { tags: ['seq2seq'], notes: 'mine' });
    const removed = await repo.removePapers(['arxiv:1810.05270', 'arxiv:1506.03134', 'arxiv:0000.00000']);
    expect(removed.map((p) => p.id)).toEqual(['arxiv:1810.05270', 'arxiv:1506.03134']);
    expect(await repo.countPapers()).toBe(0);
    // Saved again from a page before Undo: Undo merges instead of overwriting it.
    await repo.savePaper(paperInput({ arxivId: '1506.03134', title: 'Pointer Networks', version: 2 }), 3000);
    expect(await repo.importPapers(removed, 4000)).toEqual({ added: 1, updated: 1 });
    expect(await repo.getPaper('arxiv:1506.03134')).toMatchObject({ version: 2, tags: ['seq2seq'], notes: 'mine', savedAt: 1000 });
    expect(await repo.getPaper('arxiv:1810.05270')).toEqual(removed[0]);
  });

  it('walks the library a chunk at a time in key order, each paper once, and says when it is done', async () => {
    for (const [arxivId, at] of [['1506.03134', 3000], ['hep-th/9901001', 1000], ['1810.05270', 2000], ['2101.00001', 4000]] as const) {
      await repo.savePaper(paperInput({ arxivId, title: arxivId }), at);
    }
    const walked: string[][] = [];
    let after: string | null = null;
    do {
      const chunk: { papers: { id: string }[]; next: string | null } = await repo.papersAfter(after, 2);
      walked.push(chunk.papers.map((p) => p.id));
      after = chunk.next;
    } while (after !== null);
    expect(walked).toEqual([['arxiv:1506.03134', 'arxiv:1810.05270'], ['arxiv:2101.00001', 'arxiv:hep-th/9901001'], []]);
    expect(await repo.papersAfter(null, 10)).toMatchObject({ next: null });
  });

  it('lists newest saves first and removes papers', async () => {
    await repo.savePaper(paperInput({ arxivId: '1506.03134', title: 'Pointer Networks' }), 1000);
    await repo.savePaper(paperInput({ arxivId: 'hep-th/9901001', title: 'Old style' }), 3000);
    await repo.savePaper(paperInput(), 2000);
    expect((await repo.listPapers()).map((p) => p.id)).toEqual([
      'arxiv:hep-th/9901001',
      'arxiv:1810.05270',
      'arxiv:1506.03134',
    ]);
    await repo.removePapers(['arxiv:1810.05270']);
    expect(await repo.countPapers()).toBe(2);
    expect(await repo.getStatuses(['arxiv:1810.05270', 'arxiv:1506.03134'])).toEqual({
      'arxiv:1810.05270': { saved: false },
      'arxiv:1506.03134': { saved: true, version: 1 },
    });
  });

  it("fingerprints every paper's updatedAt with the count and the last change, and a worker's read is the same", async () => {
    await repo.savePaper(paperInput(), 1000);
    await repo.savePaper(paperInput({ arxivId: '2401.00001' }), 2000);
    await repo.savePaper(paperInput({ arxivId: '2401.00001', version: 2 }), 3500);
    const seq = (await db.searchLog.orderBy('seq').last())!.seq!;
    expect(await repo.libraryFingerprint()).toEqual({ fingerprint: libraryFingerprint([1000, 3500]), count: 2, seq });
    // A record written behind the extension's back, with an older updatedAt: the fingerprint moves.
    await db.papers.update('arxiv:2401.00001', { updatedAt: 2000 });
    expect((await repo.libraryFingerprint()).fingerprint).toBe(libraryFingerprint([1000, 2000]));
    // No Worker here (Node): the read falls back to this thread, with the same answer.
    expect(await fingerprintOffThread(db.name, repo.libraryFingerprint)).toEqual(await repo.libraryFingerprint());
  });
});
