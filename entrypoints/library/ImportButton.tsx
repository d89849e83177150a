import { useRef } from 'react';

/** Import: a button that opens the file chooser (the input itself is hidden, its label kept). */
export function ImportButton({ onImport }: { onImport(file: File): void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
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
    </>
  );
}
