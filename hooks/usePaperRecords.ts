import { useEffect, useRef, useState } from 'react';
import type { Paper } from '@/utils/paper/schema';
import type { SearchEngine } from '@/utils/search/engine';

/** Most records one read asks for: each comes back as a task of its own, and 60 at once took a frame. */
const READ_BATCH = 20;

/**
 * The records of the papers on screen: those the engine already holds at once (so results and
 * their rows appear in the same frame), the others as they load.
 *
 * Reads also take in `around` (the rows just off screen, both ways, nearest first), before a
 * scrolling list reaches them, so that it finds its next rows in memory. One read runs at a time
 * and asks for at most READ_BATCH records (all those on screen, if more): a fling is served by
 * small reads that each fit between two frames, not by a large one that stalls one.
 */
export function usePaperRecords(engine: SearchEngine | null, ids: readonly string[], revision: number, around: readonly string[] = ids): Map<string, Paper> {
  /** The last read's records, and the library revision they were read in. */
  const [loaded, setLoaded] = useState(() => ({ revision, papers: new Map<string, Paper>() }));
  const reading = useRef(false);
  /** Papers a read did not bring (removed, unreadable), in this revision: not asked again. */
  const missing = useRef({ revision, ids: new Set<string>() });
  const key = ids.join('\n');
  const aroundKey = around === ids ? key : around.join('\n');

  useEffect(() => {
    if (!engine || !key || reading.current) return;
    if (missing.current.revision !== revision) missing.current = { revision, ids: new Set() };
    const gone = missing.current.ids;
    const fresh = loaded.revision === revision ? loaded.papers : null;
    const wanted = (id: string) => !engine.cached(id) && !fresh?.has(id) && !gone.has(id);
    const shown = key.split('\n');
    const onScreen = shown.filter(wanted);
    const ahead = nearestFirst(aroundKey.split('\n'), shown).filter(wanted);
    const asking = [...new Set([...onScreen, ...ahead])].slice(0, Math.max(READ_BATCH, onScreen.length));
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
  }, [engine, key, aroundKey, revision, loaded]);

  const records = new Map<string, Paper>();
  for (const id of ids) {
    const paper = engine?.cached(id) ?? loaded.papers.get(id);
    if (paper) records.set(id, paper);
  }
  return records;
}

/** The rows around the screen, nearest to it first, taking turns below and above. */
function nearestFirst(around: readonly string[], onScreen: readonly string[]): string[] {
  const start = around.indexOf(onScreen[0]!);
  if (start < 0) return [...around];
  const end = start + onScreen.length;
  const out: string[] = [];
  for (let i = 0; end + i < around.length || start - 1 - i >= 0; i++) {
    if (end + i < around.length) out.push(around[end + i]!);
    if (start - 1 - i >= 0) out.push(around[start - 1 - i]!);
  }
  return out;
}
