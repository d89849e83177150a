/**
 * Loads the library runtime (`library-runtime.ts`: Dexie, the search engine, the writers) once per
 * page; a second call gets the same module. Free of React, so that a page's first paint can start
 * it without loading React first.
 */
export type Runtime = typeof import('./library-runtime');

let loading: Promise<Runtime> | null = null;

export function loadRuntime(): Promise<Runtime> {
  loading ??= import('./library-runtime')
    .then((runtime) => {
      performance.mark('paperdex:runtime');
      return runtime;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
