import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import type { PaperStatus } from '@/utils/paper/status';

/**
 * Tells every open tab that papers changed, so each Save button shows the library as it is now
 * without a reload. Every tab, not only those matching the host permissions: www.arxiv.org pages
 * run the content script without one, and a URL filter would not see them. Tabs without our
 * content script just do not answer.
 */
export function notifyTabs(changes: Record<string, PaperStatus>): void {
  void browser.tabs
    .query({})
    .then((tabs) =>
      Promise.all(
        tabs.map((tab) =>
          tab.id === undefined ? undefined : sendMessage('libraryChanged', changes, tab.id).catch(() => undefined),
        ),
      ),
    )
    .catch((error: unknown) => console.error('[paperdex:background] could not notify tabs', error));
}
