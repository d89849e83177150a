import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { firstScreen } from '@/utils/db/first-screen';
import { paintFirstScreen } from './popup/first-paint';

/**
 * The popup's first paint, as a classic script of its own (`/popup-first-paint.js`, one file with
 * everything it needs): popup.html runs it as soon as its static markup is parsed, before the
 * module scripts have even loaded, so IndexedDB is already reading when they do. It writes the
 * newest saves into that markup; `firstScreen()` in the popup's modules takes over the same read
 * (see utils/db/first-screen.ts), and React (popup/main.ts) loads once the rows are painted.
 */
export default defineUnlistedScript(() => {
  performance.mark('paperdex:start');
  firstScreen().then(
    (screen) => {
      const shell = document.getElementById('first-paint');
      if (shell) paintFirstScreen(shell, screen);
    },
    // App reads the library again and says what is wrong.
    (e: unknown) => console.warn('[paperdex:popup] no first screen', e),
  );
});
