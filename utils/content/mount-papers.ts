import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, sendMessage, type PaperStatus, type Result } from '../messaging';
import { paperIdFor, type PaperSource } from '../paper';
import type { FoundPaper, ParseResult } from '../sites/common';
import { createSaveButton, type SaveButton } from './save-button';

const NOT_RESPONDING = "Paperdex isn't responding. Reload this page and try again.";

interface Entry {
  button: SaveButton;
  found: FoundPaper;
}

/**
 * Puts a Save button beside every paper a parser found (and an unreadable-page state beside
 * every problem), keeps each button in step with the library, and removes them all when the
 * extension goes away. Never throws into the page.
 */
export function mountPaperButtons(
  ctx: ContentScriptContext,
  result: ParseResult,
  source: PaperSource,
  logPrefix: string,
): void {
  const byId = new Map<string, Entry[]>();
  /** Per paper, how many states have been applied: an answer older than the last is stale. */
  const generation = new Map<string, number>();
  const hosts: HTMLElement[] = [];

  for (const { anchor, reason } of result.problems) {
    console.error(logPrefix, `couldn't read this page: ${reason}`);
    const button = createSaveButton(() => undefined);
    button.set({ kind: 'unreadable', reason });
    place(anchor, button.host);
  }

  for (const found of result.papers) {
    const id = paperIdFor(found.paper.arxivId);
    const button = createSaveButton(() => void save(found, id));
    const list = byId.get(id) ?? [];
    list.push({ button, found });
    byId.set(id, list);
    place(found.anchor, button.host);
  }

  function place(anchor: Element, host: HTMLElement): void {
    anchor.after(host);
    hosts.push(host);
  }

  function bump(id: string): number {
    const next = (generation.get(id) ?? 0) + 1;
    generation.set(id, next);
    return next;
  }

  function show(id: string, status: PaperStatus): void {
    bump(id);
    for (const { button, found } of byId.get(id) ?? []) {
      if (status.saved) {
        button.set(
          found.paper.version > status.version
            ? { kind: 'outdated', version: status.version, available: found.paper.version }
            : { kind: 'saved', version: status.version },
        );
      } else if (button.state.kind !== 'saving' && button.state.kind !== 'failed') {
        button.set({ kind: 'unsaved' });
      }
    }
  }

  async function save(found: FoundPaper, id: string): Promise<void> {
    bump(id);
    for (const { button } of byId.get(id) ?? []) button.set({ kind: 'saving' });
    const result = await ask(() => sendMessage('savePaper', { ...found.paper, source }));
    if (result.ok) return show(id, result.value);
    console.error(logPrefix, `couldn't save ${id}: ${result.message}`);
    bump(id);
    for (const { button } of byId.get(id) ?? []) button.set({ kind: 'failed', message: result.message });
  }

  async function refresh(): Promise<void> {
    if (!byId.size) return;
    const asked = new Map([...byId.keys()].map((id) => [id, generation.get(id) ?? 0]));
    const result = await ask(() => sendMessage('getPaperStatus', [...byId.keys()]));
    if (!result.ok) return console.error(logPrefix, `couldn't read the library: ${result.message}`);
    for (const [id, status] of Object.entries(result.value)) {
      // A save or a change notice that arrived meanwhile is newer than this answer.
      if ((generation.get(id) ?? 0) === asked.get(id)) show(id, status);
    }
  }

  if (byId.size) {
    onMessage('libraryChanged', ({ data }) => {
      for (const [id, status] of Object.entries(data)) if (byId.has(id)) show(id, status);
    });
    // A page restored from the back/forward cache may show a state that changed meanwhile.
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (event.persisted) void refresh();
    });
    void refresh();
  }

  ctx.onInvalidated(() => {
    for (const host of hosts) host.remove();
  });
}

/** Sends a message; a background that cannot be reached becomes an expected failure. */
async function ask<T>(send: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await send();
  } catch (error) {
    console.error('[paperdex] no answer from the background', error);
    return { ok: false, code: 'unreachable', message: NOT_RESPONDING };
  }
}
