import { useEffect, useRef, useState } from 'react';
import type { Paper } from '@/utils/paper/schema';
import type { SearchEngine } from '@/utils/search/engine';

/**
 * The records of the papers on screen: those the engine already holds at once (so results and
 * their rows appear in the same frame), the others as they load, one read at a time.
 */
export function usePaperRecords(engine: SearchEngine | null, ids: readonly string[], revision: number): Map<string, Paper> {
  /** The last read's records, and the library revision they were read in. */
  const [loaded, setLoaded] = useState(() => ({ revision, papers: new Map<string, Paper>() }));
  const reading = useRef(false);
  /** Papers a read did not bring (removed, unreadable), in this revision: not asked again. */
  const missing = useRef({ revision, ids: new Set<string>() });
  const key = ids.join('\n');

  useEffect(() => {
    if (!engine || !key || reading.current) return;
    if (missing.current.revision !== revision) missing.current = { revision, ids: new Set() };
    const gone = missing.current.ids;
    const fresh = loaded.revision === revision ? loaded.papers : null;
    const wanted = (id: string) => !engine.cached(id) && !fresh?.has(id) && !gone.has(id);
    const asking = key.split('\n').filter(wanted);
    if (!asking.length) return;
    reading.current = true;
    engine.papers(asking).then(
      (papers) => {
        reading.current = false;
        const brought = new Set(papers.map((p) => p.id));
        if (missing.current.revision === revision) for (const id of asking) if (!brought.has(id)) missing.current.ids.add(id);
        // A new `loaded` runs this again: what is on screen now may not be what was read, and
        // more may be wanted.
        setLoaded({ revision, papers: new Map(papers.map((p) => [p.id, p])) });
      },
      (e: unknown) => {
        // Not retried at once: the next scroll or library change asks again.
        reading.current = false;
        console.error('[paperdex] could not load papers', e);
      },
    );
  }, [engine, key, revision, loaded]);

  const records = new Map<string, Paper>();
  for (const id of ids) {
    const paper = engine?.cached(id) ?? loaded.papers.get(id);
    if (paper) records.set(id, paper);
  }
  return records;
}
