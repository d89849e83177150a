import { useRef } from 'react';
import { paperCount } from '@/utils/paper/display';

interface Props {
  total: number;
  onExport(): void;
  onImport(file: File): void;
}

/** The page's title, the library's size, and Export / Import. */
export function LibraryHeader({ total, onExport, onImport }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <header className="library-header">
      <h1>Paperdex library</h1>
      <p className="count">{paperCount(total)}</p>
      <div className="header-actions">
        <button type="button" onClick={onExport} disabled={!total}>
          Export
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import
        </button>
        <input
          ref={fileInput}
          type="file"
          className="visually-hidden"
          aria-label="Choose a file to import"
          tabIndex={-1}
          accept=".json,.bib,.bibtex,.csv,application/json,text/csv,application/x-bibtex,text/plain"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared at once, so that choosing the same file again reads it again.
            e.target.value = '';
            if (file) onImport(file);
          }}
        />
      </div>
    </header>
  );
}
