import { browser } from 'wxt/browser';
import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { PaperListItem } from '@/components/PaperListItem';
import { usePapers } from '@/hooks/usePapers';
import { useSearch } from '@/hooks/useSearch';
import { sendMessage } from '@/utils/messaging';
import type { Paper } from '@/utils/paper';

const EMPTY: Paper[] = [];

export function App() {
  const papers = usePapers();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const results = useSearch(papers ?? EMPTY, query);

  function changeQuery(next: string) {
    setQuery(next);
    setSelected(0);
  }
  const current = Math.min(selected, Math.max(results.length - 1, 0));

  function open(paper: Paper, event?: MouseEvent | KeyboardEvent) {
    event?.preventDefault();
    const url = event && (event.ctrlKey || event.metaKey) ? paper.pdfUrl : paper.url;
    browser.tabs.create({ url }).catch((error: unknown) => setProblem(`Couldn't open the paper: ${String(error)}`));
  }

  async function remove(paper: Paper) {
    try {
      const result = await sendMessage('removePaper', paper.id);
      setProblem(result.ok ? null : result.message);
    } catch (error) {
      console.error('[paperdex:popup]', error);
      setProblem("Paperdex isn't responding; the paper was not removed. Try again in a moment.");
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected(Math.min(Math.max(current + step, 0), Math.max(results.length - 1, 0)));
    } else if (event.key === 'Enter') {
      const paper = results[current];
      if (paper) open(paper, event);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      changeQuery('');
    }
  }

  return (
    <main className="popup">
      <input
        className="search"
        type="search"
        aria-label="Search papers"
        placeholder="Search titles, authors, abstracts, tags, notes…"
        autoFocus
        value={query}
        onChange={(event) => changeQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <div role="alert" className="banner banner-error">
          {problem}
        </div>
      )}
      <Status papers={papers} results={results} query={query} />
      <ul className="results" aria-label="Results">
        {results.map((paper, i) => (
          <PaperListItem
            key={paper.id}
            paper={paper}
            selected={i === current}
            onOpen={open}
            onRemove={(p) => void remove(p)}
            onSelect={() => setSelected(i)}
          />
        ))}
      </ul>
    </main>
  );
}

function Status({ papers, results, query }: { papers: Paper[] | undefined; results: Paper[]; query: string }) {
  if (papers === undefined) return <p className="status">Opening your library…</p>;
  if (papers.length === 0) {
    return (
      <div className="status empty">
        <p>
          <strong>Your library is empty.</strong>
        </p>
        <p>
          Open any paper's abstract page on arxiv.org and click <em>Save to Paperdex</em> beside its title. Saved papers
          appear here, searchable by title, authors, abstract, tags and notes.
        </p>
      </div>
    );
  }
  if (results.length === 0) return <p className="status">No saved paper matches “{query.trim()}”.</p>;
  return null;
}
