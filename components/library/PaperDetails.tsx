import { useCallback, useEffect, useRef, useState } from 'react';
import { paperAsBibtex, paperAsMarkdown } from '@/utils/export/clipboard';
import type { PaperChange } from '@/utils/paper/change';
import { paperYear } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import { CloseIcon } from '../icons';
import { PublicationBadges } from '../PublicationBadges';
import { StatusMenu } from '../StatusMenu';
import { TagEditor } from './TagEditor';
import { VenueSection } from './VenueSection';

interface Props {
  paper: Paper;
  knownTags: readonly string[];
  onChange(change: PaperChange): void;
  onCopied(what: string): void;
  onClose(): void;
  /** Whether venue lookups are on ("Check now"). */
  lookupsOn: boolean;
  onCheckNow(): void;
}

/** One paper in full, with where it was published, its tags, notes (plain text, kept as typed) and reading status. */
export function PaperDetails({ paper, knownTags, onChange, onCopied, onClose, lookupsOn, onCheckNow }: Props) {
  // What is being typed, until it is stored; otherwise the stored notes (which may change elsewhere).
  const [draft, setDraft] = useState<string | null>(null);
  const notes = draft ?? paper.notes;
  const latest = useRef({ draft, paper, onChange });
  useEffect(() => {
    latest.current = { draft, paper, onChange };
  });
  const saveNotes = useCallback(() => {
    const { draft: typed, paper: stored, onChange: save } = latest.current;
    if (typed !== null && typed !== stored.notes) save({ notes: typed });
  }, []);
  // Saved a moment after typing stops, when the panel closes, and when the page goes away.
  useEffect(() => {
    if (draft === null) return;
    const timer = setTimeout(saveNotes, 800);
    return () => clearTimeout(timer);
  }, [draft, saveNotes]);
  useEffect(() => {
    window.addEventListener('pagehide', saveNotes);
    return () => {
      window.removeEventListener('pagehide', saveNotes);
      saveNotes();
    };
  }, [saveNotes]);
  // Once stored, the draft is the stored text: show the store again.
  if (draft !== null && draft === paper.notes) setDraft(null);
  const copy = (what: string, text: string) => {
    navigator.clipboard.writeText(text).then(
      () => onCopied(`Copied ${what} for “${paper.title}”.`),
      () => onCopied(`Couldn't copy ${what}: the browser refused the clipboard.`),
    );
  };
  return (
    <section className="details" aria-label="Paper details">
      <button type="button" className="icon-button details-close" aria-label="Close details" onClick={onClose}>
        <CloseIcon size={14} />
      </button>
      <h2 className="details-title">
        <a href={paper.url} target="_blank" rel="noreferrer">
          {paper.title}
        </a>
      </h2>
      <p className="details-meta">
        {paper.authors.join(', ') || 'Authors unknown'} · {paperYear(paper)} · arXiv:{paper.arxivId} v{paper.version}
        {paper.withdrawn && <span className="badge badge-withdrawn">withdrawn</span>}
        {paper.incomplete && <span className="badge">incomplete</span>}
        <PublicationBadges paper={paper} links />
      </p>
      <p className="details-links">
        <a href={paper.url} target="_blank" rel="noreferrer">
          Abstract page
        </a>{' '}
        ·{' '}
        <a href={paper.pdfUrl} target="_blank" rel="noreferrer">
          PDF
        </a>{' '}
        · <button type="button" className="link-button" onClick={() => copy('BibTeX', paperAsBibtex(paper))}>Copy BibTeX</button> ·{' '}
        <button type="button" className="link-button" onClick={() => copy('Markdown', paperAsMarkdown(paper))}>Copy Markdown</button>
      </p>
      <VenueSection paper={paper} lookupsOn={lookupsOn} onChange={onChange} onCheckNow={onCheckNow} />
      <StatusMenu showValue value={paper.readingStatus} onChange={(readingStatus) => onChange({ readingStatus })} />
      <TagEditor tags={paper.tags} known={knownTags} onAdd={(addTags) => onChange({ addTags })} onRemove={(tag) => onChange({ removeTags: [tag] })} />
      <label className="notes-label">
        Notes
        <textarea className="notes" value={notes} rows={6} onChange={(e) => setDraft(e.target.value)} onBlur={saveNotes} />
      </label>
      <button type="button" className="small-button" onClick={saveNotes} disabled={notes === paper.notes}>
        {notes === paper.notes ? 'Notes saved' : 'Save notes'}
      </button>
      <h3 className="details-subtitle">Abstract</h3>
      <p className="details-abstract">{paper.abstract || 'No abstract saved.'}</p>
    </section>
  );
}
