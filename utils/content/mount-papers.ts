import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, sendMessage, type SaveOutcome } from '../messaging';
import { lacksEssentials } from '../paper/merge';
import { paperIdFor } from '../paper/urls';
import type { PaperSource } from '../paper/vocabulary';
import type { Result } from '../result';
import type { FoundPaper, ParseResult } from '../sites/common';
import { createSaveButton, type SaveButton } from './save-button';

const NOT_RESPONDING = "Paperdex isn't responding. Reload this page and try again.";
const STATUS_BATCH = 1000;

interface Entry {
  button: SaveButton;
  found: FoundPaper;
}

export interface PaperButtons {
  /**
   * Puts buttons beside papers (and problems) found on the page; safe to call again. An element
   * whose button is gone, or belongs to another paper (a framework reused it), gets a new one.
   */
  add(result: ParseResult): void;
  /** Whether an element has its button beside it, for this paper when an id is given. */
  has(anchor: Element, arxivId?: string): boolean;
  /** Takes every button out of the page (client-side navigation to another paper). */
  reset(): void;
}

/**
 * Puts a Save button beside every paper a parser found (and an unreadable-page state beside
 * every problem), keeps each button in step with the library, and removes them all when the
 * extension goes away. Pages that add papers later (scrolling, client-side navigation) call
 * `add` again with what is new. Never throws into the page.
 */
export function createPaperButtons(ctx: ContentScriptContext, source: PaperSource, logPrefix: string): PaperButtons {
  const byId = new Map<string, Entry[]>();
  /** Per paper, how many states have been applied: an answer older than the last is stale. */
  const generation = new Map<string, number>();
  /** Each anchor's button and the paper it is for ('' for a problem). */
  let anchors = new WeakMap<Element, { host: HTMLElement; arxivId: string }>();
  const hosts = new Set<HTMLElement>();

  function has(anchor: Element, arxivId?: string): boolean {
    const placed = anchors.get(anchor);
    if (!placed || !placed.host.isConnected || anchor.nextElementSibling !== placed.host) return false;
    return arxivId === undefined || placed.arxivId === arxivId;
  }

  function place(anchor: Element, host: HTMLElement, arxivId: string): void {
    const stale = anchors.get(anchor);
    if (stale) {
      stale.host.remove();
      hosts.delete(stale.host);
    }
    anchor.after(host);
    anchors.set(anchor, { host, arxivId });
    hosts.add(host);
  }

  function bump(id: string): number {
    const next = (generation.get(id) ?? 0) + 1;
    generation.set(id, next);
    return next;
  }

  /** The buttons of one paper that are still in the page (frameworks re-render cards). */
  function entries(id: string): Entry[] {
    const list = (byId.get(id) ?? []).filter((e) => e.button.host.isConnected);
    if (list.length) byId.set(id, list);
    else byId.delete(id);
    return list;
  }

  function show(id: string, status: SaveOutcome, list = entries(id)): void {
    bump(id);
    for (const { button, found } of list) {
      if (status.saved && status.incomplete) {
        // A change notice carries no reason: keep the one the save answered with.
        const note = status.note ?? (button.state.kind === 'incomplete' ? button.state.note : undefined);
        button.set({ kind: 'incomplete', version: status.version, note });
      } else if (status.saved) {
        const available = found.version ?? 0;
        button.set(
          available > status.version
            ? { kind: 'outdated', version: status.version, available }
            : { kind: 'saved', version: status.version },
        );
      } else if (button.state.kind !== 'saving' && button.state.kind !== 'failed') {
        button.set({ kind: 'unsaved' });
      }
    }
  }

  async function save(found: FoundPaper, id: string): Promise<void> {
    bump(id);
    let paper;
    try {
      paper = found.paper;
    } catch (error) {
      console.error(logPrefix, `couldn't read ${id} from the page`, error);
      paper = { arxivId: found.arxivId }; // the background fetches the rest
    }
    const fetching = lacksEssentials(paper);
    for (const { button } of entries(id)) button.set({ kind: 'saving', fetching });
    const result = await ask(() => sendMessage('savePaper', { ...paper, source }));
    if (result.ok) return show(id, result.value);
    console.error(logPrefix, `couldn't save ${id}: ${result.message}`);
    bump(id);
    for (const { button } of entries(id)) button.set({ kind: 'failed', message: result.message });
  }

  async function refresh(ids: string[]): Promise<void> {
    // The background answers at most 1,000 ids at a time; a listing can show 2,000.
    for (let start = 0; start < ids.length; start += STATUS_BATCH) {
      const batch = ids.slice(start, start + STATUS_BATCH);
      const asked = new Map(batch.map((id) => [id, generation.get(id) ?? 0]));
      const result = await ask(() => sendMessage('getPaperStatus', batch));
      if (!result.ok) return console.error(logPrefix, `couldn't read the library: ${result.message}`);
      for (const [id, status] of Object.entries(result.value)) {
        // A save or a change notice that arrived meanwhile is newer than this answer.
        if ((generation.get(id) ?? 0) === asked.get(id)) show(id, status);
      }
    }
  }

  let listening = false;
  function listen(): void {
    if (listening) return;
    listening = true;
    onMessage('libraryChanged', ({ data }) => {
      for (const [id, status] of Object.entries(data)) if (byId.has(id)) show(id, status);
    });
    // A page restored from the back/forward cache may show a state that changed meanwhile.
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (event.persisted) void refresh([...byId.keys()]);
    });
  }

  ctx.onInvalidated(() => {
    for (const host of hosts) host.remove();
  });

  return {
    has,
    reset() {
      for (const host of hosts) host.remove();
      hosts.clear();
      byId.clear();
      anchors = new WeakMap();
    },
    add(result) {
      for (const { anchor, reason } of result.problems) {
        if (has(anchor, '')) continue;
        console.error(logPrefix, `couldn't read this page: ${reason}`);
        const button = createSaveButton(() => undefined);
        button.set({ kind: 'unreadable', reason });
        place(anchor, button.host, '');
      }
      const added = new Set<string>();
      for (const found of result.papers) {
        if (has(found.anchor, found.arxivId)) continue;
        const id = paperIdFor(found.arxivId);
        const button = createSaveButton(() => void save(found, id), `arXiv ${found.arxivId}`);
        const list = byId.get(id) ?? [];
        list.push({ button, found });
        byId.set(id, list);
        place(found.anchor, button.host, found.arxivId);
        added.add(id);
      }
      if (!added.size) return;
      listen();
      void refresh([...added]);
    },
  };
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
