import { useState } from 'react';
import type { Selection } from '@/hooks/useSelection';
import type { PaperChange } from '@/utils/paper/change';
import { paperCount } from '@/utils/paper/display';
import { normalizeTags } from '@/utils/paper/tags';
import { StatusMenu } from '../StatusMenu';

interface Props {
  selection: Selection;
  /** How many papers are in view, and whether they are a search's matches. */
  inView: number;
  searching: boolean;
  /** No paper has every word: these match all but one. */
  relaxed: boolean;
  knownTags: readonly string[];
  /** Applies a change to the selected papers; resolves once written (or refused). */
  onChange(change: PaperChange, done: string): Promise<unknown>;
  onExport(): void;
  onDelete(): void;
}

/** Select all, and what can be done to the ticked papers at once: tag, set status, export, delete. */
export function BulkActions({ selection, inView, searching, relaxed, knownTags, onChange, onExport, onDelete }: Props) {
  const [draft, setDraft] = useState('');
  const tags = normalizeTags(draft);
  const count = selection.inView.length;
  const tag = (change: PaperChange, done: string) => void onChange(change, done).then(() => setDraft(''));
  return (
    <div className="bulk" role="group" aria-label="Selection">
      <label>
        <input type="checkbox" checked={selection.allSelected} disabled={!inView} onChange={selection.toggleAll} /> Select all{' '}
        {searching ? 'matching' : ''} ({paperCount(inView)})
      </label>
      <span className="count">
        {count
          ? `${paperCount(count)} selected`
          : relaxed
            ? 'No paper has every word; these match all but one.'
            : 'Tick papers (Shift-click or Shift+Space for a range) to act on several.'}
      </span>
      {count > 0 && (
        <>
          <label className="visually-hidden" htmlFor="bulk-tags">
            Tags for the selected papers
          </label>
          <input
            id="bulk-tags"
            list="known-tags"
            className="tag-input"
            placeholder="tags…"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the tags typed, as "Add tag" does.
              if (e.key === 'Enter' && tags.length) {
                e.preventDefault();
                tag({ addTags: tags }, 'Tagged {n}.');
              }
            }}
          />
          <datalist id="known-tags">
            {knownTags.slice(0, 200).map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <button type="button" disabled={!tags.length} onClick={() => tag({ addTags: tags }, 'Tagged {n}.')}>
            Add tag
          </button>
          <button type="button" disabled={!tags.length} onClick={() => tag({ removeTags: tags }, 'Untagged {n}.')}>
            Remove tag
          </button>
          <StatusMenu label="Set status" showValue placeholder="Set status…" value={undefined} onChange={(readingStatus) => void onChange({ readingStatus }, 'Status set for {n}.')} />
          <button type="button" onClick={onExport}>
            Export selection
          </button>
          <button type="button" className="danger" onClick={onDelete}>
            Delete
          </button>
        </>
      )}
    </div>
  );
}
