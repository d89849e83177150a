import { useCallback, useEffect, useRef, useState } from 'react';
import type { Toasts } from './useToasts';

export interface Undo {
  /** What the last undoable change did, while it can be undone. */
  last: string | null;
  /** Offers to undo a change: a toast with Undo, and Ctrl/⌘+Z until the next change. */
  offer(text: string, undo: () => Promise<boolean>): void;
  /** Undoes the last change; it stays offered when undoing fails. */
  undo(): Promise<void>;
}

/** Undo for the library page's deletes and bulk edits: the toast's button, or Ctrl/⌘+Z. */
export function useUndo(toasts: Toasts): Undo {
  const [last, setLast] = useState<{ text: string; undo: () => Promise<boolean>; toast: number } | null>(null);
  const current = useRef(last);
  useEffect(() => {
    current.current = last;
  });

  const undo = useCallback(async () => {
    const offered = current.current;
    if (!offered) return;
    toasts.dismiss(offered.toast);
    setLast(null);
    if (!(await offered.undo())) setLast(offered);
  }, [toasts]);

  const offer = useCallback(
    (text: string, run: () => Promise<boolean>) => {
      if (current.current) toasts.dismiss(current.current.toast);
      const toast = toasts.show(text, { action: { label: 'Undo', run: () => void undo() } });
      setLast({ text, undo: run, toast });
    },
    [toasts, undo],
  );

  // Ctrl/⌘+Z undoes the last change, except where text is being typed (the box's own undo).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input:not([type="checkbox"]):not([type="radio"]), textarea, [contenteditable="true"]')) return;
      if (!current.current) return;
      event.preventDefault();
      void undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  return { last: last?.text ?? null, offer, undo };
}
