import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
  /** One action the message offers ("Undo"), until it goes. */
  action?: { label: string; run(): void };
}

export interface Toasts {
  toasts: Toast[];
  /** Shows a message for `ms` (longer when it offers an action); returns its id. */
  show(text: string, options?: { kind?: 'info' | 'error'; action?: Toast['action']; ms?: number }): number;
  dismiss(id: number): void;
}

/** Messages that come and go over the page without moving its layout. */
export function useToasts(): Toasts {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const next = useRef(1);

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const show = useCallback<Toasts['show']>(
    (text, { kind = 'info', action, ms } = {}) => {
      const id = next.current++;
      // At most three at a time: the oldest goes.
      setToasts((list) => [...list.slice(-2), { id, text, kind, action }]);
      timers.current.set(id, setTimeout(() => dismiss(id), ms ?? (action ? 8000 : kind === 'error' ? 10_000 : 4000)));
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => clearTimeout(t));
  }, []);

  return useMemo(() => ({ toasts, show, dismiss }), [toasts, show, dismiss]);
}
