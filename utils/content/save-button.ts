/**
 * The Save button that content scripts put beside a paper. Plain DOM in an open shadow root: no
 * framework, so the content script stays small and cheap on pages with hundreds of papers, and
 * neither the page's CSS nor ours leaks across. Every string goes in as text, never as HTML.
 */

export type ButtonState =
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  /** Saved, but the page shows a newer version than the library has. */
  | { kind: 'outdated'; version: number; available: number }
  | { kind: 'failed'; message: string }
  | { kind: 'unreadable'; reason: string };

export const HOST_TAG = 'paperdex-save';

export const LABELS = {
  save: 'Save to Paperdex',
  saved: 'Saved in Paperdex',
  outdated: (version: number) => `Saved · v${version} available`,
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
button[data-state="outdated"] { background: #fff; color: #8a5a00; border-color: #8a5a00; }
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

/** Creates the button's host element; the caller places it in the page. */
export function createSaveButton(onActivate: (button: SaveButton) => void): SaveButton {
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const row = document.createElement('span');
  row.className = 'row';
  const button = document.createElement('button');
  button.type = 'button';
  const detail = document.createElement('span');
  detail.className = 'detail';
  detail.setAttribute('role', 'status');
  row.append(button, detail);
  root.append(style, row);

  let current: ButtonState = { kind: 'unsaved' };
  const api: SaveButton = {
    host,
    get state() {
      return current;
    },
    set(state) {
      current = state;
      render(button, detail, state);
    },
  };
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (current.kind === 'unsaved' || current.kind === 'failed' || current.kind === 'outdated') onActivate(api);
  });
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
      detail.textContent = 'Saving…';
      break;
    case 'saved':
      button.textContent = LABELS.saved;
      button.title = `In your library (v${state.version}). Search it from the Paperdex toolbar button.`;
      break;
    case 'outdated':
      button.textContent = LABELS.outdated(state.available);
      button.title = `Your library has v${state.version}. Click to update it to v${state.available}; your tags and notes stay.`;
      break;
    case 'failed':
      button.textContent = LABELS.save;
      detail.textContent = `Couldn't save: ${state.message} Click to try again.`;
      break;
    case 'unreadable':
      button.textContent = LABELS.unreadable;
      button.title = state.reason;
      detail.textContent = `Paperdex: ${state.reason}.`;
      break;
  }
}
