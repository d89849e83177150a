import { memo, type MouseEvent } from 'react';
import type { PaperChange } from '@/utils/paper/change';
import { INCOMPLETE_HINT, paperYear, shortAuthors } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import { READING_STATUS_LABELS } from '@/utils/paper/vocabulary';
import { highlight, snippet } from '@/utils/search/highlight';
import { Highlighted } from './Highlighted';
import { PublicationBadges } from './PublicationBadges';
import { RowActions } from './RowActions';

interface Props {
  id: string;
  paper: Paper | undefined;
  terms: ReadonlySet<string>;
  selected: boolean;
  /** The user has chosen a row (arrows, pointer, focus): the selected row shows its actions. */
  engaged: boolean;
  position: number;
  total: number;
  onOpen(paper: Paper, event: MouseEvent): void;
  onChange(paper: Paper, change: PaperChange): void;
  onCopy(paper: Paper, as: 'bibtex' | 'markdown'): void;
  onOpenPdf(paper: Paper): void;
  onRemove(paper: Paper): void;
  knownTags: readonly string[];
  onSelect(index: number): void;
}

/**
 * One search result: the title (opens the abstract page), first authors and year, reading status
 * and marks, every tag, and a line of the abstract around the best match, matched words
 * highlighted. The selected row, once the user is choosing, shows its actions.
 */
export const ResultRow = memo(function ResultRow(props: Props) {
  const { id, paper, terms, selected, engaged, position, total, onOpen, onSelect } = props;
  const select = () => onSelect(position);
  const common = {
    'data-index': position,
    'data-paper-id': id,
    'aria-setsize': total,
    'aria-posinset': position + 1,
    'aria-current': selected ? ('true' as const) : undefined,
    className: selected ? 'paper selected' : 'paper',
    onMouseMove: selected && engaged ? undefined : select,
    onFocus: selected && engaged ? undefined : select,
  };
  if (!paper) {
    return (
      <li {...common} aria-busy="true">
        <span className="paper-title placeholder">Loading…</span>
      </li>
    );
  }
  return (
    <li {...common}>
      <RowText paper={paper} terms={terms} onOpen={onOpen} />
      {selected && engaged && (
        <RowActions
          paper={paper}
          knownTags={props.knownTags}
          onChange={(change) => props.onChange(paper, change)}
          onCopy={(as) => props.onCopy(paper, as)}
          onOpenPdf={() => props.onOpenPdf(paper)}
          onRemove={() => props.onRemove(paper)}
        />
      )}
    </li>
  );
});

/**
 * What a row shows of its paper, highlighted. Its own memoised part: a keystroke that keeps a
 * row's paper and matched words (the engine hands out the same terms set) renders nothing here,
 * while the row's position, count and selection still update.
 */
const RowText = memo(function RowText({ paper, terms, onOpen }: { paper: Paper; terms: ReadonlySet<string>; onOpen: Props['onOpen'] }) {
  const abstract = snippet(paper.abstract, terms);
  return (
    <>
      <a className="paper-title" href={paper.url} onClick={(event) => onOpen(paper, event)}>
        <Highlighted segments={highlight(paper.title, terms)} />
      </a>
      <div className="paper-meta">
        <span className="paper-byline">
          <Highlighted segments={highlight(shortAuthors(paper.authors), terms)} />
          <span> · {paperYear(paper)}</span>
        </span>
        {paper.readingStatus && <span className="badge badge-status">{READING_STATUS_LABELS[paper.readingStatus]}</span>}
        {paper.incomplete && (
          <span className="badge" title={INCOMPLETE_HINT}>
            incomplete
          </span>
        )}
        {paper.withdrawn && <span className="badge badge-withdrawn">withdrawn</span>}
        <PublicationBadges paper={paper} links />
      </div>
      {paper.tags.length > 0 && (
        <div className="paper-tags">
          {paper.tags.map((tag) => (
            <span key={tag} className="tag">
              <Highlighted segments={highlight(tag, terms)} />
            </span>
          ))}
        </div>
      )}
      {abstract.length > 0 && (
        <div className="paper-snippet">
          <Highlighted segments={abstract} />
        </div>
      )}
    </>
  );
});
