import { useEffect, useRef, useState } from 'react';
import type { Paper } from '@/utils/paper/schema';
import type { SearchEngine } from '@/utils/search/engine';

/**
 * The records of the papers on screen: those the engine already holds at once (so results and
 * their rows appear in the same frame), the others as they load.
 *
 * A read takes in `around` too (the rows just off screen, both ways), so a scrolling list finds
 * its next rows in memory instead of opening a transaction every frame; and one read runs at a
 * time, the next one asked for what is on screen once it ends.
 */
export function usePaperRecords(engine: SearchEngine | null, ids: readonly string[], revision: number, around: readonly string[] = ids): Map<string, Paper> {
  const [loaded, setLoaded] = useState(() => new Map<string, Paper>());
  const [reads, setReads] = useState(0);
  const reading = useRef(false);
  /** What the last read asked for: a paper it did not bring (removed, unreadable) is not asked again. */
  const asked = useRef({ revision, ids: new Set<string>() });
  const key = ids.join('\n');
  const aroundKey = around === ids ? key : around.join('\n');

  useEffect(() => {
    if (!engine || !key || reading.current) return;
    const wanted = key.split('\n');
    const tried = asked.current.revision === revision ? asked.current.ids : new Set<string>();
    if (wanted.every((id) => engine.cached(id) || tried.has(id))) return;
    reading.current = true;
    const asking = new Set([...wanted, ...aroundKey.split('\n')]);
    engine.papers([...asking]).then(
      (papers) => {
        reading.current = false;
        asked.current = { revision, ids: asking };
        setLoaded(new Map(papers.map((p) => [p.id, p])));
        // What is on screen now may not be what was read: look again.
        setReads((n) => n + 1);
      },
      (e: unknown) => {
        // Not retried at once: the next scroll or library change asks again.
        reading.current = false;
        console.error('[paperdex] could not load papers', e);
      },
    );
  }, [engine, key, aroundKey, revision, reads]);

  const records = new Map<string, Paper>();
  for (const id of ids) {
    const paper = engine?.cached(id) ?? loaded.get(id);
    if (paper) records.set(id, paper);
  }
  return records;
}
