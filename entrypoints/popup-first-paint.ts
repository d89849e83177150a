import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { afterPaint } from '@/utils/after-paint';
import { firstScreen } from '@/utils/db/first-screen';
import { readSnapshot, writeSnapshot } from '@/utils/db/first-screen-snapshot';
import type { FirstScreen } from '@/utils/db/first-screen';
import { askResident } from '@/utils/search/resident';
import { cannotStart, keepInteractions, paintAnswer, paintFirstScreen, withdrawAnswer } from './popup/first-paint';

/**
 * The popup's first paint, as a classic script of its own (`/popup-first-paint.js`, one file with
 * everything it needs): popup.html runs it as soon as its static markup is parsed (deferred from
 * the head; in Chromium the page paints nothing before it has run), and it writes
 * the newest saves into that markup, from the snapshot kept for this popup's address when there
 * is one (in the page's first frame), else straight from IndexedDB (then kept for the next
 * popup). In a build, popup.html has no module script (scripts/build/popup-html.ts): this
 * script loads the popup's modules (React, the runtime) once the frame with those rows is
 * out, so that nothing competes with it. `firstScreen()` in those modules takes over the same
 * screen (see utils/db/first-screen.ts). What is typed meanwhile is answered by the resident
 * search (utils/search/resident.ts) when it answers, and painted in place of the
 * newest saves.
 */
export default defineUnlistedScript(() => {
  performance.mark('paperdex:start');
  const shell = document.getElementById('first-paint');
  const entry = shell?.dataset.entry;
  if (shell) keepInteractions(shell);
  let screen: FirstScreen | null = null;
  const input = shell?.querySelector<HTMLInputElement>('input.search');
  // What is typed before React has loaded is answered by the resident search, and
  // React carries the answer on until its own engine answers.
  const ask = () => {
    if (!shell || !input) return;
    const text = input.value;
    if (!text.trim()) {
      window.paperdexResident = undefined;
      withdrawAnswer(shell, screen);
      return;
    }
    void askResident(text).then((answer) => {
      if (!answer || input.value !== text || !shell.isConnected) return;
      window.paperdexResident = answer;
      paintAnswer(shell, answer);
    });
  };
  input?.addEventListener('input', ask);
  // Typed before this script ran.
  if (input?.value) ask();
  let loading = false;
  const load = () => {
    if (loading || !entry) return;
    loading = true;
    const script = document.createElement('script');
    script.type = 'module';
    script.src = entry;
    script.onerror = () => cannotStart('its code did not load');
    document.body.append(script);
  };
  const snapshot = readSnapshot();
  if (snapshot) {
    window.paperdexFirstScreen = Promise.resolve(snapshot);
    performance.mark('paperdex:snapshot');
    performance.mark('paperdex:first-screen');
  }
  firstScreen()
    .then(
      (read) => {
        screen = read;
        if (shell) paintFirstScreen(shell, read);
        if (!snapshot) afterPaint(() => void writeSnapshot(read));
      },
      // App reads the library again and says what is wrong.
      (e: unknown) => console.warn('[paperdex:popup] no first screen', e),
    )
    .finally(() => afterPaint(load));
  // However long IndexedDB takes, React is not held back for it.
  setTimeout(load, 500);
});
