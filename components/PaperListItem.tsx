import type { KeyboardEvent, MouseEvent } from 'react';
import { paperYear, shortAuthors, type Paper } from '@/utils/paper';

interface Props {
  paper: Paper;
  selected: boolean;
  onOpen(paper: Paper, event: MouseEvent | KeyboardEvent): void;
  onRemove(paper: Paper): void;
  onSelect(): void;
}

/** One saved paper: title (opens the abstract page), first authors, year, and a Remove action. */
export function PaperListItem({ paper, selected, onOpen, onRemove, onSelect }: Props) {
  return (
    <li
      className={selected ? 'paper selected' : 'paper'}
      aria-current={selected ? 'true' : undefined}
      data-paper-id={paper.id}
      onMouseEnter={onSelect}
    >
      <div className="paper-main">
        <a className="paper-title" href={paper.url} onClick={(event) => onOpen(paper, event)}>
          {paper.title}
        </a>
        <div className="paper-meta">
          <span>{shortAuthors(paper.authors)}</span>
          <span> · {paperYear(paper)}</span>
        </div>
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
}
