/** The query language, as the search box understands it (see utils/search/query.ts). */
const SYNTAX: [string, string][] = [
  ['netwrok prunning', 'words in any order, typos allowed; the last word may be unfinished'],
  ['"exact phrase"', 'these words in this order'],
  ['-survey', 'leave out papers with this word'],
  ['author:vinyals', 'by this author'],
  ['tag:to-read', 'with this tag'],
  ['status:reading', 'by reading status: to-read, reading, read, none (-status:read: not read yet)'],
  ['is:incomplete', 'saved without every detail; is:withdrawn, withdrawn'],
  ['venue:neurips', 'published there (short or full name, initials: venue:jmlr); is:published, has:code'],
  ['year:>2020', 'published after; year:2019, year:2018..2020 in, between'],
  ['source:hf', 'saved from Hugging Face; source:arxiv from arXiv'],
];

/** The keys, in the same two columns: each a list of combinations of keys. */
const KEYS: [string[][], string][] = [
  [[['↑'], ['↓']], 'choose a result (it shows its actions)'],
  [[['Enter']], 'open its abstract page'],
  [[['Ctrl', 'Enter']], 'open its PDF (⌘+Enter on a Mac)'],
  [[['Esc']], 'clear the search'],
  [[['Alt', 'Shift', 'S']], 'on arXiv or Hugging Face: save the paper under the pointer or the focus, or the page'],
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
      <dl className="help-keys" aria-label="Keys">
        {KEYS.map(([keys, meaning]) => (
          <div key={meaning}>
            <dt>
              {keys.map((combo, i) => (
                <span key={combo.join('+')}>
                  {i > 0 && ' '}
                  {combo.map((key, j) => (
                    <span key={key}>
                      {j > 0 && '+'}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </span>
              ))}
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
