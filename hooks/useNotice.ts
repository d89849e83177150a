import { useCallback, useMemo, useState } from 'react';
import type { Result } from '@/utils/result';

export type Notice = { kind: 'error' | 'info'; text: string } | null;

export interface Notices {
  notice: Notice;
  show(kind: 'error' | 'info', text: string): void;
  clear(): void;
  /**
   * Shows a write's outcome: its failure as an error, or `done`'s text when it succeeded.
   * Resolves with the value, or undefined when it failed.
   */
  report<T>(result: Result<T>, done?: (value: T) => string | void): T | undefined;
}

/** The page's one message line: what just happened, or what went wrong. */
export function useNotice(): Notices {
  const [notice, setNotice] = useState<Notice>(null);
  const show = useCallback((kind: 'error' | 'info', text: string) => setNotice({ kind, text }), []);
  const clear = useCallback(() => setNotice(null), []);
  const report = useCallback(<T,>(result: Result<T>, done?: (value: T) => string | void): T | undefined => {
    if (!result.ok) {
      setNotice({ kind: 'error', text: result.message });
      return undefined;
    }
    const text = done?.(result.value);
    if (text) setNotice({ kind: 'info', text });
    return result.value;
  }, []);
  return useMemo(() => ({ notice, show, clear, report }), [notice, show, clear, report]);
}
