import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { usePaperRecords } from '@/hooks/usePaperRecords';
import type { PaperChange } from '@/utils/paper/change';
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

/** The results, virtualised: only the rows on screen (and a few more) are in the DOM. */
export function ResultList({ engine, resultKey, ids, preloaded, terms, selected, engaged, revision, onSelect, onOpen, onRemove, onChange, onCopy, onOpenPdf, knownTags, footer }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are used in render only
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 88,
    overscan: 3,
    getItemKey: (index) => ids[index] ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const visible = items.map((item) => ids[item.index]!).filter((id) => !preloaded?.some((p) => p.id === id));
  const loaded = usePaperRecords(engine, visible, revision);
  const complete = visible.every((id) => loaded.has(id));

  // "Results committed to the DOM", for `npm run bench`: the rows on screen show their papers.
  const marked = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (resultKey === null || !complete || marked.current === resultKey) return;
    marked.current = resultKey;
    performance.mark('paperdex:results', { detail: resultKey });
  }, [resultKey, complete]);

  useEffect(() => {
    if (selected < ids.length) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, ids.length, virtualizer]);

  return (
    <div ref={scroller} className="results-scroller">
      <ul className="results" aria-label="Results" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const id = ids[item.index]!;
          return (
            <ResultRow
              key={item.key}
              id={id}
              paper={loaded.get(id) ?? preloaded?.find((p) => p.id === id)}
              terms={terms}
              selected={item.index === selected}
              engaged={engaged}
              position={item.index}
              total={ids.length}
              measure={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
              onOpen={onOpen}
              onRemove={onRemove}
              onChange={onChange}
              onCopy={onCopy}
              onOpenPdf={onOpenPdf}
              knownTags={knownTags}
              onSelect={() => onSelect(item.index)}
            />
          );
        })}
      </ul>
      {footer && <p className="status list-footer">{footer}</p>}
    </div>
  );
}
