import { browser } from 'wxt/browser';

const OFFSCREEN_PATH = '/offscreen.html';

let opening: Promise<boolean> | null = null;

/**
 * Opens Chrome's offscreen document unless it is open (a browser has one per extension): it
 * holds the resident search and makes backup files (entrypoints/offscreen). The background
 * opens it whenever it starts (the browser starting, an install or update, any event that wakes
 * it), so it is there when a popup opens, and it stays open: Chrome closes an offscreen document
 * by itself only for audio. True when it is open; false where there is none (Firefox).
 */
export function ensureOffscreen(): Promise<boolean> {
  const offscreen = (browser as Partial<typeof browser>).offscreen;
  if (!offscreen) return Promise.resolve(false);
  opening ??= (async () => {
    if ((await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length) return true;
    await offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['BLOBS', 'WORKERS'],
      justification: 'Write library backup files, and run the worker that keeps the search index in memory so that the popup answers what is typed at once',
    });
    return true;
  })()
    .catch((error: unknown) => {
      // Opened meanwhile by another call (the answer to both is the same document).
      if (String(error).includes('single offscreen')) return true;
      throw error;
    })
    .finally(() => {
      opening = null;
    });
  return opening;
}

/**
 * Firefox has no offscreen documents, but its background is a page that stays open (MV2): the
 * same page runs in a frame of it, and so the resident search its worker holds
 * (utils/search/resident.ts) answers Firefox's popups too. A service worker has no document.
 */
export function residentFrame(): void {
  if (typeof document === 'undefined' || document.querySelector('iframe[data-paperdex-resident]')) return;
  const frame = document.createElement('iframe');
  frame.dataset.paperdexResident = '';
  frame.src = browser.runtime.getURL(OFFSCREEN_PATH);
  document.body.append(frame);
}
