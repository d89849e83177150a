/**
 * What an extension page needs to search and change the library: Dexie, the search engine (with
 * Fuse.js), the writers, the clipboard formats. The popup loads this after its first screen has
 * painted from `db/first-screen.ts` (see hooks/useRuntime.ts), so none of it delays that paint.
 */
export { liveQuery } from './db/live';
export { repository } from './db/repository';
export { SearchEngine } from './search/engine';
export { libraryWrites } from './page-writes';
export { paperAsBibtex, paperAsMarkdown } from './export/clipboard';
