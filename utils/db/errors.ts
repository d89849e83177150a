import type { Failure } from '../result';

/**
 * An IndexedDB failure in words a user can act on. A failed transaction wrote nothing, and
 * `outcome` says what that means here ("nothing was deleted").
 */
export function storageFailure(error: unknown, outcome = 'nothing saved was lost'): Failure {
  const name = error instanceof Error ? error.name : ((error as { name?: string } | null)?.name ?? '');
  // Dexie wraps the browser's error; the cause is inside.
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return { ok: false, code: 'quota', message: `Your browser's storage for Paperdex is full: ${outcome}. Free some disk space and try again.` };
  }
  return { ok: false, code: 'storage', message: `The library could not be written (${inner || name || 'unknown error'}): ${outcome}.` };
}

/** Runs a write and turns a storage failure into a value (and the log line a bug report needs). */
export async function guardWrite<T>(write: () => Promise<T>, outcome?: string): Promise<{ ok: true; value: T } | Failure> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    console.error('[paperdex:library]', error);
    return storageFailure(error, outcome);
  }
}
