import { loadRuntime } from '@/utils/load-runtime';
import { cannotStart } from './first-paint';
import './style.css';

/**
 * The popup's module entry: React (mount.tsx) and, beside it, the runtime, which App would ask
 * for a moment later. In a build, `/popup-first-paint.js` adds this module once it has painted
 * the newest saves (scripts/build/popup-html.ts); under `wxt dev` the page loads it beside that
 * script, and the first screen's read is taken over all the same (utils/db/first-screen.ts).
 * React then replaces the static popup.
 */
import('./mount').catch((e: unknown) => cannotStart(String(e)));
loadRuntime().catch(() => undefined);
