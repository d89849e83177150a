/** The query language, as the search box understands it (see utils/search/query.ts). */
const SYNTAX: [string, string][] = [
  ['netwrok prunning', 'words in any order, typos allowed; the last word may be unfinished'],
  ['"exact phrase"', 'these words in this order'],
  ['-survey', 'leave out papers with this word'],
  ['author:vinyals', 'by this author'],
  ['tag:to-read', 'with this tag'],
  ['year:2019  year:>2020  year:2018..2020', 'published in, after, or between'],
  ['source:hf  source:arxiv', 'saved from Hugging Face or arXiv'],
];

export function SearchHelp({ id }: { id: string }) {
  return (
    <div id={id} className="help" role="region" aria-label="Search syntax">
      <dl>
        {SYNTAX.map(([example, meaning]) => (
          <div key={example}>
            <dt>
              <code>{example}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p>↑/↓ choose · Enter opens the abstract page · Ctrl/⌘+Enter the PDF · Esc clears</p>
    </div>
  );
}
