import { afterPaint } from '@/utils/after-paint';
import { firstScreen } from '@/utils/db/first-screen';
import { loadRuntime } from '@/utils/load-runtime';
import './style.css';

/**
 * The popup's module entry. `/popup-first-paint.js` has painted (or is painting) the newest
 * saves into index.html's static popup; React (mount.tsx) and the runtime load once those rows
 * are out, so that neither's parsing delays them. React then replaces the static popup.
 */
let started = false;
function start() {
  if (started) return;
  started = true;
  import('./mount').catch((e: unknown) => {
    const status = document.querySelector('#first-paint .status');
    if (status) status.textContent = `Paperdex could not start: ${String(e)}. Your saved papers are untouched; close and reopen the popup.`;
  });
  // The search engine's code loads beside React's (App would ask for it a moment later).
  loadRuntime().catch(() => undefined);
}

if (document.querySelector<HTMLElement>('#first-paint')?.dataset.painted) {
  // A build: the first-paint script added this module once its rows were out.
  start();
} else {
  // `wxt dev`, where the page loads this module beside the first-paint script: the first
  // paint's read is taken over (not repeated), and React starts once the frame showing its rows
  // is out.
  void firstScreen()
    .catch(() => undefined)
    .then(() => afterPaint(start));
  // However long IndexedDB takes, React is not held back for it.
  setTimeout(start, 500);
}
