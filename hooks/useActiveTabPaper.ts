import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import type { PaperInput } from '@/utils/paper/schema';
import type { PaperStatus } from '@/utils/paper/status';
import { paperIdFor } from '@/utils/paper/urls';
import { paperRefFromUrl } from '@/utils/sites/paper-ref';
import { useLive, type Runtime } from './useRuntime';

export type SaveAttempt =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; incomplete: boolean; note?: string }
  | { kind: 'failed'; message: string };

export interface ActiveTabPaper {
  /** The paper the tab shows, or null when its address names none. */
  paper: PaperInput | null;
  /** Its library state, live; undefined while loading. */
  status: PaperStatus | undefined;
  attempt: SaveAttempt;
  save(): void;
}

/**
 * The paper the tab behind the popup shows (abstract page, PDF, HTML view, Hugging Face paper
 * page), its live library state, and a save action. `?tab=<id>` names the tab when the popup
 * is opened as a page (tests, a pinned tab); otherwise it is the active tab.
 */
export function useActiveTabPaper(runtime: Runtime | null): ActiveTabPaper {
  const [ref, setRef] = useState<PaperInput | null>(null);
  const [attempt, setAttempt] = useState<SaveAttempt>({ kind: 'idle' });

  useEffect(() => {
    let live = true;
    void (async () => {
      const named = Number(new URLSearchParams(location.search).get('tab'));
      const tab =
        Number.isInteger(named) && named > 0
          ? await browser.tabs.get(named)
          : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (live) setRef(paperRefFromUrl(tab?.url));
    })().catch((error: unknown) => console.warn('[paperdex:popup] no tab to save from', error));
    return () => {
      live = false;
    };
  }, []);

  const id = ref ? paperIdFor(ref.arxivId) : null;
  const status = useLive(runtime, async (rt) => (id ? (await rt.repository.getStatuses([id]))[id] : undefined), [id]);

  const save = useCallback(() => {
    if (!ref || attempt.kind === 'saving') return;
    setAttempt({ kind: 'saving' });
    sendMessage('savePaper', ref)
      .then((result) => {
        if (!result.ok) setAttempt({ kind: 'failed', message: result.message });
        else if (result.value.saved) setAttempt({ kind: 'saved', incomplete: result.value.incomplete === true, note: result.value.note });
      })
      .catch(() => setAttempt({ kind: 'failed', message: "Paperdex isn't responding. Close the popup and try again." }));
  }, [ref, attempt.kind]);

  return { paper: ref, status, attempt, save };
}
