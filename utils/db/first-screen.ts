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
      const papers: Paper[] = [];
      let counted: (n: number) => void = () => undefined;
      const count = new Promise<number>((resolveCount) => (counted = resolveCount));
      const cursor = store.index('savedAt').openCursor(null, 'prev');
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (c && isSound(c.value)) papers.push(c.value);
        if (c && papers.length < limit) return c.continue();
        resolve({ papers, count });
        // Requests run in order: the count after the rows.
        store.count().onsuccess = (e) => counted((e.target as IDBRequest<number>).result);
      };
      tx.oncomplete = () => db.close();
      tx.onerror = () => {
        db.close();
        reject(tx.error ?? new Error('could not read the library'));
      };
    };
  });
}

let started: Promise<FirstScreen> | null = null;

/**
 * The first screen, read once per page; called as the page's script starts (before React has
 * rendered anything), so that reading and rendering overlap.
 */
export function firstScreen(limit = 30): Promise<FirstScreen> {
  started ??= readFirstScreen(limit);
  return started;
}
