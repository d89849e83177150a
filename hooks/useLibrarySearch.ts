import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { repository } from '@/utils/db/repository';
import { isSound } from '@/utils/paper/check';
import type { Paper } from '@/utils/paper/schema';
import { SearchEngine, type SearchResult } from '@/utils/search/engine';

export interface LibrarySearch {
  engine: SearchEngine | null;
  /** Results for the current query; null until the engine has answered once. */
  result: SearchResult | null;
  /** The newest saves, shown while the search index is still loading. */
  recent: Paper[] | undefined;
  /** Bumped whenever the library changes, so rows can reload their papers. */
  revision: number;
  error: Error | null;
}

const FIRST_PAINT = 30;

/**
 * The library's search, live: opens the search engine once, follows every library change
 * (from any context) through the change log, and answers the current query.
 */
export function useLibrarySearch(query: string, limit?: number): LibrarySearch {
  const [engine, setEngine] = useState<SearchEngine | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [revision, setRevision] = useState(0);
  const [result, setResult] = useState<SearchResult | null>(null);
  const recent = useLiveQuery(() => (engine ? Promise.resolve(undefined) : repository.recentPapers(FIRST_PAINT).then((papers) => papers.filter(isSound))), [engine]);
  const lastChange = useLiveQuery(() => repository.lastChangeSeq(), [], 0);

  useEffect(() => {
    let live = true;
    SearchEngine.open(repository).then(
      (opened) => {
        if (!live) return;
        setEngine(opened);
        // Once results are up, the thorough staleness check; a rebuild refreshes the results.
        setTimeout(() => {
          opened.verify().then(
            (rebuilt) => live && rebuilt && setRevision((r) => r + 1),
            (e: unknown) => console.error('[paperdex:search] could not check the search index', e),
          );
        }, 0);
      },
      (e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!engine) return;
    let live = true;
    engine.refresh().then(
      (changed) => live && changed && setRevision((r) => r + 1),
      (e: unknown) => console.error('[paperdex:search] could not follow library changes', e),
    );
    return () => {
      live = false;
    };
  }, [engine, lastChange]);

  useEffect(() => {
    if (!engine) return;
    let live = true;
    engine.search(query, limit).then(
      (r) => live && setResult(r),
      (e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, [engine, query, revision, limit]);

  return { engine, result, recent, revision, error };
}
