import { useCallback, useMemo } from 'react';
import type { Result } from '@/utils/result';
import type { Toasts } from './useToasts';

export interface Notices {
  show(kind: 'error' | 'info', text: string): void;
  /** Takes away the messages on screen (a new attempt starts). */
  clear(): void;
  /**
   * Shows a write's outcome: its failure as an error, or `done`'s text when it succeeded.
   * Resolves with the value, or undefined when it failed.
   */
  report<T>(result: Result<T>, done?: (value: T) => string | void): T | undefined;
}

/** What just happened, or what went wrong: as toasts, over the page, never moving its layout. */
export function useNotice(toasts: Toasts): Notices {
  const { show: toast, dismiss, toasts: shown } = toasts;
  const show = useCallback((kind: 'error' | 'info', text: string) => void toast(text, { kind }), [toast]);
  const clear = useCallback(() => shown.forEach((t) => !t.action && dismiss(t.id)), [shown, dismiss]);
  const report = useCallback(
    <T,>(result: Result<T>, done?: (value: T) => string | void): T | undefined => {
      if (!result.ok) {
        toast(result.message, { kind: 'error' });
        return undefined;
      }
      const text = done?.(result.value);
      if (text) toast(text);
      return result.value;
    },
    [toast],
  );
  return useMemo(() => ({ show, clear, report }), [show, clear, report]);
}
