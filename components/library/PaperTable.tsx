import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { paperYear, shortAuthors } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import { READING_STATUS_LABELS } from '@/utils/paper/vocabulary';
import type { SearchEngine } from '@/utils/search/engine';
import type { PaperSummary } from '@/utils/search/word-index';
import { PublicationBadges } from '../PublicationBadges';

interface Props {
  engine: SearchEngine | null;
  /** Papers already in hand (the first screen, before the engine is open). */
  preloaded?: readonly Paper[];
  ids: readonly string[];
  selected: ReadonlySet<string>;
  focused: string | null;
  /** Ticks or unticks a row (Shift: the range from the last one ticked). */
  onToggle(index: number, event: { shiftKey: boolean }): void;
  onFocus(id: string): void;
}

const ROW_HEIGHT = 62;
const rowHeight = () => ROW_HEIGHT;
const PAGE = 10;

/**
 * Every paper of the current view, virtualised so that 50,000 scroll smoothly; fixed-height
 * rows, each rendered from what the search index holds of its paper (`SearchEngine.summary`):
 * a fling reads no record. One Tab stop for the whole list: arrows move between rows, Space
 * ticks one (Shift+Space a range), Enter opens its details.
 */
export function PaperTable({ engine, ids, preloaded, selected, focused, onToggle, onFocus }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, ids.length - 1));
  /** Set when the keyboard moved: the active row takes the focus once it is rendered. */
  const moved = useRef(false);
  // The virtualiser measures every row again (50,000 at a time) whenever its key function
  // changes: it changes only with the list, not at each scroll step.
  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are used in render only
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: rowHeight,
    overscan: 8,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    if (!moved.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (row) {
      moved.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if ((event.target as HTMLElement).tagName !== 'LI') return;
    const last = ids.length - 1;
    const to = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: last, PageDown: current + PAGE, PageUp: current - PAGE }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      const next = Math.max(0, Math.min(last, to));
      setActive(next);
      moved.current = true;
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else if (event.key === ' ') {
      event.preventDefault();
      onToggle(current, { shiftKey: event.shiftKey });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const id = ids[current];
      if (id) onFocus(id);
    }
  };

  return (
    <div ref={scroller} className="table-scroller">
      <ul className="papers" aria-label="Papers" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {items.map((item) => {
          const id = ids[item.index]!;
          return (
            <Row
              key={item.key}
              id={id}
              index={item.index}
              total={ids.length}
              paper={engine?.summary(id) ?? preloaded?.find((p) => p.id === id)}
              checked={selected.has(id)}
              focused={focused === id}
              tabbable={item.index === current}
              top={item.start}
              onToggle={onToggle}
              onFocus={onFocus}
              onActive={setActive}
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
  tabbable,
  top,
  onToggle,
  onFocus,
  onActive,
}: {
  id: string;
  index: number;
  total: number;
  paper: Paper | PaperSummary | undefined;
  checked: boolean;
  focused: boolean;
  tabbable: boolean;
  top: number;
  onToggle(index: number, event: { shiftKey: boolean }): void;
  onFocus(id: string): void;
  onActive(index: number): void;
}) {
  const title = paper?.title ?? 'Loading…';
  return (
    <li
      className={`paper-row${focused ? ' focused' : ''}${checked ? ' checked' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      aria-setsize={total}
      aria-posinset={index + 1}
      aria-label={paper ? `${title}${checked ? ', selected' : ''}` : undefined}
      data-paper-id={id}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      onFocus={() => onActive(index)}
    >
      <input type="checkbox" tabIndex={-1} aria-label={`Select ${paper ? title : id}`} checked={checked} onChange={() => undefined} onClick={(e) => onToggle(index, e)} />
      <button type="button" tabIndex={-1} className="row-main" onClick={() => onFocus(id)} aria-current={focused ? 'true' : undefined}>
        <span className="row-title">{title}</span>
        {paper && (
          <span className="row-meta">
            <span className="row-byline">
              {shortAuthors(paper.authors)} · {paperYear(paper)}
            </span>
            {paper.readingStatus && <span className="badge badge-status">{READING_STATUS_LABELS[paper.readingStatus]}</span>}
            {paper.withdrawn && <span className="badge badge-withdrawn">withdrawn</span>}
            {paper.incomplete && <span className="badge">incomplete</span>}
            <PublicationBadges paper={paper} />
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
