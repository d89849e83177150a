// @vitest-environment happy-dom
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase, type PaperdexDb } from '@/utils/db/database';
import { readFirstScreen } from '@/utils/db/first-screen';
import { readSnapshot, writeSnapshot } from '@/utils/db/first-screen-snapshot';
import { createRepository, type Repository } from '@/utils/db/repository';
import { paperInput } from '../paper-factory';

let db: PaperdexDb;
let repo: Repository;
let n = 0;

beforeEach(async () => {
  db = openDatabase(`paperdex-snapshot-${n++}`);
  await db.open();
  repo = createRepository(db);
  localStorage.clear();
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** Opens "the popup" at the address the toolbar would open now. */
async function openPopupAddress(): Promise<string> {
  const popup = await fakeBrowser.action.getPopup({});
  history.replaceState(null, '', `/${popup}`);
  return popup;
}

/** Resolves once the renewal queued by a write (one task later) has run. */
const renewed = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the popup's first-screen snapshot", () => {
  it('is read back only at the address it was written for, and every write to the papers gives the popup a new one', async () => {
    await repo.savePaper(paperInput(), 1000);
    await repo.savePaper(paperInput({ arxivId: '1803.03635', title: 'The Lottery Ticket Hypothesis' }), 2000);
    await renewed();
    const first = await openPopupAddress();
    expect(first).toMatch(/^popup\.html\?screen=\w+$/);
    // Nothing kept for this address yet: the popup reads IndexedDB, then keeps what it read.
    expect(readSnapshot()).toBeNull();
    await writeSnapshot(await readFirstScreen(30, db.name));
    const kept = readSnapshot();
    expect(kept?.papers.map((p) => p.title)).toEqual(['The Lottery Ticket Hypothesis', 'Rethinking the Value of Network Pruning']);
    expect(await kept?.count).toBe(2);

    // A note edited (any write, from any context, through the database) retires it.
    await repo.updateUserFields(['arxiv:1810.05270'], (p) => ({ ...p, notes: 'read §4' }), 3000);
    await renewed();
    expect(await openPopupAddress()).not.toBe(first);
    expect(readSnapshot()).toBeNull();
  });

  it('renews the address once for the writes of one task', async () => {
    const setPopup = vi.spyOn(fakeBrowser.action, 'setPopup');
    await repo.importPapers([paperInput(), paperInput({ arxivId: '1803.03635' })].map((p, i) => ({ ...p, id: `arxiv:${p.arxivId}`, sources: ['arxiv'], tags: [], notes: '', savedAt: i, updatedAt: i })));
    await renewed();
    expect(setPopup).toHaveBeenCalledTimes(1);
  });

  it('is never read from an address without a version, or when what is kept is not sound', async () => {
    history.replaceState(null, '', '/popup.html?screen=abc');
    localStorage.setItem('paperdex:first-screen', JSON.stringify({ version: 'abc', papers: [{ id: 'arxiv:1', title: 'no authors' }], count: 1 }));
    expect(readSnapshot()).toBeNull();
    localStorage.setItem('paperdex:first-screen', '{"version": "abc", "papers": [');
    expect(readSnapshot()).toBeNull();
    history.replaceState(null, '', '/popup.html');
    await writeSnapshot({ papers: [], count: Promise.resolve(0) });
    expect(localStorage.getItem('paperdex:first-screen')).toContain('"papers": [');
  });

  it('leaves the popup reading IndexedDB when storage refuses it', async () => {
    history.replaceState(null, '', '/popup.html?screen=abc');
    vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(writeSnapshot({ papers: [], count: Promise.resolve(0) })).resolves.toBeUndefined();
    expect(readSnapshot()).toBeNull();
  });
});
