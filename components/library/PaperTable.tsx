import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type MouseEvent } from 'react';
import { usePaperRecords } from '@/hooks/usePaperRecords';
import { paperYear, shortAuthors } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import { READING_STATUS_LABELS } from '@/utils/paper/vocabulary';
import type { SearchEngine } from '@/utils/search/engine';

interface Props {
  engine: SearchEngine | null;
  ids: readonly string[];
  revision: number;
  selected: ReadonlySet<string>;
  focused: string | null;
  onToggle(index: number, event: MouseEvent): void;
  onFocus(id: string): void;
}

const ROW_HEIGHT = 58;

/** Every paper of the current view, virtualised so that 50,000 scroll smoothly; fixed-height rows. */
export function PaperTable({ engine, ids, revision, selected, focused, onToggle, onFocus }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are used in render only
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => ids[index] ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const loaded = usePaperRecords(engine, items.map((item) => ids[item.index]!), revision);
  return (
    <div ref={scroller} className="table-scroller" tabIndex={-1}>
      <ul className="papers" aria-label="Papers" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const id = ids[item.index]!;
          return (
            <Row
              key={item.key}
              id={id}
              index={item.index}
              total={ids.length}
              paper={loaded.get(id) ?? engine?.cached(id)}
              checked={selected.has(id)}
              focused={focused === id}
              top={item.start}
              onToggle={onToggle}
              onFocus={onFocus}
            />
          );
        })}
      </ul>
    </div>
  );
}

const Row = memo(function Row({
  id,
  index,
  total,
  paper,
  checked,
  focused,
  top,
  onToggle,
  onFocus,
}: {
  id: string;
  index: number;
  total: number;
  paper: Paper | undefined;
  checked: boolean;
  focused: boolean;
  top: number;
  onToggle(index: number, event: MouseEvent): void;
  onFocus(id: string): void;
}) {
  const title = paper?.title ?? 'Loading…';
  return (
    <li
      className={`paper-row${focused ? ' focused' : ''}${checked ? ' checked' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      aria-setsize={total}
      aria-posinset={index + 1}
      data-paper-id={id}
    >
      <input type="checkbox" aria-label={`Select ${paper ? title : id}`} checked={checked} onChange={() => undefined} onClick={(e) => onToggle(index, e)} />
      <button type="button" className="row-main" onClick={() => onFocus(id)} aria-current={focused ? 'true' : undefined}>
        <span className="row-title">{title}</span>
        {paper && (
          <span className="row-meta">
            {shortAuthors(paper.authors)} · {paperYear(paper)}
            {paper.readingStatus && <span className="badge badge-status"> {READING_STATUS_LABELS[paper.readingStatus]}</span>}
            {paper.withdrawn && <span className="badge badge-withdrawn">withdrawn</span>}
            {paper.incomplete && <span className="badge">incomplete</span>}
            {paper.tags.map((t) => (
              <span key={t} className="tag">
                {t}
              </span>
            ))}
          </span>
        )}
      </button>
    </li>
  );
});
