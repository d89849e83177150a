import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, sendMessage, type SaveOutcome } from '../messaging';
import { lacksEssentials } from '../paper/merge';
import { paperIdFor } from '../paper/urls';
import type { PaperSource } from '../paper/vocabulary';
import type { Result } from '../result';
import { after, type FoundPaper, type ParseResult, type Slot } from '../sites/common';
import { createSaveButton, pageTone, type SaveButton } from './save-button';

/**
 * Why a message got no answer, for the button. A background that was busy or stopped answers
 * the next try; only an extension updated or reloaded under the page needs the page reloaded.
 */
export function unreachableMessage(error: unknown): string {
  return /context invalidated/i.test(String((error as Error)?.message ?? error))
    ? 'Paperdex was updated or restarted. Reload this page to save from it.'
    : "Paperdex didn't answer. Try again.";
}

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
  /** Each anchor's button, where it was put, and the paper it is for ('' for a problem). */
  let anchors = new WeakMap<Element, { host: HTMLElement; parent: Element; arxivId: string }>();
  const hosts = new Set<HTMLElement>();
  /** Papers showing "Updated from this page." for a moment, by paper id: the timer's token. */
  const flashing = new Map<string, number>();

  function has(anchor: Element, arxivId?: string): boolean {
    const placed = anchors.get(anchor);
    // A framework that re-renders the card takes the button out, or reuses the element.
    if (!placed || !placed.host.isConnected || placed.host.parentElement !== placed.parent) return false;
    return arxivId === undefined || placed.arxivId === arxivId;
  }

  function place(anchor: Element, slot: Slot, host: HTMLElement, arxivId: string): void {
    const stale = anchors.get(anchor);
    if (stale) {
      stale.host.remove();
      hosts.delete(stale.host);
    }
    slot.parent.insertBefore(host, slot.before?.parentNode === slot.parent ? slot.before : null);
    anchors.set(anchor, { host, parent: slot.parent, arxivId });
    hosts.add(host);
  }

  /**
   * Keeps the page from moving when the title's last line is full: the button goes to the
   * fallback line, else it shows its mark only (same name, same tooltip), else it stays.
   */
  function fit(found: FoundPaper, host: HTMLElement, height: number): void {
    const grew = (parent: Element, before: number) => parent.getBoundingClientRect().height > before + 1;
    if (!grew(found.slot.parent, height)) return;
    const fallback = found.tight?.fallback;
    if (fallback) {
      const before = (host.remove(), fallback.parent.getBoundingClientRect().height);
      place(found.anchor, fallback, host, found.arxivId);
      if (!grew(fallback.parent, before)) return;
      place(found.anchor, found.slot, host, found.arxivId);
    }
    host.dataset.compact = '';
    // Not even the mark fits: the button has a line of its own anyway, so it says what it is.
    if (grew(found.slot.parent, height)) delete host.dataset.compact;
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
            : // The change notice of a refresh that is being shown keeps the message up.
              { kind: 'saved', version: status.version, ...(flashing.has(id) ? { refreshed: true as const } : {}) },
        );
      } else if (button.state.kind !== 'saving' && button.state.kind !== 'failed') {
        button.set({ kind: 'unsaved' });
      }
    }
  }

  async function save(found: FoundPaper, id: string): Promise<void> {
    const wasSaved = entries(id).some((e) => e.button.state.kind === 'saved');
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
    if (result.ok) {
      show(id, result.value);
      // A saved paper clicked again was refreshed from this page: say so for a moment.
      if (wasSaved && result.value.saved && !result.value.incomplete) flash(id);
      return;
    }
    console.error(logPrefix, `couldn't save ${id}: ${result.message}`);
    bump(id);
    for (const { button } of entries(id)) button.set({ kind: 'failed', message: result.message });
  }

  function flash(id: string): void {
    const token = (flashing.get(id) ?? 0) + 1;
    flashing.set(id, token);
    for (const { button } of entries(id)) if (button.state.kind === 'saved') button.set({ ...button.state, refreshed: true });
    ctx.setTimeout(() => {
      if (flashing.get(id) !== token) return;
      flashing.delete(id);
      for (const { button } of entries(id)) if (button.state.kind === 'saved' && button.state.refreshed) button.set({ kind: 'saved', version: button.state.version });
    }, 2500);
  }

  /** The paper the pointer is over (list pages): what the save shortcut saves when nothing has the focus. */
  let pointed: Element | null = null;

  /** The paper under the keyboard focus, else under the pointer: the save shortcut's. */
  function paperHere(): { found: FoundPaper; id: string } | null {
    const focused = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
    for (const target of [focused, pointed]) {
      if (!target) continue;
      for (const [id, list] of byId) {
        const hit = list.find((e) => e.button.host.isConnected && (e.found.entry.some((el) => el.contains(target)) || e.button.host === target));
        if (hit) return { found: hit.found, id };
      }
    }
    return null;
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
    ctx.addEventListener(document, 'pointerover', (event) => (pointed = event.target as Element), { passive: true });
    // The save shortcut (Alt+Shift+S): the paper under the focus or the pointer, if any.
    onMessage('saveHere', () => {
      const here = paperHere();
      if (!here) return false;
      const button = entries(here.id).find((e) => e.found === here.found)?.button;
      if (button && (button.state.kind === 'saving' || button.state.kind === 'unreadable')) return true;
      void save(here.found, here.id);
      return true;
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
      const first = result.papers[0]?.slot.parent ?? result.problems[0]?.anchor;
      if (!first) return;
      // The page's own light or dark look, read once per batch (Hugging Face can switch).
      const tone = pageTone(first);
      for (const { anchor, reason } of result.problems) {
        if (has(anchor, '')) continue;
        console.error(logPrefix, `couldn't read this page: ${reason}`);
        const button = createSaveButton(() => undefined);
        button.set({ kind: 'unreadable', reason });
        button.host.dataset.tone = tone;
        place(anchor, after(anchor), button.host, '');
      }
      const added = new Set<string>();
      const tight: { found: FoundPaper; host: HTMLElement; height: number }[] = [];
      for (const found of result.papers) {
        if (has(found.anchor, found.arxivId)) continue;
        const id = paperIdFor(found.arxivId);
        const button = createSaveButton(() => void save(found, id), `arXiv ${found.arxivId}`);
        const list = byId.get(id) ?? [];
        list.push({ button, found });
        byId.set(id, list);
        button.host.dataset.tone = tone;
        // One layout read before the buttons go in (only one-paper pages have a tight slot).
        if (found.tight) tight.push({ found, host: button.host, height: found.slot.parent.getBoundingClientRect().height });
        place(found.anchor, found.slot, button.host, found.arxivId);
        added.add(id);
      }
      for (const t of tight) fit(t.found, t.host, t.height);
      for (const host of hosts) if (host.dataset.tone !== tone) host.dataset.tone = tone;
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
    return { ok: false, code: 'unreachable', message: unreachableMessage(error) };
  }
}
