import { useId, useState } from 'react';
import type { CiteOptions } from '@/utils/export/citation';
import { EXPORT_FORMATS, type ExportFormat, type ExportScope } from '@/utils/export/formats';
import { paperCount } from '@/utils/paper/display';
import { Modal } from './Modal';

interface Props {
  counts: { all: number; search: number | null; selection: number };
  tags: readonly string[];
  busy: boolean;
  onExport(format: ExportFormat, scope: ExportScope, options: CiteOptions): void;
  onClose(): void;
}

/** Choose a format and what to export: the whole library, the current search, the selection, or a tag. */
export function ExportDialog({ counts, tags, busy, onExport, onClose }: Props) {
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [scope, setScope] = useState<ExportScope['kind']>(counts.selection ? 'selection' : 'all');
  const [tag, setTag] = useState(tags[0] ?? '');
  const [asPublished, setAsPublished] = useState(true);
  const formatId = useId();
  const tagId = useId();
  const n = paperCount;
  return (
    <Modal labelledBy="export-title" onClose={onClose} className="export-dialog">
      <h2 id="export-title">Export</h2>
      <label htmlFor={formatId}>Format</label>
      <select id={formatId} autoFocus value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => (
          <option key={f} value={f}>
            {EXPORT_FORMATS[f].label}
          </option>
        ))}
      </select>
      {EXPORT_FORMATS[format].cites && (
        <label className="cite-option">
          <input type="checkbox" checked={asPublished} onChange={(e) => setAsPublished(e.target.checked)} /> Cite preprints as published when known
        </label>
      )}
      <fieldset>
        <legend>Papers</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Whole library ({n(counts.all)})
        </label>
        {counts.search !== null && (
          <label>
            <input type="radio" name="scope" checked={scope === 'search'} onChange={() => setScope('search')} /> Current search ({n(counts.search)})
          </label>
        )}
        <label>
          <input type="radio" name="scope" checked={scope === 'selection'} disabled={!counts.selection} onChange={() => setScope('selection')} /> Selection (
          {n(counts.selection)})
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'tag'} disabled={!tags.length} onChange={() => setScope('tag')} /> Tag
        </label>
        {scope === 'tag' && (
          <>
            <label htmlFor={tagId} className="visually-hidden">
              Tag to export
            </label>
            <select id={tagId} value={tag} onChange={(e) => setTag(e.target.value)}>
              {tags.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </>
        )}
      </fieldset>
      <div className="dialog-buttons">
        <button type="button" className="primary" disabled={busy} onClick={() => onExport(format, scope === 'tag' ? { kind: 'tag', tag } : { kind: scope }, { asPublished })}>
          Download
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
