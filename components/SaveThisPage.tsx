import type { ActiveTabPaper } from '@/hooks/useActiveTabPaper';

/**
 * "Save this page" for the tab behind the popup when its address names a paper: the way to
 * save from PDF and HTML views, where no button can be put into the page.
 */
export function SaveThisPage({ paper, status, attempt, save }: ActiveTabPaper) {
  if (!paper) return null;
  const label = `arXiv ${paper.arxivId}${paper.version ? `v${paper.version}` : ''}`;
  const button = (name: string) => (
    <button type="button" className="save-page" onClick={save} aria-disabled={attempt.kind === 'saving' || undefined}>
      {name}
    </button>
  );

  if (attempt.kind === 'saving') {
    return (
      <div className="this-page">
        <span role="status">Saving {label}: fetching its details from arXiv…</span>
        {button('Save this page')}
      </div>
    );
  }
  if (attempt.kind === 'failed') {
    return (
      <div className="this-page this-page-failed">
        <span role="alert">
          Couldn't save {label}: {attempt.message}
        </span>
        {button('Retry')}
      </div>
    );
  }
  if (attempt.kind === 'saved' && attempt.incomplete) {
    return (
      <div className="this-page">
        <span role="status">
          Saved {label}, incomplete: {attempt.note ?? 'some details are missing.'}
        </span>
        {button('Retry')}
      </div>
    );
  }
  if (attempt.kind === 'saved' && status?.saved) {
    return (
      <div className="this-page">
        <span role="status">Saved {label} to your library.</span>
      </div>
    );
  }
  if (status === undefined) return null;

  let text = `This tab shows ${label}.`;
  if (status.saved && status.incomplete) text = `${label} is in your library, incomplete.`;
  else if (status.saved && paper.version && paper.version > status.version) {
    text = `Your library has v${status.version}; this tab shows v${paper.version}.`;
  } else if (status.saved) {
    return (
      <div className="this-page">
        <span>This tab's paper ({label}) is in your library.</span>
      </div>
    );
  }
  return (
    <div className="this-page">
      <span>{text}</span>
      {button('Save this page')}
    </div>
  );
}
