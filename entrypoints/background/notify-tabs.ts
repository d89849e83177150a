import { browser } from 'wxt/browser';
import { sendMessage, type PaperStatus } from '@/utils/messaging';
import { CONTENT_PAGES } from '@/utils/hosts';

/**
 * Tells every open tab of a supported site that papers changed, so each Save button shows the
 * library as it is now without a reload. Tabs without our content script just do not answer.
 */
export function notifyTabs(changes: Record<string, PaperStatus>): void {
  void browser.tabs
    .query({ url: CONTENT_PAGES })
    .then((tabs) =>
      Promise.all(
        tabs.map((tab) =>
          tab.id === undefined ? undefined : sendMessage('libraryChanged', changes, tab.id).catch(() => undefined),
        ),
      ),
    )
    .catch((error: unknown) => console.error('[paperdex:background] could not notify tabs', error));
}
