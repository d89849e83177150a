import type { ImportProgress } from '@/hooks/useImport';

/**
 * What the page is busy with (reading a file, importing, exporting, backing up), over the page at
 * the top: announced, measured when it can be, stoppable where that is safe; never moving the layout.
 */
export function ProgressBar({ progress }: { progress: ImportProgress | null }) {
  if (!progress) return null;
  return (
    <div className="progress" role="status">
      <span>{progress.label}</span>
      <progress aria-label={progress.label} max={1} value={progress.done ?? undefined} />
      {progress.cancel && (
        <button type="button" className="small-button" onClick={progress.cancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
