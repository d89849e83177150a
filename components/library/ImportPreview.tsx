import type { ImportPreviewData } from '@/utils/import/worker-protocol';
import { formatCount } from '@/utils/paper/display';
import { FIX_TEXT } from '@/utils/paper/repair';
import type { Paper } from '@/utils/paper/schema';
import { Modal } from './Modal';
import { bytes } from './StorageSection';

interface Props {
  preview: ImportPreviewData;
  /** Bytes the browser still lets Paperdex store, when known. */
  spaceLeft: number | null;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** How a changed field is named in the preview. */
const FIELD_NAMES: Partial<Record<keyof Paper, string>> = {
  title: 'title',
  authors: 'authors',
  abstract: 'abstract',
  published: 'date',
  updated: 'version date',
  version: 'version',
  categories: 'categories',
  doi: 'DOI',
  journalRef: 'journal reference',
  withdrawn: 'withdrawn',
  incomplete: 'now complete',
  sources: 'sources',
  tags: 'tags',
  notes: 'notes',
  readingStatus: 'reading status',
  savedAt: 'first saved',
};

const SHOWN = 200;

/** What an import will do, before it does it: new papers, what it changes in each paper you have, unchanged, skipped entries and why. */
export function ImportPreview({ preview, spaceLeft, busy, onConfirm, onCancel }: Props) {
  const writes = preview.additions + preview.updates;
  const n = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;
  return (
    <Modal labelledBy="import-title" onClose={() => !busy && onCancel()} className="import-dialog">
      <h2 id="import-title">Import {preview.fileName}</h2>
      <ul className="import-summary">
        <li>{n(preview.additions, 'new paper', 'new papers')}</li>
        <li>{n(preview.updates, 'update to a paper you have', 'updates to papers you have')} (finer details win; tags united, notes appended)</li>
        <li>{n(preview.unchanged, 'paper unchanged', 'papers unchanged')} (already in your library, nothing to add)</li>
        <li>{n(preview.invalid.length, 'entry skipped', 'entries skipped')}</li>
      </ul>
      {preview.lenient.length > 0 && (
        <p className="import-lenient">
          Read leniently, where the meaning was clear: {preview.lenient.map((l) => `${FIX_TEXT[l.fix]} (${n(l.count, 'entry', 'entries')})`).join('; ')}.
        </p>
      )}
      {spaceLeft !== null && spaceLeft < preview.bytes * 3 && (
        <p role="alert" className="banner banner-error">
          This import needs about {bytes(preview.bytes * 3)} of storage and your browser lets Paperdex use only {bytes(Math.max(0, spaceLeft))} more.
          Free some disk space first: an import that does not fit writes nothing.
        </p>
      )}
      {preview.changes.length > 0 && (
        <details open={preview.changes.length <= 10}>
          <summary>What changes in the papers you have</summary>
          <ul className="import-changes">
            {preview.changes.slice(0, SHOWN).map((c) => (
              <li key={c.id}>
                <strong>{c.title}</strong>: {c.fields.map((f) => FIELD_NAMES[f] ?? f).join(', ')}
              </li>
            ))}
            {preview.changes.length > SHOWN && <li>… and {formatCount(preview.changes.length - SHOWN)} more.</li>}
          </ul>
        </details>
      )}
      {preview.invalid.length > 0 && (
        <details open={preview.invalid.length <= 10}>
          <summary>Skipped entries and why</summary>
          <ul className="import-invalid">
            {preview.invalid.slice(0, 500).map((p, i) => (
              <li key={i}>
                <strong>{p.where}</strong>: {p.reason}
              </li>
            ))}
            {preview.invalid.length > 500 && <li>… and {preview.invalid.length - 500} more.</li>}
          </ul>
        </details>
      )}
      <div className="dialog-buttons">
        <button type="button" className="primary" autoFocus disabled={busy || writes === 0} onClick={onConfirm}>
          {writes ? `Import ${n(writes, 'paper', 'papers')}` : 'Nothing to import'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
