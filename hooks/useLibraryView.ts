import { useMemo, useState } from 'react';
import type { Paper } from '@/utils/paper/schema';
import type { SearchEngine } from '@/utils/search/engine';
import { useLibrarySearch } from './useLibrarySearch';
import { useSortedIds, type Sort } from './useSortedIds';

/** Every match, not only the best screenful: the library page lists the whole library. */
const ALL = Number.MAX_SAFE_INTEGER;

export interface LibraryView {
  query: string;
  setQuery(query: string): void;
  searching: boolean;
  sort: Sort;
  setSort(sort: Sort): void;
  /** The papers in view, in the order asked for. */
  ids: readonly string[];
  /** No paper has every word; these miss one. */
  relaxed: boolean;
  engine: SearchEngine | null;
  /** The newest saves, read before the engine opened: rows to show until it has. */
  recent: readonly Paper[] | undefined;
  /** How many papers the library held when the page opened. */
  initialCount: number | undefined;
  revision: number;
  error: Error | null;
}

/** What the library page lists: the whole library or a search's matches, sorted. */
export function useLibraryView(): LibraryView {
  const [query, setQueryText] = useState('');
  const [sortChoice, setSort] = useState<Sort>('saved');
  const { engine, result, recent, initialCount, revision, error } = useLibrarySearch(query, { limit: ALL, records: false });
  const matches = useMemo(() => result?.ids ?? recent?.map((p) => p.id) ?? [], [result, recent]);
  const searching = Boolean(query.trim());
  const sort: Sort = !searching && sortChoice === 'relevance' ? 'saved' : sortChoice;
  const ids = useSortedIds(engine, matches, sort, revision);

  const setQuery = (next: string) => {
    setQueryText(next);
    // A search starts sorted by relevance.
    if (next.trim() && !searching) setSort('relevance');
  };

  return { query, setQuery, searching, sort, setSort, ids, relaxed: searching && Boolean(result?.relaxed), engine, recent, initialCount, revision, error };
}
