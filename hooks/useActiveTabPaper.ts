import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { paperIdFor, type PaperInput } from '@/utils/paper';
import { onMessage, sendMessage, type PaperStatus } from '@/utils/messaging';
import { paperRefFromUrl } from '@/utils/sites/paper-ref';

export type ActiveTabState =
  | { kind: 'none' }
  | { kind: 'ready'; ref: PaperInput; status: PaperStatus | null }
  | { kind: 'saving'; ref: PaperInput }
  | { kind: 'saved'; ref: PaperInput; incomplete: boolean; note?: string }
  | { kind: 'failed'; ref: PaperInput; message: string };

/**
 * The paper the tab behind the popup shows (abstract page, PDF, HTML view, Hugging Face paper
 * page), with its library state and a save action. `?tab=<id>` names the tab when the popup
 * is opened as a page (the library page, tests); otherwise it is the active tab.
 */
export function useActiveTabPaper(): { state: ActiveTabState; save(): void } {
  const [state, setState] = useState<ActiveTabState>({ kind: 'none' });

  useEffect(() => {
    let live = true;
    void (async () => {
      const named = Number(new URLSearchParams(location.search).get('tab'));
      const tab = Number.isInteger(named) && named > 0
        ? await browser.tabs.get(named)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      const ref = paperRefFromUrl(tab?.url);
      if (!ref || !live) return;
      setState({ kind: 'ready', ref, status: null });
      const id = paperIdFor(ref.arxivId);
      const answer = await sendMessage('getPaperStatus', [id]);
      if (live && answer.ok) setState((s) => (s.kind === 'ready' ? { ...s, status: answer.value[id] ?? null } : s));
    })().catch((error: unknown) => console.warn('[paperdex:popup] no active tab paper', error));
    return () => {
      live = false;
    };
  }, []);

  // Removing the paper in this popup (or anywhere) brings the Save action back.
  useEffect(() => {
    if (state.kind === 'none') return;
    const id = paperIdFor(state.ref.arxivId);
    return onMessage('libraryChanged', ({ data }) => {
      const status = data[id];
      if (status && !status.saved) setState({ kind: 'ready', ref: state.ref, status });
    });
  }, [state]);

  const save = useCallback(() => {
    if (state.kind === 'none' || state.kind === 'saving') return;
    const { ref } = state;
    setState({ kind: 'saving', ref });
    sendMessage('savePaper', ref)
      .then((result) => {
        if (!result.ok) setState({ kind: 'failed', ref, message: result.message });
        else if (result.value.saved) {
          setState({ kind: 'saved', ref, incomplete: result.value.incomplete === true, note: result.value.note });
        }
      })
      .catch(() => setState({ kind: 'failed', ref, message: "Paperdex isn't responding. Close the popup and try again." }));
  }, [state]);

  return { state, save };
}
