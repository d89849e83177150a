import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { LOOKUP_SETTINGS_KEY, type LookupSettings } from '@/utils/lookup-settings';
import { askBackground, sendMessage } from '@/utils/messaging';
import { LOOKUP_PERMISSIONS } from '@/utils/sites/hosts';
import type { Notices } from './useNotice';

export interface Lookups {
  /** null until the background answered. */
  settings: LookupSettings | null;
  /** The background did not answer. */
  unavailable: boolean;
  /** Turning on asks the browser for Semantic Scholar and DBLP first: call it in the user's click. */
  setEnabled(enabled: boolean): void;
  /** "Check now" for these papers. */
  checkNow(ids: string[]): void;
}

/**
 * "Find where papers were published and their code": its state, kept current (another tab
 * may change it), turning it on and off, and "Check now".
 */
export function useLookupSettings(notices: Notices): Lookups {
  const [settings, setSettings] = useState<LookupSettings | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const { show, report } = notices;

  useEffect(() => {
    const load = () =>
      void askBackground(() => sendMessage('getLookupSettings', undefined)).then((r) => {
        setUnavailable(!r.ok);
        if (r.ok) setSettings(r.value);
      });
    load();
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && LOOKUP_SETTINGS_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);

  const setEnabled = useCallback(
    (enabled: boolean) => {
      // The browser asks the user only from within their click: this request comes first.
      const granted = enabled ? browser.permissions.request({ origins: LOOKUP_PERMISSIONS }) : Promise.resolve(true);
      void granted
        .catch(() => false)
        .then(async (ok) => {
          if (!ok) {
            show('error', 'Paperdex was not allowed to reach Semantic Scholar and DBLP, so lookups stay off.');
            return;
          }
          const r = await askBackground(() => sendMessage('setLookupSettings', { enabled }));
          report(r, (next) => {
            setSettings(next);
            return next.enabled ? 'Looking up where your papers were published. This runs in the background and can take a while.' : 'Lookups are off. Nothing more is sent.';
          });
        });
    },
    [report, show],
  );

  const checkNow = useCallback(
    (ids: string[]) => {
      void askBackground(() => sendMessage('checkPublications', ids)).then((r) => report(r, () => 'Checking now. The paper updates when the services answer.'));
    },
    [report],
  );

  return { settings, unavailable, setEnabled, checkNow };
}
