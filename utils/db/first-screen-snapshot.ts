import { browser } from 'wxt/browser';
import { isSound } from '../paper/check';
import type { FirstScreen } from './first-screen';

/**
 * The popup's first screen kept in the popup's own localStorage, so that its first frame shows
 * the newest saves without waiting for IndexedDB (about 15 ms and a frame, measured: a third of
 * what an extension page takes to paint at all).
 *
 * A snapshot must never show a library as it no longer is. Any context can change the library
 * (the service worker saves, the pages edit), and the service worker has no localStorage, so
 * each snapshot is stamped with a version that lives in the toolbar popup's own address
 * (`popup.html?screen=<version>`): every write to the papers (`retireSnapshots`, called from
 * the database itself) and every browser start give the popup a new address, and a snapshot
 * is read only by a popup opened at the address it was written for. An address without a
 * version (the manifest's, as after the browser restarts, or a page opened by hand) reads
 * IndexedDB. Whatever the first frame shows, App's search engine lists the library as
 * IndexedDB has it a moment later.
 */

const KEY = 'paperdex:first-screen';
const PARAM = 'screen';
const POPUP = 'popup.html';

interface Stored {
  version: string;
  papers: unknown[];
  count: number;
}

/** The version in this page's address, or '' (not the toolbar popup, or not stamped yet). */
export function snapshotVersion(): string {
  return new URLSearchParams(globalThis.location?.search ?? '').get(PARAM) ?? '';
}

/** The first screen as written for this popup's address, or null: none, another version's, or unreadable. */
export function readSnapshot(): FirstScreen | null {
  const version = snapshotVersion();
  if (!version) return null;
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Stored | null;
    if (stored?.version !== version || !Array.isArray(stored.papers) || typeof stored.count !== 'number') return null;
    const papers = stored.papers.filter(isSound);
    // Anything not as written: read IndexedDB instead.
    if (papers.length !== stored.papers.length) return null;
    return { papers, count: Promise.resolve(stored.count) };
  } catch {
    return null;
  }
}

/** Keeps a first screen read from IndexedDB for the next popup opened at this address. */
export async function writeSnapshot(screen: FirstScreen): Promise<void> {
  const version = snapshotVersion();
  if (!version) return;
  const stored: Stored = { version, papers: screen.papers, count: await screen.count };
  try {
    localStorage.setItem(KEY, JSON.stringify(stored));
  } catch (e) {
    // Storage full or refused: the next popup reads IndexedDB, as without a snapshot.
    console.warn('[paperdex:popup] first screen not kept', e);
  }
}

let stamping = false;
/**
 * The papers changed (or the browser started): the toolbar popup gets a new address, so that
 * no snapshot written before is read again. Calls in one task make one new address. Contexts
 * without the action API (the import worker) do nothing: the page that started them writes the
 * papers it imports through its own database.
 */
export function retireSnapshots(): void {
  const action = browser?.action ?? browser?.browserAction;
  if (!action?.setPopup || stamping) return;
  stamping = true;
  setTimeout(() => {
    stamping = false;
    const version = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    // A failure here leaves the address as it was, so the popup may show the kept screen for a
    // moment before App lists the library as it is: said in the console, never thrown at a write.
    Promise.resolve()
      .then(() => action.setPopup({ popup: `${POPUP}?${PARAM}=${version}` }))
      .catch((e: unknown) => console.warn('[paperdex] popup address not renewed', e));
  });
}
