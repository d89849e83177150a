import { useCallback, useState } from 'react';
import { paperCount } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import type { LibraryWrites } from '@/utils/library-writes';
import type { Notices } from './useNotice';

export interface Undo {
  /** What the last delete took away, and how to say it; null when there is nothing to undo. */
  offer: { papers: Paper[]; text: string } | null;
  /** Offers to bring these papers back. */
  remember(papers: Paper[], text: string): void;
  /** Puts them back, merged with anything saved since; Undo stays offered if it fails. */
  restore(): Promise<void>;
}

export function useUndo(writes: LibraryWrites, notices: Notices): Undo {
  const [offer, setOffer] = useState<Undo['offer']>(null);
  const remember = useCallback((papers: Paper[], text: string) => setOffer({ papers, text }), []);
  const restore = useCallback(async () => {
    if (!offer) return;
    const result = await writes.bringIn(offer.papers, 'nothing was restored; Undo is still available');
    if (notices.report(result, () => `Restored ${paperCount(offer.papers.length)}.`)) setOffer(null);
  }, [offer, writes, notices]);
  return { offer, remember, restore };
}
