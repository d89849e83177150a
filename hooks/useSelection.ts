import { useCallback, useMemo, useRef, useState } from 'react';

export interface Selection {
  /** Ticked papers, in view or not. */
  selected: ReadonlySet<string>;
  /** Ticked papers still in view, in view order: what bulk actions act on. */
  inView: readonly string[];
  allSelected: boolean;
  /** Ticks or unticks a row; Shift ticks the range from the row ticked last. */
  toggle(index: number, event: { shiftKey: boolean }): void;
  toggleAll(): void;
  clear(): void;
}

/** Which papers of the current view are ticked for bulk actions. */
export function useSelection(view: readonly string[]): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  /** The paper last ticked: a Shift-click selects the range from it, in the current order. */
  const anchor = useRef<string | null>(null);

  const toggle = useCallback(
    (index: number, event: { shiftKey: boolean }) => {
      const id = view[index];
      if (!id) return;
      // Read now: the updater runs later, after the anchor has moved to this row.
      const anchorIndex = event.shiftKey && anchor.current ? view.indexOf(anchor.current) : -1;
      setSelected((current) => {
        const next = new Set(current);
        const on = !current.has(id);
        const [from, to] = anchorIndex >= 0 ? [Math.min(anchorIndex, index), Math.max(anchorIndex, index)] : [index, index];
        for (const other of view.slice(from, to + 1)) {
          if (on) next.add(other);
          else next.delete(other);
        }
        return next;
      });
      anchor.current = id;
    },
    [view],
  );

  // Papers deleted elsewhere or filtered out are not acted on.
  const inView = useMemo(() => (selected.size ? view.filter((id) => selected.has(id)) : []), [view, selected]);
  const allSelected = view.length > 0 && inView.length === view.length;
  const toggleAll = useCallback(() => setSelected(allSelected ? new Set() : new Set(view)), [allSelected, view]);
  const clear = useCallback(() => setSelected(new Set()), []);
  return { selected, inView, allSelected, toggle, toggleAll, clear };
}
