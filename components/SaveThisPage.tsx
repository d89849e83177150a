import type { ActiveTabState } from '@/hooks/useActiveTabPaper';

/**
 * "Save this page" for the tab behind the popup when its address names a paper: the way to
 * save from PDF and HTML views, where no button can be put into the page.
 */
export function SaveThisPage({ state, onSave }: { state: ActiveTabState; onSave(): void }) {
  if (state.kind === 'none') return null;
  const label = `arXiv ${state.ref.arxivId}${state.ref.version ? `v${state.ref.version}` : ''}`;
  let body;
  switch (state.kind) {
    case 'ready':
      body = state.status?.saved && !state.status.incomplete ? (
        <span>This tab's paper ({label}) is in your library.</span>
      ) : (
        <>
          <span>This tab shows {label}.</span>
          <button type="button" className="save-page" onClick={onSave}>
            Save this page
          </button>
        </>
      );
      break;
    case 'saving':
      body = (
        <>
          <span role="status">Saving {label}: fetching its details from arXiv…</span>
          <button type="button" className="save-page" aria-disabled="true">
            Save this page
          </button>
        </>
      );
      break;
    case 'saved':
      body = state.incomplete ? (
        <>
          <span role="status">
            Saved {label}, incomplete: {state.note ?? 'some details are missing.'}
          </span>
          <button type="button" className="save-page" onClick={onSave}>
            Retry
          </button>
        </>
      ) : (
        <span role="status">Saved {label} to your library.</span>
      );
      break;
    case 'failed':
      body = (
        <>
          <span role="alert">
            Couldn't save {label}: {state.message}
          </span>
          <button type="button" className="save-page" onClick={onSave}>
            Retry
          </button>
        </>
      );
      break;
  }
  return <div className={`this-page this-page-${state.kind}`}>{body}</div>;
}
