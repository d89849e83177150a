import { useMemo } from 'react';
import type { Paper } from '@/utils/paper';
import { createPaperSearch } from '@/utils/search/search';

/** Ranked matches of `query` in `papers`. */
export function useSearch(papers: readonly Paper[], query: string): Paper[] {
  const index = useMemo(() => createPaperSearch(papers), [papers]);
  return useMemo(() => index.search(query), [index, query]);
}
