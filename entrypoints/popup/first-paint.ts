import type { FirstScreen } from '@/utils/db/first-screen';
import { INCOMPLETE_HINT, LIST_PAGE, paperCount, paperYear, resultLine, shortAuthors } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import { venueLabel, venueTitle } from '@/utils/paper/venue';
import { READING_STATUS_LABELS } from '@/utils/paper/vocabulary';
import { highlight, snippet, type Segment } from '@/utils/search/highlight';
import type { ResidentAnswer } from '@/utils/search/resident';

/**
 * The popup's first screen without React: the newest saves (or the resident search's answer to
 * what was typed) written into the static markup of index.html (`#first-paint`) with the DOM
 * API, as App's ResultRow renders them (text nodes and <mark>s, never HTML). React, loaded
 * after this has painted, replaces the whole shell in its first commit. The code badge is a
 * plain badge here; the row App renders makes it a link.
 */

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function badge(className: string, text: string, title?: string): HTMLSpanElement {
  const node = element('span', className, text);
  if (title) node.title = title;
  return node;
}

/** What Highlighted renders: matched words marked, the rest bare text. */
const marked = (segments: Segment[]): (Node | string)[] => segments.map((s) => (s.hit ? element('mark', '', s.text) : s.text));

function row(paper: Paper, position: number, total: number, terms: ReadonlySet<string>): HTMLLIElement {
  const li = element('li', position === 0 ? 'paper selected' : 'paper');
  li.dataset.index = String(position);
  li.dataset.paperId = paper.id;
  li.setAttribute('aria-setsize', String(total));
  li.setAttribute('aria-posinset', String(position + 1));
  if (position === 0) li.setAttribute('aria-current', 'true');

  const title = element('a', 'paper-title', ...marked(highlight(paper.title, terms)));
  title.href = paper.url;
  const byline = element('span', 'paper-byline', ...marked(highlight(shortAuthors(paper.authors), terms)), element('span', '', ` · ${paperYear(paper)}`));
  const meta = element('div', 'paper-meta', byline);
  if (paper.readingStatus) meta.append(badge('badge badge-status', READING_STATUS_LABELS[paper.readingStatus]));
  if (paper.incomplete) meta.append(badge('badge', 'incomplete', INCOMPLETE_HINT));
  if (paper.withdrawn) meta.append(badge('badge badge-withdrawn', 'withdrawn'));
  if (paper.venue) meta.append(badge('badge badge-venue', venueLabel(paper.venue), venueTitle(paper.venue)));
  if (paper.code?.repo) meta.append(badge('badge badge-code', 'code', paper.code.repo));
  li.append(title, meta);
  if (paper.tags.length) li.append(element('div', 'paper-tags', ...paper.tags.map((tag) => element('span', 'tag', ...marked(highlight(tag, terms))))));
  const abstract = snippet(paper.abstract, terms);
  if (abstract.length) li.append(element('div', 'paper-snippet', ...marked(abstract)));
  return li;
}

const NO_TERMS: ReadonlySet<string> = new Set();

/**
 * Writes the newest saves (a page of them) into the shell's list, then how many papers there
 * are once counted. An answer to a query painted already stays (see paintAnswer).
 */
export function paintFirstScreen(shell: HTMLElement, screen: FirstScreen): void {
  const list = shell.querySelector('.results');
  const status = shell.querySelector('.status');
  // An empty library is App's to explain (it says what to do).
  if (!list || !status || !screen.papers.length) return;
  void screen.count.then((count) => {
    const header = shell.querySelector('.popup-count');
    if (header) header.textContent = paperCount(count);
  });
  if (shell.dataset.answered !== undefined) return;
  list.replaceChildren(...screen.papers.slice(0, LIST_PAGE).map((paper, i) => row(paper, i, screen.papers.length, NO_TERMS)));
  // As App says it until the search engine has answered.
  status.textContent = 'Searching…';
}

/**
 * Writes the resident search's answer to what is typed (utils/search/resident.ts) into the
 * shell, as App shows results: its first rows, highlighted, and the line saying how many match.
 * Marked as App marks its results, for `npm run bench`.
 */
export function paintAnswer(shell: HTMLElement, answer: ResidentAnswer): void {
  const list = shell.querySelector('.results');
  const status = shell.querySelector('.status');
  if (!list || !status) return;
  const terms = new Set(answer.terms);
  shell.dataset.answered = answer.text;
  list.replaceChildren(...answer.papers.map((paper, i) => row(paper, i, answer.ids.length, terms)));
  list.setAttribute('aria-busy', 'false');
  status.textContent = resultLine(answer.text, answer.total, answer.relaxed);
  status.setAttribute('role', 'status');
  performance.mark('paperdex:results', { detail: answer.text });
}

/** Takes the answer back (the box was emptied): the newest saves again, once they are read. */
export function withdrawAnswer(shell: HTMLElement, screen: FirstScreen | null): void {
  delete shell.dataset.answered;
  const list = shell.querySelector('.results');
  list?.replaceChildren();
  list?.setAttribute('aria-busy', 'true');
  const status = shell.querySelector('.status');
  if (status) {
    status.removeAttribute('role');
    status.textContent = 'Opening your library…';
  }
  if (screen) paintFirstScreen(shell, screen);
}

/** Says in the first paint that the popup's code did not load (the saves it shows stay). */
export function cannotStart(reason: string): void {
  const status = document.querySelector('#first-paint .status');
  if (status) status.textContent = `Paperdex could not start: ${reason}. Your saved papers are untouched; close and reopen the popup.`;
}

/** The first paint's search box (null once React has replaced it). */
function firstPaintSearch(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('#first-paint input.search');
}

/** What was typed into the first paint's search box before React loaded: App starts from it. */
export function typedBeforeReact(): string {
  return firstPaintSearch()?.value ?? '';
}

/**
 * What the user does to the first paint before React has loaded, kept on the shell for App to
 * carry on from: Enter in the search box (App opens the best match for what was typed, once it
 * can search; Ctrl or Cmd: its PDF), and the row the pointer is on (App's row there is
 * selected and shows its actions, as it would had the pointer moved over it).
 */
export function keepInteractions(shell: HTMLElement): void {
  shell.querySelector('input.search')?.addEventListener('keydown', (event) => {
    const key = event as KeyboardEvent;
    if (key.key !== 'Enter') return;
    key.preventDefault();
    shell.dataset.enter = key.ctrlKey || key.metaKey ? 'pdf' : 'page';
  });
  shell.querySelector('.results')?.addEventListener('mousemove', (event) => {
    const row = (event.target as Element).closest<HTMLElement>('li.paper');
    if (row?.dataset.index) shell.dataset.pointed = row.dataset.index;
  });
}

/** Enter pressed before React loaded (see keepInteractions), or null. */
export function enterBeforeReact(): 'page' | 'pdf' | null {
  const enter = document.getElementById('first-paint')?.dataset.enter;
  return enter === 'page' || enter === 'pdf' ? enter : null;
}

/** The row the pointer was on before React loaded (see keepInteractions), or null. */
export function pointedBeforeReact(): number | null {
  const pointed = document.getElementById('first-paint')?.dataset.pointed;
  return pointed === undefined ? null : Number(pointed);
}

/**
 * Removes the first paint once React has committed its own popup (called from React's first
 * layout effect: both are in the document for no frame). The caret moves to React's search box
 * where it was.
 */
export function replaceFirstPaint(search: HTMLInputElement | null): void {
  const old = firstPaintSearch();
  if (search && old && document.activeElement === old) {
    search.focus();
    search.setSelectionRange(old.selectionStart, old.selectionEnd, old.selectionDirection ?? undefined);
  }
  document.getElementById('first-paint')?.remove();
}
