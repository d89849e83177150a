import { isSound } from '../paper/check';
import type { Paper } from '../paper/schema';

/**
 * The first screen of the popup and the library page, read straight from IndexedDB: the newest
 * saves, then how many papers there are, without Dexie or the search index (which load after
 * it has painted). Read-only, and never creates the database: a library that does not exist
 * yet is an empty one.
 */
export interface FirstScreen {
  papers: Paper[];
  /** Counting walks every key (tens of milliseconds at 10,000 papers): it comes after the rows. */
  count: Promise<number>;
}

const EMPTY: FirstScreen = { papers: [], count: Promise.resolve(0) };

export function readFirstScreen(limit: number, name = 'paperdex'): Promise<FirstScreen> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    // No library yet: leave its creation (and its schema) to Dexie.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = (event) => {
      if (open.error?.name !== 'AbortError') return reject(open.error ?? new Error('IndexedDB refused to open the library'));
      event.preventDefault();
      resolve(EMPTY);
    };
    open.onblocked = () => reject(new Error('the library is being upgraded'));
    open.onsuccess = () => {
      const db = open.result;
      // Another page upgrading the library must not wait for this one.
      db.onversionchange = () => db.close();
      if (!db.objectStoreNames.contains('papers')) {
        db.close();
        resolve(EMPTY);
        return;
      }
      const tx = db.transaction('papers', 'readonly');
      const store = tx.objectStore('papers');
      let counted: (n: number) => void = () => undefined;
      const count = new Promise<number>((resolveCount) => (counted = resolveCount));
      const done = (papers: Paper[]) => {
        resolve({ papers, count });
        // Requests run in order: the count after the rows.
        store.count().onsuccess = (e) => counted((e.target as IDBRequest<number>).result);
      };
      const index = store.index('savedAt');
      // One request for the newest records where the browser can read backwards in one go
      // (Chromium 141+); a cursor, a round trip per record, where it cannot or where some of
      // them are not sound.
      if ('getAllRecords' in index) {
        const all = (index as WithGetAllRecords).getAllRecords({ count: limit, direction: 'prev' });
        all.onsuccess = () => {
          const papers = all.result.map((r) => r.value).filter(isSound);
          if (papers.length === all.result.length) done(papers);
          else readByCursor(index, limit, done);
        };
      } else {
        readByCursor(index, limit, done);
      }
      tx.oncomplete = () => db.close();
      tx.onerror = () => {
        db.close();
        reject(tx.error ?? new Error('could not read the library'));
      };
    };
  });
}

/** `IDBIndex.getAllRecords` (Chromium 141+), not yet in TypeScript's DOM types. */
interface WithGetAllRecords {
  getAllRecords(options: { count: number; direction: IDBCursorDirection }): IDBRequest<{ value: unknown }[]>;
}

/** The newest `limit` sound records, newest first, one cursor step at a time. */
function readByCursor(index: IDBIndex, limit: number, done: (papers: Paper[]) => void): void {
  const papers: Paper[] = [];
  const cursor = index.openCursor(null, 'prev');
  cursor.onsuccess = () => {
    const c = cursor.result;
    if (c && isSound(c.value)) papers.push(c.value);
    if (c && papers.length < limit) return c.continue();
    done(papers);
  };
}

declare global {
  interface Window {
    /**
     * The read begun by the popup's first-paint script, a separate bundle with its own copy of
     * this module: the popup's modules take it over instead of reading again.
     */
    paperdexFirstScreen?: Promise<FirstScreen>;
  }
}

let started: Promise<FirstScreen> | null = null;
/** The first screen once read, and its count once counted, for a render that must not wait. */
let read: { papers: Paper[]; count?: number } | null = null;

/**
 * The first screen, read once per page; called as the page's script starts (before React has
 * rendered anything), so that reading and rendering overlap.
 */
export function firstScreen(limit = 30): Promise<FirstScreen> {
  const adopted = globalThis.window?.paperdexFirstScreen;
  started ??= (adopted ?? readFirstScreen(limit)).then((screen) => {
    if (!adopted) performance.mark('paperdex:first-screen');
    read = { papers: screen.papers };
    void screen.count.then((count) => (read = { papers: screen.papers, count }));
    return screen;
  });
  if (globalThis.window && !window.paperdexFirstScreen) window.paperdexFirstScreen = started;
  return started;
}

/** The first screen if it has been read already (React's first render starts from it), else null. */
export function firstScreenRead(): { papers: Paper[]; count?: number } | null {
  return read;
}
