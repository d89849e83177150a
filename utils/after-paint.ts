/**
 * Runs `run` once the frame now being prepared is out (the next animation frame, then a task),
 * so that loading more code never delays what is about to paint. A page that gets no frames (a
 * tab opened in the background) runs it after 100 ms anyway. Returns a cancel function.
 */
export function afterPaint(run: () => void): () => void {
  let done = false;
  let timer = 0;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  const frame = requestAnimationFrame(() => (timer = window.setTimeout(once)));
  const fallback = window.setTimeout(once, 100);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}

/** How long the user must have left the page alone before background reading goes on. */
const QUIET_MS = 1000;
/** When the user last pointed, wheeled or scrolled on this page (0: not yet). */
let lastInput = 0;
let watching = false;

/** Starts noting the user's scrolling and pointing (once per page); `quietMoment` does too. */
export function watchInput(): void {
  if (watching) return;
  watching = true;
  const note = () => (lastInput = performance.now());
  // Capturing: a list's own scroll events do not bubble up to the window.
  for (const type of ['pointerdown', 'wheel', 'scroll'] as const) addEventListener(type, note, { capture: true, passive: true });
}

/**
 * The page's next idle moment at least a second after the user last scrolled or pointed on it
 * (or, if it never idles, a second from then): work that only prepares for later or checks in
 * the background (reading records ahead, the search's staleness check, the library's health
 * check) never competes with a fling, whose frames it would delay with its reads, its workers
 * and the garbage collections they bring. Typing does not stop it: the records it reads are the
 * ones the next keystrokes show (see `SearchEngine.warm`). In a hidden tab idle moments come
 * only as the browser's timers allow (once a minute after a while).
 */
export async function quietMoment(): Promise<void> {
  watchInput();
  for (;;) {
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));
    const quietFor = performance.now() - lastInput;
    if (!lastInput || quietFor >= QUIET_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, QUIET_MS - quietFor));
  }
}
