import { backupJson } from '@/utils/backup/file';
import { liveQuery } from '@/utils/db/live';
import { repository } from '@/utils/db/repository';
import { onMessage } from '@/utils/messaging';
import { LIST_PAGE } from '@/utils/paper/display';
import { SearchEngine } from '@/utils/search/engine';
import { serveResident, type ResidentAnswer } from '@/utils/search/resident';

/**
 * Chrome's offscreen document, which the background keeps open (background/offscreen.ts):
 *
 * - The resident search (utils/search/resident.ts): the search engine, open all the time, answers
 *   what a popup has typed before the popup's own engine has loaded. Before each answer it takes
 *   in the library's changes (and rebuilds after a write that logged none), so it is never staler
 *   than a popup opening its own engine. It keeps few records: the rows of an answer, and the
 *   next ones the engine reads ahead.
 * - Backups: Chrome's service worker can make neither a blob URL nor a data: URL over 2 MB, so
 *   this document (same origin, same IndexedDB) builds the JSON backup and lends the file's URL
 *   until the background has downloaded it.
 */
const RESIDENT_RECORDS = 500;

let engine: Promise<SearchEngine> | null = null;
/** The engine taking in the library's changes, if it is: an answer waits for it. */
let following: Promise<unknown> = Promise.resolve();
/** The library changed since the engine last looked. */
let changed = false;

function openEngine(): Promise<SearchEngine> {
  engine ??= SearchEngine.open(repository, { records: RESIDENT_RECORDS }).then(
    (opened) => {
      // The thorough staleness check, once, as a popup makes it after its first results.
      follow(opened.verify());
      return opened;
    },
    (error: unknown) => {
      engine = null;
      throw error;
    },
  );
  return engine;
}

function follow(work: Promise<unknown>): void {
  const done = work.catch((e: unknown) => console.warn('[paperdex:resident] could not follow the library', e));
  following = Promise.all([following, done]);
}

/** Takes in the library's changes, if there are any the engine has not looked at. */
function takeInChanges(): void {
  if (!changed) return;
  changed = false;
  follow(openEngine().then((opened) => opened.refresh()));
}

/**
 * An answer reads nothing from IndexedDB when it can help it: a popup opening reads the
 * database at the same moment, and a read here then waits 60–150 ms for it (measured). The
 * engine takes in every logged change (a live query on the change log tells it of them) when
 * the process is idle, or before the next answer if that comes first: the extension's pages
 * share this document's process, and an import's rebuild here must not hold up the library
 * page that made it. After each answer it makes the quick check for writes that logged none
 * (the database restored or cleared behind the extension's back), for the next answer; the
 * popup's own engine, open a moment later, makes the same check before its answer replaces
 * this one.
 */
async function answer(text: string): Promise<ResidentAnswer> {
  const search = await openEngine();
  takeInChanges();
  await following;
  const result = await search.search(text);
  // The first screen's records: the search has just read them.
  const papers = await search.papers(result.ids.slice(0, LIST_PAGE));
  follow(search.catchUp());
  return { text, ids: result.ids, total: result.total, terms: [...result.terms], relaxed: result.relaxed, papers };
}

liveQuery(() => repository.lastChangeSeq()).subscribe({
  next: () => {
    changed = true;
    requestIdleCallback(takeInChanges);
  },
  error: (e: unknown) => console.warn('[paperdex:resident] could not watch the library', e),
});

serveResident((text) =>
  answer(text).catch((error: unknown) => {
    // The popup's own engine answers, and says what is wrong if it is wrong there too.
    console.warn('[paperdex:resident] could not answer', error);
    return null;
  }),
);

onMessage('makeBackupUrl', async () => {
  try {
    const url = URL.createObjectURL(new Blob([await backupJson(repository)], { type: 'application/json' }));
    return { ok: true, value: url };
  } catch (error) {
    return { ok: false, code: 'storage', message: `the library could not be read (${(error as Error).message})` };
  }
});

onMessage('revokeBackupUrl', ({ data }) => URL.revokeObjectURL(data));
