import { useEffect, useState } from 'react';
import type { Paper } from '@/utils/paper/schema';
import type { SearchEngine } from '@/utils/search/engine';

/**
 * The records of the papers on screen: those the engine already holds at once (so results and
 * their rows appear in the same frame), the others as they load.
 */
export function usePaperRecords(engine: SearchEngine | null, ids: readonly string[], revision: number): Map<string, Paper> {
  const [loaded, setLoaded] = useState(() => new Map<string, Paper>());
  const key = ids.join('\n');

  useEffect(() => {
    if (!engine || !key) return;
    const wanted = key.split('\n');
    if (wanted.every((id) => engine.cached(id))) return;
    let live = true;
    engine.papers(wanted).then(
      (papers) => live && setLoaded(new Map(papers.map((p) => [p.id, p]))),
      (e: unknown) => console.error('[paperdex:popup] could not load papers', e),
    );
    return () => {
      live = false;
    };
  }, [engine, key, revision]);

  const records = new Map<string, Paper>();
  for (const id of ids) {
    const paper = engine?.cached(id) ?? loaded.get(id);
    if (paper) records.set(id, paper);
  }
  return records;
}
