import { useCallback, useMemo, useState } from 'react';

/** Lets the browser paint (a progress bar) before a long step. */
const paint = () => new Promise((resolve) => setTimeout(resolve, 0));

export interface Progress {
  /** What is going on, while something takes longer than a frame; null otherwise. */
  label: string | null;
  /** Runs `work` with `label` shown (painted first), and clears it when done. */
  during<T>(label: string, work: (relabel: (next: string) => Promise<void>) => Promise<T>): Promise<T>;
}

/** One progress line for the page's long operations (reading, importing, exporting, backing up). */
export function useProgress(): Progress {
  const [label, setLabel] = useState<string | null>(null);
  const during = useCallback(async <T,>(first: string, work: (relabel: (next: string) => Promise<void>) => Promise<T>): Promise<T> => {
    const relabel = async (next: string) => {
      setLabel(next);
      await paint();
    };
    await relabel(first);
    try {
      return await work(relabel);
    } finally {
      setLabel(null);
    }
  }, []);
  return useMemo(() => ({ label, during }), [label, during]);
}
