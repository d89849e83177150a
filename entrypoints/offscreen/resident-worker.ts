/**
 * The resident search (utils/search/resident.ts), in a worker the offscreen document starts and
 * keeps: a search engine open all the time, with few records (the rows of an answer and the
 * next ones the engine reads ahead), answering what popups ask as they open.
 */
import { liveQuery } from '@/utils/db/live';
import { repository } from '@/utils/db/repository';
import { LIST_PAGE } from '@/utils/paper/display';
import { SearchEngine } from '@/utils/search/engine';
import { serveResident, type ResidentAnswer } from '@/utils/search/resident';

const RESIDENT_RECORDS = 500;

let engine: Promise<SearchEngine> | null = null;

function openEngine(): Promise<SearchEngine> {
  engine ??= SearchEngine.open(repository, { records: RESIDENT_RECORDS }).catch((error: unknown) => {
    engine = null;
    throw error;
  });
  return engine;
}

/** The engine's updates, one after another: two at once could undo each other's newer record. */
let updates: Promise<unknown> = Promise.resolve();
/** The last update for a logged change: an answer waits for it. */
let logged: Promise<unknown> = Promise.resolve();
/** A quick check is queued and not yet begun. */
let checkQueued = false;
/** The quick check under way: an answer asked meanwhile waits for what it finds. */
let checking: Promise<unknown> | null = null;

function update(work: (engine: SearchEngine) => Promise<unknown>): Promise<unknown> {
  updates = updates
    .then(openEngine)
    .then(work)
    .catch((e: unknown) => console.warn('[paperdex:resident] could not follow the library', e));
  return updates;
}

/**
 * An answer reads nothing from IndexedDB when it can help it: a popup opening reads the
 * database at the same moment, and a read here then waits 60–150 ms for it (measured). The
 * engine takes in every logged change as it is made (a live query on the change log tells it
 * of them), and an answer waits only for those. After an answer, the quick check for writes
 * that logged none (the database restored or cleared behind the extension's back) is queued
 * for the next answers, one at a time however fast the user types (an answer asked while it
 * runs waits for it, rather than answer from what it may be replacing); the popup's own engine,
 * open a moment later, makes the same check before its answer replaces this one.
 */
async function answer(text: string): Promise<ResidentAnswer> {
  const search = await openEngine();
  await logged;
  // A check that failed leaves the index as it was: answer from that (the failure is logged).
  if (checking) await checking.catch(() => undefined);
  const result = await search.search(text);
  // The first screen's records: the search has just read them.
  const papers = await search.papers(result.ids.slice(0, LIST_PAGE));
  if (!checkQueued) {
    checkQueued = true;
    void update((opened) => {
      checkQueued = false;
      checking = opened.catchUp().finally(() => (checking = null));
      return checking;
    });
  }
  return { text, ids: result.ids, total: result.total, terms: [...result.terms], relaxed: result.relaxed, papers };
}

// Opened at once, then the thorough staleness check, as a popup makes it after its first results.
void update((opened) => opened.verify());

liveQuery(() => repository.lastChangeSeq()).subscribe({
  next: () => {
    logged = update((opened) => opened.refresh());
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
