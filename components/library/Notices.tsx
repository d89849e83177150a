import type { ImportProgress } from '@/hooks/useImport';
import type { Notice } from '@/hooks/useNotice';

interface Props {
  progress: ImportProgress | null;
  notice: Notice;
  /** Search failed to open: the papers are still there. */
  searchError: Error | null;
  onDismiss(): void;
  undo: { text: string; onUndo(): void } | null;
}

/** What the page is doing, what just happened or went wrong, and Undo after a delete. */
export function Notices({ progress, notice, searchError, onDismiss, undo }: Props) {
  return (
    <>
      {progress && (
        <div className="progress" role="status">
          <span>{progress.label}</span> <progress aria-label={progress.label} max={1} value={progress.done ?? undefined} />
          {progress.cancel && (
            <button type="button" onClick={progress.cancel}>
              Cancel
            </button>
          )}
        </div>
      )}
      {(notice || searchError) && (
        <div role={notice?.kind === 'info' ? 'status' : 'alert'} className={`banner ${notice?.kind === 'info' ? 'banner-info' : 'banner-error'}`}>
          {notice?.text ?? `Search is unavailable: ${searchError?.message}. Your saved papers are untouched.`}
          <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
      {undo && (
        <div role="status" className="banner banner-info">
          {undo.text}{' '}
          <button type="button" onClick={undo.onUndo}>
            Undo
          </button>
        </div>
      )}
    </>
  );
}
