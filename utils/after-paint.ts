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
