import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { retireSnapshots } from '@/utils/db/first-screen-snapshot';
import { registerMessageHandlers } from './messages';
import { ensureOffscreen, residentFrame } from './offscreen';
import { registerOmnibox } from './omnibox';
import { registerWelcome } from './welcome';

export default defineBackground({
  main() {
    registerMessageHandlers();
    registerOmnibox();
    registerWelcome();
    // The popup's address may be the manifest's again after a restart or an update, and a
    // snapshot kept for an address from before is not to be trusted (first-screen-snapshot.ts).
    browser.runtime.onStartup.addListener(() => retireSnapshots());
    browser.runtime.onInstalled.addListener(() => retireSnapshots());
    // Whatever woke the background: the resident search is there for the next popup.
    ensureOffscreen()
      .then((open) => open || residentFrame())
      .catch((e: unknown) => console.warn('[paperdex] could not open the offscreen document', e));
  },
});
