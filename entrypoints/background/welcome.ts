import { browser } from 'wxt/browser';

/** The first-run page: where the buttons appear, the two shortcuts, a page to try it on. */
export const WELCOME_PATH = '/welcome.html';

/** Opens the welcome page when Paperdex is installed (not on updates or browser starts). */
export function registerWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) }).catch((e: unknown) => console.warn('[paperdex:welcome]', e));
  });
}
