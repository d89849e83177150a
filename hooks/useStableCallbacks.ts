import { useLayoutEffect, useRef, useState } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any callback shape
type Callbacks = Record<string, (...args: any[]) => unknown>;

/**
 * The same functions on every render, each calling the newest of `callbacks`: handed to
 * memoised rows, they let a render that changes nothing a row shows (a keystroke before its
 * results are in) skip every row.
 */
export function useStableCallbacks<T extends Callbacks>(callbacks: T): T {
  const latest = useRef(callbacks);
  useLayoutEffect(() => {
    latest.current = callbacks;
  });
  // The ref is read when a stable function is called (an event handler), never during a render.
  // eslint-disable-next-line react-hooks/refs
  const [stable] = useState(() => Object.fromEntries(Object.keys(callbacks).map((name) => [name, (...args: unknown[]) => latest.current[name]!(...args)])) as T);
  return stable;
}
