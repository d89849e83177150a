import { memo, type CSSProperties, type MouseEvent } from 'react';
import type { PaperChange } from '@/utils/paper/change';
import { paperYear, shortAuthors } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import { highlight, snippet } from '@/utils/search/highlight';
import { Highlighted } from './Highlighted';
import { StatusSelect } from './library/StatusSelect';
import { TagEditor } from './library/TagEditor';

interface Props {
  id: string;
  paper: Paper | undefined;
  terms: ReadonlySet<string>;
  selected: boolean;
  position: number;
  total: number;
  style: CSSProperties;
  onOpen(paper: Paper, event: MouseEvent): void;
  onRemove(paper: Paper): void;
  /** Tags and reading status, edited in place on the selected row. */
  onChange(paper: Paper, change: PaperChange): void;
  onCopy(paper: Paper, as: 'bibtex' | 'markdown'): void;
  knownTags: readonly string[];
  onSelect(): void;
  measure(element: HTMLElement | null): void;
}

/**
 * One search result: the title (opens the abstract page), first authors, year and tags, and a
 * line of the abstract around the best match, matched words highlighted; a Remove action.
 */
export const ResultRow = memo(function ResultRow({ id, paper, terms, selected, position, total, style, onOpen, onRemove, onChange, onCopy, knownTags, onSelect, measure }: Props) {
  const common = {
    ref: measure,
    style,
    'data-index': position,
    'data-paper-id': id,
    'aria-setsize': total,
    'aria-posinset': position + 1,
    'aria-current': selected ? ('true' as const) : undefined,
    className: selected ? 'paper selected' : 'paper',
    onMouseMove: selected ? undefined : onSelect,
  };
  if (!paper) {
    return (
      <li {...common} aria-busy="true">
        <div className="paper-main">
          <span className="paper-title placeholder">Loading…</span>
        </div>
      </li>
    );
  }
  const abstract = snippet(paper.abstract, terms);
  return (
    <li {...common}>
      <div className="paper-main">
        <a className="paper-title" href={paper.url} onClick={(event) => onOpen(paper, event)}>
          <Highlighted segments={highlight(paper.title, terms)} />
        </a>
        <div className="paper-meta">
          <Highlighted segments={highlight(shortAuthors(paper.authors), terms)} />
          <span> · {paperYear(paper)}</span>
          {paper.withdrawn && <span className="badge badge-withdrawn">withdrawn</span>}
          {paper.incomplete && (
            <span className="badge" title="Saved without its abstract, authors or exact date: save it again to complete it">
              incomplete
            </span>
          )}
          {paper.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </div>
        {abstract.length > 0 && (
          <div className="paper-snippet">
            <Highlighted segments={abstract} />
          </div>
        )}
        {selected && (
          <div className="paper-actions">
            <StatusSelect hideLabel value={paper.readingStatus} onChange={(readingStatus) => onChange(paper, { readingStatus })} />
            <TagEditor compact tags={paper.tags} known={knownTags} onAdd={(addTags) => onChange(paper, { addTags })} onRemove={(tag) => onChange(paper, { removeTags: [tag] })} />
            <button type="button" className="small-button" onClick={() => onCopy(paper, 'bibtex')}>
              Copy BibTeX
            </button>
            <button type="button" className="small-button" onClick={() => onCopy(paper, 'markdown')}>
              Copy Markdown
            </button>
          </div>
        )}
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label="Remove"
        title={`Remove “${paper.title}” from your library`}
        onClick={() => onRemove(paper)}
      >
        ✕
      </button>
    </li>
  );
});
