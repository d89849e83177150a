import type { SeenPaper } from '../paper/schema';
import { collapseWhitespace } from '../paper/text';

/**
 * A paper found on a page, with the element its Save button goes beside. The id and shown
 * version are read at once; everything else only when it is needed (a click on Save), so that
 * a listing of hundreds of papers costs little more than its buttons.
 */
export interface FoundPaper {
  arxivId: string;
  /** The version the page shows, when it shows one. */
  version?: number;
  /** The paper's title element, which the button belongs to. */
  anchor: Element;
  /**
   * Where the button goes: in a line that has room for it (the end of the title, the entry's id
   * line, a card's row), so that the page's layout does not move.
   */
  slot: Slot;
  /**
   * A slot whose line may be full (the end of a long title, on a one-paper page): the button is
   * checked to fit, else it goes to `fallback` (a short line nearby), else it shows its mark only.
   */
  tight?: { fallback?: Slot };
  /** The elements that make up the paper's entry: the paper under the pointer or the focus is saved by the shortcut. */
  entry: Element[];
  /** What the page shows about the paper, read on first use. */
  readonly paper: SeenPaper;
}

/** A place in the page: inside `parent`, before `before` (at its end when null). */
export interface Slot {
  parent: Element;
  before: Node | null;
}

/** At the end of an element's own content (inline, on its last line). */
export const endOf = (el: Element): Slot => ({ parent: el, before: null });

/** Right after an element (a line of its own). */
export const after = (el: Element): Slot => ({ parent: el.parentElement ?? el, before: el.nextSibling });

/** A found paper whose details are read from the page on first use. */
export function foundPaper(
  anchor: Element,
  arxivId: string,
  version: number | undefined,
  read: () => SeenPaper,
  where: { slot?: Slot; tight?: FoundPaper['tight']; entry?: Element[] } = {},
): FoundPaper {
  let paper: SeenPaper | undefined;
  return {
    arxivId,
    ...(version === undefined ? {} : { version }),
    anchor,
    slot: where.slot ?? after(anchor),
    ...(where.tight ? { tight: where.tight } : {}),
    entry: where.entry ?? [anchor],
    get paper() {
      paper ??= read();
      return paper;
    },
  };
}

/** Something on the page that looked like a paper but could not be read. */
export interface PageProblem {
  anchor: Element;
  reason: string;
}

export interface ParseResult {
  papers: FoundPaper[];
  problems: PageProblem[];
}

/**
 * "Last, First" (as in `citation_author`) becomes "First Last"; "Last, Jr., First" becomes
 * "First Last Jr."; names without a comma (collaborations, "First Last") stay as written.
 */
export function flipAuthorName(name: string): string {
  const parts = collapseWhitespace(name)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 2) return `${parts[1]} ${parts[0]}`;
  if (parts.length === 3) return `${parts[2]} ${parts[0]} ${parts[1]}`;
  return parts.join(', ');
}

/**
 * arXiv's comment on a withdrawn version: "This paper has been withdrawn by the authors …",
 * "Withdrawn due to …"; not a comment that merely mentions a withdrawn figure or paper.
 */
export function isWithdrawnComment(comment: string): boolean {
  const text = comment.replace(/^\s*Comments:\s*/i, '');
  return (
    /^\s*(this (paper|article|submission|manuscript|preprint|work) )?(has been |was |is )?withdrawn\b/i.test(text) ||
    /\b(paper|article|submission|manuscript|preprint) (has been|was|is being) withdrawn\b/i.test(text) ||
    /\bwithdrawn by the (authors?|submitter)\b/i.test(text)
  );
}

/** "2026-02-13T23:01:42.000Z" → "2026-02-13"; anything else → undefined. */
export function isoDay(value: unknown): string | undefined {
  return typeof value === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] : undefined;
}

/** Drops fields a source left empty, so that a merge falls back to what another source had. */
export function withoutEmpty<T extends object>(paper: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(paper)) {
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
    out[key] = value;
  }
  return out as T;
}

/** The first element matching any of the selectors, tried in order. */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}

/** The elements matching the first selector that matches any. */
export function all(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector);
    if (found.length) return [...found];
  }
  return [];
}
