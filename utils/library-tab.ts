import { browser } from 'wxt/browser';

/**
 * Brings the library page to the front: the tab already showing it, or a new one. Found with
 * runtime.getContexts (the extension's own pages, no "tabs" permission needed); a browser
 * without it gets a new tab.
 */
export async function openLibraryTab(): Promise<void> {
  const url = browser.runtime.getURL('/library.html');
  const contexts = await browser.runtime.getContexts?.({ contextTypes: ['TAB'] as never[] }).catch(() => []);
  const open = contexts?.find((c) => typeof c.tabId === 'number' && c.tabId >= 0 && (c.documentUrl ?? '').startsWith(url));
  if (open) {
    await browser.tabs.update(open.tabId, { active: true });
    if (typeof open.windowId === 'number' && open.windowId >= 0) await browser.windows.update(open.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}
