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
    const keyed = ids.map((id) => {
      const f = engine.shortFields(id);
      const key =
        sort === 'saved' ? -(f?.savedAt ?? 0) : sort === 'title' ? (f?.title ?? '') : surname(f?.authors.split(', ')[0] ?? '') || '\uffff';
      return { id, key };
    });
    keyed.sort((a, b) =>
      typeof a.key === 'number' ? a.key - (b.key as number) : collator.compare(a.key as string, b.key as string),
    );
    return keyed.map((k) => k.id);
  }, [engine, ids, sort, byPublished]);
}
