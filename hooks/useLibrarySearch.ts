import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { afterPaint, quietMoment, watchInput } from '@/utils/after-paint';
import { firstScreen, firstScreenRead } from '@/utils/db/first-screen';
import type { Paper } from '@/utils/paper/schema';
import type { SearchEngine, SearchResult } from '@/utils/search/engine';
import { askResident, paintedAnswer, type ResidentAnswer } from '@/utils/search/resident';
import { useLive, useRuntime, type Runtime } from './useRuntime';

export interface LibrarySearch {
  /** Dexie, the engine and the writers, loaded once the first screen is out; null until then. */
  runtime: Runtime | null;
  engine: SearchEngine | null;
  /** Results for the current query; null until the engine has answered once. */
  result: SearchResult | null;
  /** The newest saves, shown until the engine has answered once. */
  recent: Paper[] | undefined;
  /**
   * With `resident`: the resident search's answer to the query (utils/search/resident.ts), until
   * this page's engine has answered once; null when there is none.
   */
  preview: ResidentAnswer | null;
  /** How many papers the library held when the page opened (before the engine says). */
  initialCount: number | undefined;
  /** Bumped whenever the library changes, so rows can reload their papers. */
  revision: number;
  error: Error | null;
}

export interface SearchOptions {
  /** Most matches an answer lists (the engine's default: the best 500). */
  limit?: number;
  /** Until the engine is open, the resident search answers (the popup). */
  resident?: boolean;
  /**
   * The page's rows show whole records (the popup's abstracts): an answer shows once its first
   * screenful's records are in memory, the next best are read ahead, and a library that fits
   * the engine's cache is read in while the page is idle. False where rows show what the index
   * holds (`SearchEngine.summary`, the library page's table): answers show at once, and no
   * record is read for them (a quoted phrase still reads the matches it checks, from
   * IndexedDB, as nothing was read in ahead).
   */
  records?: boolean;
}

/**
 * The library's search, live. The newest saves are read first, straight from IndexedDB, and the
 * page shows them before the runtime (Dexie, the engine, Fuse.js) loads; then the engine
 * opens once, follows every library change (from any context) through the change log, and
 * answers the current query.
 */
export function useLibrarySearch(query: string, { limit, resident = false, records = true }: SearchOptions = {}): LibrarySearch {
  const [engine, setEngine] = useState<SearchEngine | null>(null);
  // What the first paint showed for the query typed before React loaded, carried on.
  const [preview, setPreview] = useState<ResidentAnswer | null>(() => (resident ? paintedAnswer(query) : null));
  const [error, setError] = useState<Error | null>(null);
  const [revision, setRevision] = useState(0);
  // The first screen: undefined while it is read, null when it could not be.
  // A page that painted it before React loaded (the popup) starts from it.
  const [first, setFirst] = useState<{ papers: Paper[]; count?: number } | null | undefined>(() => firstScreenRead() ?? undefined);
  const { runtime, error: runtimeError } = useRuntime(first !== undefined);
  const lastChange = useLive(runtime, (rt) => rt.repository.lastChangeSeq(), []);

  useEffect(() => {
    let live = true;
    firstScreen().then(
      (screen) => {
        if (!live) return;
        setFirst((now) => (now?.papers === screen.papers ? now : { papers: screen.papers }));
        void screen.count.then((count) => live && setFirst((now) => (now?.count === count ? now : { papers: screen.papers, count })));
      },
      // The engine's own opening says what is wrong, if anything is.
      (e: unknown) => {
        console.warn('[paperdex:search] no first screen', e);
        if (live) setFirst(null);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!runtime) return;
    // From now, so that a fling begun before the records are read ahead (`records`) is seen.
    watchInput();
    let live = true;
    runtime.SearchEngine.open(runtime.repository).then(
      (opened) => {
        performance.mark('paperdex:engine');
        if (!live) return;
        setEngine(opened);
        // Once results are up and the user leaves the page alone (the check walks every paper's
        // key: at 50,000 papers, seconds of a worker that a fling on two cores would share), the
        // thorough staleness check (a rebuild refreshes the results), then, for rows that show
        // records, a library that fits the engine's cache into memory while the page is idle.
        void quietMoment().then(() => {
          if (!live) return;
          opened
            .verify()
            .then(
              (rebuilt) => live && rebuilt && setRevision((r) => r + 1),
              (e: unknown) => console.error('[paperdex:search] could not check the search index', e),
            )
            .then(() => (records ? opened.warm(quietMoment, () => live) : undefined))
            .catch((e: unknown) => console.warn('[paperdex:search] could not read records ahead', e));
        });
      },
      (e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, [runtime, records]);

  useEffect(() => {
    if (!engine || lastChange === undefined) return;
    let live = true;
    engine.refresh().then(
      (changed) => live && changed && setRevision((r) => r + 1),
      (e: unknown) => console.error('[paperdex:search] could not follow library changes', e),
    );
    return () => {
      live = false;
    };
  }, [engine, lastChange]);

  // Until this page's engine is open, the resident search answers what is typed; an answer
  // from before the box was emptied is not shown again while the next one comes.
  if (preview && !query.trim()) setPreview(null);
  const answered = preview?.text === query;
  useEffect(() => {
    if (!resident || engine || answered || !query.trim()) return;
    let live = true;
    void askResident(query).then((answer) => live && answer && setPreview(answer));
    return () => {
      live = false;
    };
  }, [resident, engine, answered, query]);

  // The answer is worked out in the render the keystroke causes: the box, the count, the rows
  // and their highlights commit together, once, when the rows' records are in memory (or the
  // rows need none: `records`).
  const atOnce = useMemo(
    () => (engine ? answerNow(engine, query, limit) : null),
    // A new revision: the engine has taken in library changes, and answers anew.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [engine, query, revision, limit],
  );
  const failed = atOnce instanceof Error ? atOnce : null;
  const now = atOnce instanceof Error ? null : atOnce;
  const ready = now && (!records || engine?.hasRows(now)) ? now : null;
  // Otherwise (rows to read, a quoted phrase to check) the answer comes later, and the answer
  // on screen stays meanwhile: a later answer to an earlier query never comes back over it.
  const [late, setLate] = useState<Late | null>(null);
  const onScreen = useRef<SearchResult | null>(null);
  useEffect(() => {
    if (!engine || failed) return;
    // The next best matches are read once this answer is out: effects of a keystroke run before
    // the browser paints, and at 50,000 papers opening that read took 2 ms of the slowest keys.
    // (A miss reads its screenful first, and reads ahead once that answer is out.)
    if (now && !records) return;
    if (now && engine.hasRows(now)) return afterPaint(() => engine.readAhead(now));
    let live = true;
    let stopAhead = () => {};
    (now ? engine.readRows(now).then(() => now) : engine.search(query, limit)).then(
      (answer) => {
        if (!live) return;
        setLate({ answer, of: now, revision });
        // (`search` reads ahead itself.)
        if (now) stopAhead = afterPaint(() => engine.readAhead(now));
      },
      (e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
      stopAhead();
    };
  }, [engine, now, failed, query, revision, limit, records]);
  // What the last commit showed, read as this render starts (no compiler memoises this hook).
  // eslint-disable-next-line react-hooks/refs
  const result = answerToShow({ query, now, revision }, ready, late, onScreen.current);
  useLayoutEffect(() => {
    onScreen.current = result;
  });

  return {
    runtime,
    engine,
    result,
    recent: result ? undefined : first?.papers,
    preview: result ? null : preview,
    initialCount: first?.count,
    revision,
    error: runtimeError ?? failed ?? error,
  };
}

/**
 * An answer that came later: to the answer at once whose rows it read (`of`), or to a query
 * that had none (a quoted phrase) in the library as of `revision`.
 */
export interface Late {
  answer: SearchResult;
  of: SearchResult | null;
  revision: number;
}

/**
 * The answer a search shows: the engine's answer at once when its rows are in memory, else the
 * later answer to this very render's question once it has come, else the answer already on
 * screen. Never a later answer to an earlier question (another query, or the same one before
 * the library changed), which would bring old results back over newer ones.
 */
export function answerToShow(
  asked: { query: string; now: SearchResult | null; revision: number },
  ready: SearchResult | null,
  late: Late | null,
  onScreen: SearchResult | null,
): SearchResult | null {
  if (ready) return ready;
  const current = late && (asked.now ? late.of === asked.now : late.answer.text === asked.query && late.revision === asked.revision);
  return current ? late.answer : (onScreen ?? late?.answer ?? null);
}

/** The engine's answer at once (see `SearchEngine.searchNow`), or what went wrong. */
function answerNow(engine: SearchEngine, query: string, limit: number | undefined): SearchResult | Error | null {
  try {
    return engine.searchNow(query, limit);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
