/**
 * The Save button that content scripts put beside a paper. Plain DOM in an open shadow root: no
 * framework, so the content script stays small and cheap on pages with hundreds of papers, and
 * neither the page's CSS nor ours leaks across. Every string goes in as text, never as HTML.
 */

export type ButtonState =
  | { kind: 'unsaved' }
  /** `fetching`: the page lacks details the background is fetching from arXiv. */
  | { kind: 'saving'; fetching: boolean }
  /** `refreshed`: clicked again, the record was just updated from this page (shown for a moment). */
  | { kind: 'saved'; version: number; refreshed?: true }
  /** Saved without its abstract, authors or exact date; `note` says why, when a save just told. */
  | { kind: 'incomplete'; version: number; note?: string }
  /** Saved, but the page shows a newer version than the library has. */
  | { kind: 'outdated'; version: number; available: number }
  | { kind: 'failed'; message: string }
  | { kind: 'unreadable'; reason: string };

export const HOST_TAG = 'paperdex-save';

export const LABELS = {
  save: 'Save to Paperdex',
  saved: 'Saved in Paperdex',
  outdated: (version: number) => `Saved · v${version} available`,
  incomplete: 'Saved · incomplete',
  retry: 'Retry',
  unreadable: "Couldn't read this page",
} as const;

/** Shown for a moment when a saved paper is clicked again. */
export const REFRESHED = 'Updated from this page.';

/**
 * A compact pill that sits inline at the end of the title (or in a card's row) without moving
 * the page: its negative block margins keep it from growing the line it joins, and messages
 * float below it instead of pushing content down. It takes the page's font family; its colours
 * follow the page's own light or dark background (`data-tone`), not the system setting.
 */
const STYLE = `
:host { all: initial; display: inline-block; position: relative; vertical-align: middle; margin: -6px 0 -6px 0.5em;
  font-family: inherit; font-size: 12px; font-weight: 500; line-height: 1; white-space: nowrap; text-align: left;
  --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --bg: #fff; --brand: #b31b1b; --brand-bg: #b31b1b; --brand-fg: #fff;
  --ok: #1a7f37; --warn: #8a5a00; --bubble: #fff; --ring: #0969da; }
:host([data-tone="dark"]) { --fg: #e6edf3; --muted: #9da7b3; --line: #3d444d; --bg: #161b22; --brand: #ff7b72;
  --brand-bg: #c93c37; --brand-fg: #fff; --ok: #3fb950; --warn: #d29922; --bubble: #1c2128; --ring: #58a6ff; }
button { font: inherit; cursor: pointer; box-sizing: border-box; height: 22px; display: inline-flex; align-items: center;
  gap: 5px; padding: 0 9px 0 7px; border-radius: 11px; border: 1px solid var(--brand-bg); background: var(--brand-bg);
  color: var(--brand-fg); margin: 0; }
button:hover { filter: brightness(0.92); }
button:focus-visible { outline: 2px solid var(--ring); outline-offset: 2px; }
/* The Paperdex mark, a bookmark, drawn by CSS: an SVG in each of a listing's buttons costs more. */
.pill::before { content: ''; flex: none; width: 8px; height: 11.5px; margin: 0 2px; background: currentColor;
  border-radius: 1.5px 1.5px 0 0; clip-path: polygon(0 0, 100% 0, 100% 100%, 50% 82%, 0 100%); forced-color-adjust: none; }
:host([data-compact]) button { padding: 0 5px; }
:host([data-compact]) .label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
button[data-state="saved"] { background: var(--bg); color: var(--ok); border-color: currentColor; }
button[data-state="saved"][data-refreshed] { background: var(--ok); color: var(--bg); border-color: var(--ok); }
button[data-state="saving"] { opacity: 0.75; cursor: progress; }
button[data-state="outdated"], button[data-state="incomplete"] { background: var(--bg); color: var(--warn); border-color: currentColor; }
button[data-state="unreadable"] { background: var(--bg); color: var(--muted); border-color: var(--line); cursor: not-allowed; filter: none; }
.bubble { position: absolute; z-index: 2147483646; top: calc(100% + 6px); left: 0; display: flex; align-items: center; gap: 8px;
  width: max-content; max-width: min(340px, 80vw); white-space: normal; padding: 6px 8px; border-radius: 6px;
  border: 1px solid var(--line); background: var(--bubble); color: var(--fg); font-weight: 400; line-height: 1.35;
  box-shadow: 0 4px 14px rgb(0 0 0 / 0.18); }
[hidden] { display: none !important; }
.detail[data-tone="error"] { color: var(--brand); }
.bubble button { height: 20px; padding: 0 8px; background: var(--bg); color: var(--brand); border-color: currentColor; flex: none; }
@media (prefers-reduced-motion: no-preference) { button { transition: background-color 0.2s, color 0.2s; } }
`;

/**
 * Whether the page around an element is dark: the first opaque background up its ancestors
 * (Hugging Face's dark theme sets it on <html>). Read once per batch of buttons.
 */
export function pageTone(from: Element): 'light' | 'dark' {
  for (let el: Element | null = from; el; el = el.parentElement) {
    const rgb = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(getComputedStyle(el).backgroundColor);
    if (!rgb || (rgb[4] !== undefined && Number(rgb[4]) < 0.5)) continue;
    const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
  }
  return 'light';
}

export interface SaveButton {
  readonly host: HTMLElement;
  set(state: ButtonState): void;
  readonly state: ButtonState;
}

let sharedSheet: CSSStyleSheet | null | undefined;

/** One stylesheet object shared by every button's shadow root: cheap on pages with hundreds. */
function styleSheet(): CSSStyleSheet | null {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(STYLE);
    } catch {
      sharedSheet = null; // no constructable stylesheets: each root gets a <style>
    }
  }
  return sharedSheet;
}

function adopt(root: ShadowRoot, sheet: CSSStyleSheet): boolean {
  try {
    root.adoptedStyleSheets = [sheet];
    return true;
  } catch {
    return false;
  }
}

/**
 * A button's host with its shadow tree, built once per page in the unsaved state and cloned for
 * every button: one native clone instead of a dozen element and attribute calls per paper on a
 * long listing. The shadow root holds the screen-reader subject, then the button (mark and
 * label); the message bubble is made when a button first has something to say.
 */
let shape: HTMLElement | undefined;

function cloneHost(): { host: HTMLElement; root: ShadowRoot } {
  if (!shape) {
    shape = document.createElement(HOST_TAG);
    const about = document.createElement('span');
    about.id = SUBJECT;
    about.hidden = true;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pill';
    button.setAttribute('aria-describedby', SUBJECT);
    const label = document.createElement('span');
    label.className = 'label';
    button.append(label);
    render({ button, label }, UNSAVED, null);
    shape.attachShadow({ mode: 'open', clonable: true }).append(about, button);
  }
  const host = shape.cloneNode(true) as HTMLElement;
  // A browser without clonable shadow roots clones the host alone.
  let root = host.shadowRoot;
  if (!root) {
    root = host.attachShadow({ mode: 'open' });
    for (const child of shape.shadowRoot!.childNodes) root.append(child.cloneNode(true));
  }
  return { host, root };
}

const SUBJECT = 'subject';
const UNSAVED: ButtonState = { kind: 'unsaved' };

/** Messages float below the pill, so that they never push the page's content down. */
function createBubble(root: ShadowRoot): Bubble {
  const bubble = document.createElement('span');
  bubble.className = 'bubble';
  const detail = document.createElement('span');
  detail.className = 'detail';
  detail.setAttribute('role', 'status');
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = LABELS.retry;
  if (root.getElementById(SUBJECT)) retry.setAttribute('aria-describedby', SUBJECT);
  bubble.append(detail, retry);
  root.append(bubble);
  return { bubble, detail, retry };
}

/** Whether two states show the same: every field equal. */
function sameState(a: ButtonState, b: ButtonState): boolean {
  const keys = Object.keys(a) as (keyof ButtonState)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Creates the button's host element; the caller places it in the page. `subject` ("arXiv
 * 2401.12345") describes both buttons to screen readers, so that a listing's hundreds of
 * "Save to Paperdex" buttons can be told apart; their names stay as they are.
 */
export function createSaveButton(onActivate: (button: SaveButton) => void, subject = ''): SaveButton {
  const { host, root } = cloneHost();
  const sheet = styleSheet();
  if (!sheet || !adopt(root, sheet)) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.append(style);
  }
  const about = root.getElementById(SUBJECT)!;
  const button = about.nextElementSibling as HTMLButtonElement;
  const parts: Parts = { button, label: button.lastElementChild as HTMLElement };
  if (subject) about.textContent = subject;
  else {
    about.remove();
    button.removeAttribute('aria-describedby');
  }

  let current = UNSAVED;
  const api: SaveButton = {
    host,
    get state() {
      return current;
    },
    set(state) {
      // A listing's library answer repeats most buttons' state: leave their nodes alone.
      if (sameState(state, current)) return;
      current = state;
      const says = bubbleFor(state);
      if (says && !parts.bubble) Object.assign(parts, createBubble(root));
      render(parts, state, says);
    },
  };
  // One listener for the button and the bubble's Retry: both save.
  root.addEventListener('click', (event) => {
    if (!(event.target as Element).closest('button')) return;
    event.preventDefault();
    event.stopPropagation();
    // Every state but these saves: a saved paper is refreshed from this page (and the page's
    // site joins its sources), keeping the user's tags and notes.
    if (current.kind !== 'saving' && current.kind !== 'unreadable') onActivate(api);
  });
  return api;
}

interface Bubble {
  bubble: HTMLElement;
  detail: HTMLElement;
  retry: HTMLButtonElement;
}

interface Parts extends Partial<Bubble> {
  button: HTMLButtonElement;
  label: HTMLElement;
}

/** What a state says below the button, and whether it offers Retry. */
interface Saying {
  message: string;
  error: boolean;
  retry: boolean;
}

/** What a state says below the button; null when it says nothing. */
function bubbleFor(state: ButtonState): Saying | null {
  const retry = state.kind === 'failed' || state.kind === 'incomplete';
  switch (state.kind) {
    case 'saving':
      return { message: state.fetching ? 'Fetching the details from arXiv…' : 'Saving…', error: false, retry };
    // Only a save that just ran says why; a page opened later shows the mark and its tooltip.
    case 'incomplete':
      return state.note ? { message: `${state.note} Retry to complete it.`, error: false, retry } : null;
    case 'saved':
      return state.refreshed ? { message: REFRESHED, error: false, retry } : null;
    case 'failed':
      return { message: `Couldn't save: ${state.message}`, error: true, retry };
    case 'unreadable':
      return { message: `Paperdex: ${state.reason}.`, error: true, retry };
    default:
      return null;
  }
}

/** Shows a state; `says` is `bubbleFor(state)`, worked out once by the caller. */
function render({ button, label, bubble, detail, retry }: Parts, state: ButtonState, says: Saying | null): void {
  button.dataset.state = state.kind;
  // While saving the button stays focusable (aria-disabled, not disabled) so keyboard focus
  // is not thrown back to the page; clicks are ignored by the state check above.
  button.disabled = state.kind === 'unreadable';
  if (state.kind === 'saving') button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
  button.toggleAttribute('data-refreshed', state.kind === 'saved' && !!state.refreshed);
  button.removeAttribute('title');
  switch (state.kind) {
    case 'unsaved':
      label.textContent = LABELS.save;
      button.title = 'Save this paper and its abstract to your Paperdex library';
      break;
    case 'saving':
    case 'failed':
      label.textContent = LABELS.save;
      break;
    case 'incomplete':
      label.textContent = LABELS.incomplete;
      button.title = 'Saved without some details (abstract, authors or date). Click to fetch them again.';
      break;
    case 'saved':
      label.textContent = LABELS.saved;
      button.title = `In your library (v${state.version}). Click to refresh it from this page; tags and notes stay.`;
      break;
    case 'outdated':
      label.textContent = LABELS.outdated(state.available);
      button.title = `Your library has v${state.version}. Click to update it to v${state.available}; your tags and notes stay.`;
      break;
    case 'unreadable':
      label.textContent = LABELS.unreadable;
      button.title = state.reason;
      break;
  }
  if (!bubble || !detail || !retry) return;
  detail.textContent = says?.message ?? '';
  if (says?.error) detail.dataset.tone = 'error';
  else delete detail.dataset.tone;
  bubble.hidden = !says;
  retry.hidden = !says?.retry;
}
