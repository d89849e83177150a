/**
 * What an extension page needs to search and change the library: Dexie, the search engine (with
 * Fuse.js), the writers, the clipboard formats. The popup loads this after its first screen has
 * painted from `db/first-screen.ts` (see hooks/useRuntime.ts), so none of it delays that paint.
 */
import { db } from './db/database';
import { fingerprintOffThread } from './db/fingerprint';
import { repository as stored } from './db/repository';

export { liveQuery } from './db/live';

/**
 * The repository, with the library's fingerprint read in a worker: the search's thorough check
 * walks every paper's index key, which on the page's own thread would compete with its first
 * keystrokes and scrolling (50,000 cursor callbacks at 50,000 papers).
 */
export const repository: typeof stored = { ...stored, libraryFingerprint: () => fingerprintOffThread(db.name, stored.libraryFingerprint) };
export { SearchEngine } from './search/engine';
export { libraryWrites } from './page-writes';
export { paperAsBibtex, paperAsMarkdown } from './export/clipboard';
