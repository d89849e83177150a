import { useEffect, useState } from 'react';
import type { Paper } from '@/utils/paper';
import type { SearchEngine } from '@/utils/search/engine';

/** The records of the papers on screen, loaded as rows scroll into view. */
export function usePaperRecords(engine: SearchEngine | null, ids: readonly string[], revision: number): Map<string, Paper> {
  const [records, setRecords] = useState(() => new Map<string, Paper>());
  const key = ids.join('\n');

  useEffect(() => {
    if (!engine || !key) return;
    let live = true;
    engine.papers(key.split('\n')).then(
      (papers) => live && setRecords(new Map(papers.map((p) => [p.id, p]))),
      // (a fresh map each time: rows that left the screen need not stay in memory)
      (e: unknown) => console.error('[paperdex:popup] could not load papers', e),
    );
    return () => {
      live = false;
    };
  }, [engine, key, revision]);

  return records;
}
