import { useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { usePaperRecords } from '@/hooks/usePaperRecords';
import { useStableCallbacks } from '@/hooks/useStableCallbacks';
import type { PaperChange } from '@/utils/paper/change';
import { LIST_PAGE } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import type { SearchEngine } from '@/utils/search/engine';
import { ResultRow } from './ResultRow';

interface Props {
  engine: SearchEngine | null;
  /** The query these ids answer: marked once all rows on screen show their paper. */
  resultKey: string | null;
  ids: readonly string[];
  /** Papers already in hand (the first paint, before the engine is open). */
  preloaded?: readonly Paper[];
  terms: ReadonlySet<string>;
  selected: number;
  /** The user is choosing among the rows: the selected one shows its actions. */
  engaged: boolean;
  revision: number;
  onSelect(index: number): void;
  onOpen(paper: Paper, event: MouseEvent): void;
  onRemove(paper: Paper): void;
  onChange(paper: Paper, change: PaperChange): void;
  onCopy(paper: Paper, as: 'bibtex' | 'markdown'): void;
  onOpenPdf(paper: Paper): void;
  knownTags: readonly string[];
  /** A line after the last row (e.g. that only the best matches are listed). */
  footer?: string;
}

/**
 * The results, rendered a page at a time in the normal flow of the page: a keystroke commits
 * the rows, the count and the highlights together, once, and the browser lays them out when it
 * paints (no row is measured by script, no second pass). At most the engine's limit (500) ever
 * render, as the user scrolls towards them.
 */
export function ResultList({ engine, resultKey, ids, preloaded, terms, selected, engaged, revision, onSelect, onOpen, onRemove, onChange, onCopy, onOpenPdf, knownTags, footer }: Props) {
  const rowCallbacks = useStableCallbacks({ onSelect, onOpen, onRemove, onChange, onCopy, onOpenPdf });
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  // How many rows render, for which answer: a new answer starts from one page again.
  const [depth, setDepth] = useState({ key: resultKey, rows: LIST_PAGE });
  const rows = depth.key === resultKey ? depth.rows : LIST_PAGE;
  // The selected row is always rendered (arrows past the last page add one).
  const count = Math.min(ids.length, Math.max(rows, selected + 1 + (LIST_PAGE >> 1)));
  const rendered = ids.slice(0, count);
  const visible = rendered.filter((id) => !preloaded?.some((p) => p.id === id));
  const loaded = usePaperRecords(engine, visible, revision);
  const complete = visible.every((id) => loaded.has(id));

  // "Results committed to the DOM", for `npm run bench`: the rows rendered show their papers.
  const marked = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (resultKey === null || !complete || marked.current === resultKey) return;
    marked.current = resultKey;
    // Marked in a task of its own, dated now: a mark is reported to the browser process (about
    // 0.2 ms), work for the benchmark that need not delay what the user sees.
    const startTime = performance.now();
    setTimeout(() => performance.mark('paperdex:results', { detail: resultKey, startTime }));
  }, [resultKey, complete]);

  // Scrolled near the end of what is rendered: the next page.
  useEffect(() => {
    const end = sentinel.current;
    if (!end || count >= ids.length) return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setDepth({ key: resultKey, rows: count + LIST_PAGE }),
      { root: scroller.current, rootMargin: '0px 0px 100px 0px' },
    );
    observer.observe(end);
    return () => observer.disconnect();
  }, [count, ids.length, resultKey]);

  // A new answer starts at its top. Only a list the user scrolled is scrolled back: reading or
  // setting the position would make the browser lay the page out before it is ready to paint.
  const scrolled = useRef(false);
  useLayoutEffect(() => {
    if (!scrolled.current || !scroller.current) return;
    scroller.current.scrollTop = 0;
    scrolled.current = false;
  }, [resultKey]);

  // Arrows keep the selected row in view.
  const lastSelected = useRef(selected);
  useEffect(() => {
    if (lastSelected.current === selected) return;
    lastSelected.current = selected;
    scroller.current?.querySelector(`[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <div ref={scroller} className="results-scroller" onScroll={() => (scrolled.current = true)}>
      {/* Busy until the search engine has answered what is in the box (the newest saves show meanwhile). */}
      <ul className="results" aria-label="Results" aria-busy={resultKey === null}>
        {rendered.map((id, index) => (
          <ResultRow
            key={id}
            id={id}
            paper={loaded.get(id) ?? preloaded?.find((p) => p.id === id)}
            terms={terms}
            selected={index === selected}
            engaged={engaged}
            position={index}
            total={ids.length}
            {...rowCallbacks}
            knownTags={knownTags}
          />
        ))}
      </ul>
      <div ref={sentinel} aria-hidden="true" />
      {footer && count >= ids.length && <p className="status list-footer">{footer}</p>}
    </div>
  );
}
