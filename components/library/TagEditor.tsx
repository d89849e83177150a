import { useId, useState } from 'react';
import { normalizeTags } from '@/utils/paper/tags';

interface Props {
  tags: readonly string[];
  /** Every tag in the library, for autocomplete. */
  known: readonly string[];
  onAdd(tags: string[]): void;
  onRemove(tag: string): void;
  compact?: boolean;
  /** Focus the box when shown (opened from a button). */
  autoFocus?: boolean;
}

/** A paper's tags: each removable, and a box that adds tags as typed ("a, b" adds two), with autocomplete. */
export function TagEditor({ tags, known, onAdd, onRemove, compact = false, autoFocus = false }: Props) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const inputId = useId();
  const add = () => {
    const next = normalizeTags(draft);
    if (next.length) onAdd(next);
    setDraft('');
  };
  return (
    <div className={compact ? 'tag-editor compact' : 'tag-editor'}>
      <ul className="tag-list" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => onRemove(tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={inputId} className="visually-hidden">
        Add tags
      </label>
      <input
        id={inputId}
        className="tag-input"
        autoFocus={autoFocus}
        list={listId}
        value={draft}
        placeholder="Add tags…"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            e.stopPropagation();
            add();
          }
        }}
      />
      <datalist id={listId}>
        {known
          .filter((t) => !tags.includes(t))
          .slice(0, 200)
          .map((t) => (
            <option key={t} value={t} />
          ))}
      </datalist>
      <button type="button" className="small-button" onClick={add} disabled={!draft.trim()}>
        Add tag
      </button>
    </div>
  );
}
