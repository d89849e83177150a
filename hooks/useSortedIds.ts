import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { repository } from '@/utils/db/repository';
import type { SearchEngine } from '@/utils/search/engine';
import { surname } from '@/utils/paper/names';

export const SORTS = {
  relevance: 'Best match',
  saved: 'Saved date',
  published: 'Published date',
  title: 'Title',
  author: 'First author',
} as const;
export type Sort = keyof typeof SORTS;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The search's ids in the order asked for. Saved date, title and first author come from the
 * fields the search index keeps in memory; publication date from its IndexedDB index, so that
 * sorting 50,000 papers reads no record.
 */
export function useSortedIds(engine: SearchEngine | null, ids: readonly string[], sort: Sort, revision: number): readonly string[] {
  const byPublished = useLiveQuery(() => (sort === 'published' ? repository.idsBy('published') : Promise.resolve(null)), [sort, revision]);
  return useMemo(() => {
    if (!engine || sort === 'relevance') return ids;
    if (sort === 'published') {
      if (!byPublished) return ids;
      const rank = new Map(byPublished.map((id, i) => [id, i]));
      return [...ids].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    }
    if (sort === 'saved') return newestFirst(engine, ids);
    const keyed = ids.map((id) => {
      const f = engine.shortFields(id);
      return { id, key: sort === 'title' ? (f?.title ?? '') : surname(f?.authors.split(', ')[0] ?? '') || '\uffff' };
    });
    keyed.sort((a, b) => collator.compare(a.key, b.key));
    return keyed.map((k) => k.id);
  }, [engine, ids, sort, byPublished]);
}

/**
 * The ids newest save first. The whole library comes from the index in that order already: it
 * is checked in one pass and kept, so listing 50,000 papers costs no sort.
 */
function newestFirst(engine: SearchEngine, ids: readonly string[]): readonly string[] {
  const saved = ids.map((id) => engine.savedTime(id) ?? 0);
  if (saved.every((t, i) => i === 0 || saved[i - 1]! >= t)) return ids;
  const order = ids.map((_, i) => i).sort((a, b) => saved[b]! - saved[a]! || a - b);
  return order.map((i) => ids[i]!);
}
