import { useState } from 'react';
import type { PaperChange } from '@/utils/paper/change';
import type { Paper } from '@/utils/paper/schema';
import { BibtexIcon, MarkdownIcon, PdfIcon, TagIcon, TrashIcon } from './icons';
import { TagEditor } from './library/TagEditor';
import { StatusMenu } from './StatusMenu';

interface Props {
  paper: Paper;
  knownTags: readonly string[];
  onChange(change: PaperChange): void;
  onCopy(as: 'bibtex' | 'markdown'): void;
  onOpenPdf(): void;
  onRemove(): void;
}

/** What can be done to the selected result, in one row of named icon buttons. */
export function RowActions({ paper, knownTags, onChange, onCopy, onOpenPdf, onRemove }: Props) {
  const [tagging, setTagging] = useState(false);
  return (
    <div className="paper-actions">
      <div className="action-row" role="toolbar" aria-label="Paper actions">
        <StatusMenu value={paper.readingStatus} onChange={(readingStatus) => onChange({ readingStatus })} />
        <button type="button" className="icon-button" aria-label="Edit tags" title="Tags" aria-expanded={tagging} onClick={() => setTagging(!tagging)}>
          <TagIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Copy BibTeX" title="Copy as BibTeX" onClick={() => onCopy('bibtex')}>
          <BibtexIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Copy Markdown" title="Copy as Markdown" onClick={() => onCopy('markdown')}>
          <MarkdownIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Open PDF" title="Open the PDF (Ctrl+Enter)" onClick={onOpenPdf}>
          <PdfIcon />
        </button>
        <button type="button" className="icon-button danger" aria-label="Remove" title={`Remove “${paper.title}” from your library`} onClick={onRemove}>
          <TrashIcon />
        </button>
      </div>
      {tagging && (
        <TagEditor compact autoFocus tags={paper.tags} known={knownTags} onAdd={(addTags) => onChange({ addTags })} onRemove={(tag) => onChange({ removeTags: [tag] })} />
      )}
    </div>
  );
}
