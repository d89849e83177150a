/** Dexie's live queries, for pages that load Dexie late (see hooks/useRuntime.ts). */
export { liveQuery } from 'dexie';
