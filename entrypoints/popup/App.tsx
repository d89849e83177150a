import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { browser } from 'wxt/browser';
import { LibraryIcon, Mark } from '@/components/icons';
import { ResultList } from '@/components/ResultList';
import { ResultStatus, isEmpty } from '@/components/ResultStatus';
import { SaveThisPage } from '@/components/SaveThisPage';
import { SearchHelp } from '@/components/SearchHelp';
import { Toasts } from '@/components/Toasts';
import { useActiveTabPaper } from '@/hooks/useActiveTabPaper';
import { useLibrarySearch } from '@/hooks/useLibrarySearch';
import { useLive } from '@/hooks/useRuntime';
import { useStableCallbacks } from '@/hooks/useStableCallbacks';
import { useToasts } from '@/hooks/useToasts';
import { openLibraryTab } from '@/utils/library-tab';
import { loadRuntime } from '@/utils/load-runtime';
import { sendMessage } from '@/utils/messaging';
import type { PaperChange } from '@/utils/paper/change';
import { formatCount, paperCount } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import { enterBeforeReact, pointedBeforeReact, typedBeforeReact } from './first-paint';

const NO_TERMS: ReadonlySet<string> = new Set();
const NO_TAGS: string[] = [];

export function App() {
  /** What was typed before React loaded: the box starts from it. */
  const [typedBefore] = useState(typedBeforeReact);
  const [query, setQuery] = useState(typedBefore);
  const [pointed] = useState(pointedBeforeReact);
  const [selected, setSelected] = useState(pointed ?? 0);
  /** The user is choosing a row (arrows, pointer): only then does the selected row show its actions. */
  const [engaged, setEngaged] = useState(pointed !== null);
  const [helpOpen, setHelpOpen] = useState(false);
  /**
   * Enter pressed before the engine could answer (before React had loaded, or since), carried
   * out once it can: what was typed, then Enter, opens the best match.
   */
  const [enterBefore] = useState(enterBeforeReact);
  const pendingEnter = useRef(enterBefore);
  // The first screen paints from IndexedDB directly; the runtime (Dexie, search, writers) follows.
  const { runtime, engine, result, recent, preview, initialCount, revision, error } = useLibrarySearch(query, { resident: true });
  const thisPage = useActiveTabPaper(runtime);
  const knownTags = useLive(runtime, (rt) => rt.repository.allTags(), []) ?? NO_TAGS;
  const total = useLive(runtime, (rt) => rt.repository.countPapers(), []) ?? initialCount;
  const toasts = useToasts();
  const search = useRef<HTMLInputElement>(null);
  // Opening the popup wakes a stopped background, which resumes the work it owes.
  useEffect(() => void sendMessage('resume', undefined).catch(() => undefined), []);

  const problem = (text: string) => toasts.show(text, { kind: 'error' });

  // A row acted on before the runtime has loaded waits for it (a few milliseconds).
  function change(paper: Paper, c: PaperChange) {
    void loadRuntime()
      .then((rt) => rt.libraryWrites.edit([paper.id], c))
      .then((r) => !r.ok && problem(r.message), (e: unknown) => problem(`Couldn't change the paper: ${String(e)}`));
  }

  function copy(paper: Paper, as: 'bibtex' | 'markdown') {
    loadRuntime()
      .then((rt) => navigator.clipboard.writeText(as === 'bibtex' ? rt.paperAsBibtex(paper) : rt.paperAsMarkdown(paper)))
      .then(
        () => toasts.show(`Copied “${paper.title}” as ${as === 'bibtex' ? 'BibTeX' : 'Markdown'}.`),
        () => problem("Couldn't copy: the browser refused the clipboard."),
      );
  }

  // While a new query is being answered the previous results stay (no flicker). Until the
  // engine has answered once, the resident search's answer to what is typed shows, or
  // with nothing typed the newest saves.
  const early = useMemo(() => preview && { ...preview, terms: new Set(preview.terms) }, [preview]);
  const shown = result ?? early;
  const current = shown && shown.text === query ? shown : null;
  const preloaded = result ? undefined : (early?.papers ?? recent);
  const ids = shown ? shown.ids : !query && recent ? recent.map((p) => p.id) : [];
  const position = Math.min(selected, Math.max(ids.length - 1, 0));

  function changeQuery(next: string) {
    setQuery(next);
    setSelected(0);
    setEngaged(false);
  }

  function openUrl(url: string) {
    browser.tabs.create({ url }).catch((e: unknown) => problem(`Couldn't open the paper: ${String(e)}`));
  }

  async function open(id: string | undefined, pdf: boolean) {
    if (!id) return;
    const [paper] = engine ? await engine.papers([id]) : (preloaded ?? []).filter((p) => p.id === id);
    if (paper) openUrl(pdf ? paper.pdfUrl : paper.url);
  }

  function onClickTitle(paper: Paper, event: MouseEvent) {
    event.preventDefault();
    void open(paper.id, event.ctrlKey || event.metaKey);
  }

  /** Removes a paper and offers it back: Undo restores it with its tags and notes. */
  async function remove(paper: Paper) {
    const { libraryWrites } = await loadRuntime();
    const r = await libraryWrites.remove([paper.id]);
    // The button goes with the row: the search box, which drives the list, keeps the focus.
    search.current?.focus();
    if (!r.ok) return problem(r.message);
    toasts.show(`Removed “${paper.title}”.`, {
      action: {
        label: 'Undo',
        run: () =>
          void libraryWrites.bringIn(r.value, 'the paper was not restored').then((back) => {
            if (back.ok) toasts.show(`Restored “${paper.title}”.`);
            else problem(back.message);
            search.current?.focus();
          }),
      },
    });
  }

  /** Enter: opens the selected result (Ctrl or Cmd: its PDF). */
  function enter(pdf: boolean) {
    // A row the user chose (arrows, pointer) opens, whichever answer listed it.
    if (engaged) return void open(ids[position], pdf);
    if (!engine && query) {
      pendingEnter.current = pdf ? 'pdf' : 'page';
      return;
    }
    // Typed and pressed Enter before the engine's results came: open its best match for what
    // was typed (the resident search's answer may predate a change it had not yet taken in).
    if (engine && result?.text !== query) void engine.search(query, 1).then((r) => open(r.ids[0], pdf));
    else void open(ids[position], pdf);
  }

  useEffect(() => {
    const pending = pendingEnter.current;
    if (!engine || !pending) return;
    pendingEnter.current = null;
    enter(pending === 'pdf');
    // When the engine is there: `enter` reads this render's query and results.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Arrows move the selection, and the selected row shows its actions from then on.
      setSelected(Math.min(Math.max(position + step, 0), Math.max(ids.length - 1, 0)));
      setEngaged(true);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      enter(event.ctrlKey || event.metaKey);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      event.currentTarget.value = '';
      changeQuery('');
    }
  }
  const searchCallbacks = useStableCallbacks({ onQuery: changeQuery, onKeyDown, onToggleHelp: () => setHelpOpen(!helpOpen) });

  return (
    <main className="popup">
      <header className="popup-header">
        <h1 className="brand">
          <Mark size={20} />
          Paperdex
        </h1>
        <span className="popup-count">{total === undefined ? '' : paperCount(total)}</span>
        <button type="button" className="small-button" onClick={() => void openLibraryTab().catch((e: unknown) => problem(`Couldn't open the library: ${String(e)}`))}>
          <LibraryIcon size={14} />
          Open library
        </button>
      </header>
      <SearchRow inputRef={search} initial={typedBefore} helpOpen={helpOpen} {...searchCallbacks} />
      {helpOpen && <SearchHelp id="search-help" />}
      <SaveThisPage {...thisPage} />
      {error && (
        <div role="alert" className="banner banner-error">
          Search is unavailable: {error.message}. Your saved papers are untouched.
        </div>
      )}
      <ResultStatus query={shown?.text ?? query} count={shown ? shown.total : undefined} relaxed={shown?.relaxed ?? false} empty={isEmpty(engine, recent)} />
      <ResultList
        engine={engine}
        resultKey={current ? current.text : null}
        ids={ids}
        preloaded={preloaded}
        terms={shown?.terms ?? NO_TERMS}
        selected={position}
        engaged={engaged}
        revision={revision}
        onSelect={(index) => {
          // A tag being typed or a menu open on the selected row keeps its row while the mouse passes others.
          if (document.activeElement?.closest('.paper-actions')) return;
          setSelected(index);
          setEngaged(true);
        }}
        onOpen={onClickTitle}
        onRemove={(p) => void remove(p)}
        onChange={change}
        onCopy={copy}
        onOpenPdf={(p) => openUrl(p.pdfUrl)}
        knownTags={knownTags}
        footer={
          shown && shown.total > shown.ids.length
            ? `Showing the best ${formatCount(shown.ids.length)} of ${formatCount(shown.total)}. Add words or filters to narrow the search.`
            : undefined
        }
      />
      <Toasts state={toasts} />
    </main>
  );
}

interface SearchRowProps {
  inputRef: RefObject<HTMLInputElement | null>;
  /** What was typed before React loaded. */
  initial: string;
  helpOpen: boolean;
  onQuery(text: string): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  onToggleHelp(): void;
}

/**
 * The search box and its help button. The box is left to the browser (uncontrolled, its
 * callbacks stable): a keystroke re-renders the results, not the box, and React does not write
 * the box's attributes back on every key (a controlled input's `value`, `type` and `name`).
 */
const SearchRow = memo(function SearchRow({ inputRef, initial, helpOpen, onQuery, onKeyDown, onToggleHelp }: SearchRowProps) {
  return (
    <div className="search-row">
      <input
        ref={inputRef}
        className="search"
        type="search"
        aria-label="Search papers"
        placeholder="Search titles, authors, abstracts, tags, notes…"
        autoFocus
        spellCheck={false}
        defaultValue={initial}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="help-button"
        aria-label="Search help"
        title="Search syntax and keys"
        aria-expanded={helpOpen}
        aria-controls="search-help"
        onClick={onToggleHelp}
      >
        ?
      </button>
    </div>
  );
});
