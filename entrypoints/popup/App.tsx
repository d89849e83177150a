import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { browser } from 'wxt/browser';
import { ResultList } from '@/components/ResultList';
import { SaveThisPage } from '@/components/SaveThisPage';
import { ResultStatus, isEmpty } from '@/components/ResultStatus';
import { SearchHelp } from '@/components/SearchHelp';
import { useActiveTabPaper } from '@/hooks/useActiveTabPaper';
import { useLibrarySearch } from '@/hooks/useLibrarySearch';
import { repository } from '@/utils/db/repository';
import { paperAsBibtex, paperAsMarkdown } from '@/utils/export/clipboard';
import { sendMessage } from '@/utils/messaging';
import { libraryWrites } from '@/utils/page-writes';
import type { PaperChange } from '@/utils/paper/change';
import type { Paper } from '@/utils/paper/schema';

const NO_TERMS: ReadonlySet<string> = new Set();

export function App() {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const { engine, result, recent, revision, error } = useLibrarySearch(query);
  const thisPage = useActiveTabPaper();
  const knownTags = useLiveQuery(() => repository.allTags(), [], [] as string[]);
  const [copied, setCopied] = useState<string | null>(null);
  // Opening the popup wakes a stopped background, which resumes the work it owes.
  useEffect(() => void sendMessage('resume', undefined).catch(() => undefined), []);

  function change(paper: Paper, c: PaperChange) {
    void libraryWrites.edit([paper.id], c).then((r) => !r.ok && setProblem(r.message));
  }

  function copy(paper: Paper, as: 'bibtex' | 'markdown') {
    const text = as === 'bibtex' ? paperAsBibtex(paper) : paperAsMarkdown(paper);
    navigator.clipboard.writeText(text).then(
      () => setCopied(`Copied “${paper.title}” as ${as === 'bibtex' ? 'BibTeX' : 'Markdown'}.`),
      () => setProblem("Couldn't copy: the browser refused the clipboard."),
    );
  }

  // While a new query is being answered the previous results stay (no flicker); until the
  // engine has answered once, the newest saves show.
  const current = result && result.text === query ? result : null;
  const shown = result ?? null;
  const ids = shown ? shown.ids : !query && recent ? recent.map((p) => p.id) : [];
  const position = Math.min(selected, Math.max(ids.length - 1, 0));

  function changeQuery(next: string) {
    performance.mark('paperdex:input', { detail: next });
    setQuery(next);
    setSelected(0);
  }

  async function open(id: string | undefined, pdf: boolean) {
    if (!id) return;
    const [paper] = engine ? await engine.papers([id]) : (recent ?? []).filter((p) => p.id === id);
    if (!paper) return;
    browser.tabs
      .create({ url: pdf ? paper.pdfUrl : paper.url })
      .catch((e: unknown) => setProblem(`Couldn't open the paper: ${String(e)}`));
  }

  function onClickTitle(paper: Paper, event: MouseEvent) {
    event.preventDefault();
    void open(paper.id, event.ctrlKey || event.metaKey);
  }

  async function remove(paper: Paper) {
    const r = await libraryWrites.remove([paper.id]);
    setProblem(r.ok ? null : r.message);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected(Math.min(Math.max(position + step, 0), Math.max(ids.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const pdf = event.ctrlKey || event.metaKey;
      // Typed and pressed Enter before the results came: open the best match for what was typed.
      if (engine && !current) void engine.search(query, 1).then((r) => open(r.ids[0], pdf));
      else void open(ids[position], pdf);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      changeQuery('');
    }
  }

  return (
    <main className="popup">
      <h1 className="visually-hidden">Paperdex</h1>
      <div className="search-row">
        <input
          className="search"
          type="search"
          aria-label="Search papers"
          placeholder="Search titles, authors, abstracts, tags, notes…"
          autoFocus
          spellCheck={false}
          value={query}
          onChange={(event) => changeQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="help-button library-button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}>
          Open library
        </button>
        <button
          type="button"
          className="help-button"
          aria-label="Search help"
          aria-expanded={helpOpen}
          aria-controls="search-help"
          onClick={() => setHelpOpen(!helpOpen)}
        >
          ?
        </button>
      </div>
      {helpOpen && <SearchHelp id="search-help" />}
      <SaveThisPage {...thisPage} />
      {copied && (
        <p role="status" className="status">
          {copied}
        </p>
      )}
      {(problem || error) && (
        <div role="alert" className="banner banner-error">
          {problem ?? `Search is unavailable: ${error?.message}. Your saved papers are untouched.`}
        </div>
      )}
      <ResultStatus query={shown?.text ?? query} count={shown ? shown.total : undefined} relaxed={shown?.relaxed ?? false} empty={isEmpty(engine, recent)} />
      <ResultList
        engine={engine}
        resultKey={current ? current.text : null}
        ids={ids}
        preloaded={engine ? undefined : recent}
        terms={shown?.terms ?? NO_TERMS}
        selected={position}
        revision={revision}
        onSelect={(index) => {
          // A tag being typed on the selected row keeps its row while the mouse passes others.
          if (document.activeElement?.closest('.paper-actions')) return;
          setSelected(index);
        }}
        onOpen={onClickTitle}
        onRemove={(p) => void remove(p)}
        onChange={change}
        onCopy={copy}
        knownTags={knownTags}
        footer={
          shown && shown.total > shown.ids.length
            ? `Showing the best ${shown.ids.length.toLocaleString('en')} of ${shown.total.toLocaleString('en')}. Add words or filters to narrow the search.`
            : undefined
        }
      />
    </main>
  );
}
