/**
 * The library's fingerprint (see `libraryFingerprint`) read with plain IndexedDB, in a worker
 * when the context can start one: walking 50,000 index keys is thousands of cursor callbacks,
 * which on a page's main thread would compete with its first keystrokes and scrolling.
 */
import { libraryFingerprint } from '../search/word-index';

export interface LibraryFingerprint {
  fingerprint: number;
  count: number;
  /** The last change's number, read in the same transaction. */
  seq: number;
}

/** The fingerprint from an open database, in one read transaction (what the worker runs). */
export function readFingerprint(idb: IDBDatabase): Promise<LibraryFingerprint> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(['papers', 'searchLog'], 'readonly');
    const updatedAts: IDBValidKey[] = [];
    let count = 0;
    let seq = 0;
    const keys = tx.objectStore('papers').index('updatedAt').openKeyCursor();
    keys.onsuccess = () => {
      const cursor = keys.result;
      if (!cursor) return;
      updatedAts.push(cursor.key);
      cursor.continue();
    };
    const counted = tx.objectStore('papers').count();
    counted.onsuccess = () => (count = counted.result);
    const last = tx.objectStore('searchLog').openKeyCursor(null, 'prev');
    last.onsuccess = () => (seq = Number(last.result?.key ?? 0));
    tx.oncomplete = () => resolve({ fingerprint: libraryFingerprint(updatedAts), count, seq });
    tx.onerror = () => reject(tx.error ?? new Error('the fingerprint could not be read'));
    tx.onabort = () => reject(tx.error ?? new Error('the fingerprint read was aborted'));
  });
}

/**
 * How long the worker may take to open the database (its open waits behind an upgrade or a
 * deletion another context has asked for) before the read is made on this thread instead.
 */
const OPEN_TIMEOUT_MS = 5000;
/**
 * How long it may then take to read. Walking 50,000 keys took the worker more than 5 s on a busy
 * machine, and the page then walked them again on its own thread, under the user's scrolling.
 */
const READ_TIMEOUT_MS = 60_000;

/** What the worker answers; `opened` first, once the database is open and the read begins. */
export type FingerprintAnswer = { ok: true; value: LibraryFingerprint } | { ok: false; message: string };
export type FingerprintMessage = FingerprintAnswer | { opened: true };

/**
 * Reads the fingerprint of the database `name` in a one-off worker; `fallback` (the same read on
 * this thread) when no worker can be started or it fails. Never opens a database that is not
 * there (the worker aborts the creation).
 */
export async function fingerprintOffThread(name: string, fallback: () => Promise<LibraryFingerprint>): Promise<LibraryFingerprint> {
  if (typeof Worker === 'undefined') return fallback();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./fingerprint-worker.ts', import.meta.url), { type: 'module', name: 'paperdex-fingerprint' });
  } catch {
    return fallback();
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const answer = await new Promise<FingerprintAnswer>((resolve) => {
    const wait = (ms: number, what: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => resolve({ ok: false, message: `${what} in ${ms / 1000} s` }), ms);
    };
    worker.onmessage = (event: MessageEvent<FingerprintMessage>) => {
      if ('opened' in event.data) wait(READ_TIMEOUT_MS, 'no answer');
      else resolve(event.data);
    };
    worker.onmessageerror = () => resolve({ ok: false, message: 'the worker’s answer could not be read' });
    worker.onerror = (event) => resolve({ ok: false, message: event.message || 'the worker could not start' });
    wait(OPEN_TIMEOUT_MS, 'the library did not open');
    worker.postMessage(name);
  }).finally(() => {
    // Nothing the worker still sends starts another wait.
    worker.onmessage = null;
    clearTimeout(timer);
    worker.terminate();
  });
  if (answer.ok) return answer.value;
  console.warn('[paperdex:search] reading the library fingerprint on this thread:', answer.message);
  return fallback();
}
