import { useEffect, useState, type DependencyList } from 'react';
import { afterPaint } from '@/utils/after-paint';
import { loadRuntime, type Runtime } from '@/utils/load-runtime';

export type { Runtime };

/**
 * The library runtime once loaded (null until then), and what went wrong if it could not be.
 * It starts loading once `start` is true (after the first screen has painted, so that its
 * parsing does not delay that paint), once that frame is out.
 */
export function useRuntime(start: boolean): { runtime: Runtime | null; error: Error | null } {
  const [state, setState] = useState<{ runtime: Runtime | null; error: Error | null }>({ runtime: null, error: null });
  useEffect(() => {
    if (!start) return;
    let live = true;
    const cancel = afterPaint(() =>
      loadRuntime().then(
        (runtime) => live && setState({ runtime, error: null }),
        (e: unknown) => live && setState({ runtime: null, error: e instanceof Error ? e : new Error(String(e)) }),
      ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [start]);
  return state;
}

/**
 * `useLiveQuery` of dexie-react-hooks for a page that loads Dexie late: the query's answer,
 * kept current by Dexie's liveQuery once the runtime is there; undefined until then.
 */
export function useLive<T>(runtime: Runtime | null, query: (runtime: Runtime) => Promise<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!runtime) return;
    const subscription = runtime.liveQuery(() => query(runtime)).subscribe({
      next: setValue,
      error: (e: unknown) => console.error('[paperdex] a live query failed', e),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide
  }, [runtime, ...deps]);
  return value;
}
