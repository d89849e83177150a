/**
 * The Save button that content scripts put beside a paper. Plain DOM in an open shadow root: no
 * framework, so the content script stays small and cheap on pages with hundreds of papers, and
 * neither the page's CSS nor ours leaks across. Every string goes in as text, never as HTML.
 */

export type ButtonState =
  | { kind: 'unsaved' }
  /** `fetching`: the page lacks details the background is fetching from arXiv. */
  | { kind: 'saving'; fetching: boolean }
  | { kind: 'saved'; version: number }
  /** Saved without its abstract, authors or exact date; `note` says why, when known. */
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

const STYLE = `
:host { all: initial; display: block; margin: 0.4em 0 0.6em; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
.row { display: inline-flex; align-items: center; gap: 0.6em; flex-wrap: wrap; }
button { font: inherit; cursor: pointer; border-radius: 999px; padding: 0.25em 0.9em; border: 1px solid #b31b1b; background: #b31b1b; color: #fff; }
button:hover { background: #8f1414; }
button:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 2px; }
button[data-state="saved"] { background: #fff; color: #1f7a3a; border-color: #1f7a3a; }
button[data-state="saving"] { opacity: 0.7; cursor: progress; }
button[data-state="outdated"], button[data-state="incomplete"] { background: #fff; color: #8a5a00; border-color: #8a5a00; }
button.retry { background: #fff; color: #b31b1b; padding: 0.1em 0.7em; }
button.retry:hover { background: #fbeaea; }
button.retry[hidden] { display: none; }
.progress { color: #555; }
button[data-state="unreadable"] { background: #f6f6f6; color: #555; border-color: #999; cursor: not-allowed; }
.detail { color: #8f1414; }
.detail:empty { display: none; }
`;

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
 * Creates the button's host element; the caller places it in the page. `subject` ("arXiv
 * 2401.12345") describes both buttons to screen readers, so that a listing's hundreds of
 * "Save to Paperdex" buttons can be told apart; their names stay as they are.
 */
export function createSaveButton(onActivate: (button: SaveButton) => void, subject = ''): SaveButton {
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = styleSheet();
  if (!sheet || !adopt(root, sheet)) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.append(style);
  }
  const row = document.createElement('span');
  row.className = 'row';
  const button = document.createElement('button');
  button.type = 'button';
  const detail = document.createElement('span');
  detail.className = 'detail';
  detail.setAttribute('role', 'status');
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'retry';
  retry.textContent = LABELS.retry;
  retry.hidden = true;
  if (subject) {
    const about = document.createElement('span');
    about.id = 'subject';
    about.hidden = true;
    about.textContent = subject;
    button.setAttribute('aria-describedby', 'subject');
    retry.setAttribute('aria-describedby', 'subject');
    row.append(about);
  }
  row.append(button, detail, retry);
  root.append(row);

  let current: ButtonState = { kind: 'unsaved' };
  const api: SaveButton = {
    host,
    get state() {
      return current;
    },
    set(state) {
      current = state;
      render(button, detail, state);
      retry.hidden = state.kind !== 'failed' && state.kind !== 'incomplete';
    },
  };
  const activate = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    // Every state but these saves: a saved paper is refreshed from this page (and the page's
    // site joins its sources), keeping the user's tags and notes.
    if (current.kind !== 'saving' && current.kind !== 'unreadable') onActivate(api);
  };
  button.addEventListener('click', activate);
  retry.addEventListener('click', activate);
  api.set(current);
  return api;
}

function render(button: HTMLButtonElement, detail: HTMLElement, state: ButtonState): void {
  button.dataset.state = state.kind;
  // While saving the button stays focusable (aria-disabled, not disabled) so keyboard focus
  // is not thrown back to the page; clicks are ignored by the state check above.
  button.disabled = state.kind === 'unreadable';
  if (state.kind === 'saving') button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
  button.removeAttribute('title');
  detail.textContent = '';
  detail.className = 'detail';
  switch (state.kind) {
    case 'unsaved':
      button.textContent = LABELS.save;
      button.title = 'Save this paper and its abstract to your Paperdex library';
      break;
    case 'saving':
      button.textContent = LABELS.save;
      detail.className = 'detail progress';
      detail.textContent = state.fetching ? 'Fetching the details from arXiv…' : 'Saving…';
      break;
    case 'incomplete':
      button.textContent = LABELS.incomplete;
      button.title = 'Saved without some details (abstract, authors or date). Click to fetch them again.';
      detail.textContent = `${state.note ?? 'Some details could not be fetched.'} Retry to complete it.`;
      break;
    case 'saved':
      button.textContent = LABELS.saved;
      button.title = `In your library (v${state.version}). Click to refresh it from this page; tags and notes stay.`;
      break;
    case 'outdated':
      button.textContent = LABELS.outdated(state.available);
      button.title = `Your library has v${state.version}. Click to update it to v${state.available}; your tags and notes stay.`;
      break;
    case 'failed':
      button.textContent = LABELS.save;
      detail.textContent = `Couldn't save: ${state.message}`;
      break;
    case 'unreadable':
      button.textContent = LABELS.unreadable;
      button.title = state.reason;
      detail.textContent = `Paperdex: ${state.reason}.`;
      break;
  }
}
