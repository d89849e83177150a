import type { ImportPlan } from '@/hooks/useImport';

interface Props {
  fileName: string;
  plan: ImportPlan;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** What an import will do, before it does it: new papers, updates, unchanged, invalid entries and why. */
export function ImportPreview({ fileName, plan, busy, onConfirm, onCancel }: Props) {
  const writes = plan.additions.length + plan.updates.length;
  const n = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
  return (
    <section className="dialog" role="dialog" aria-modal="false" aria-labelledby="import-title" onKeyDown={(e) => e.key === 'Escape' && !busy && onCancel()}>
      <h2 id="import-title">Import {fileName}</h2>
      <ul className="import-summary">
        <li>{n(plan.additions.length, 'new paper', 'new papers')}</li>
        <li>{n(plan.updates.length, 'update to a paper you have', 'updates to papers you have')} (tags united, notes appended, newer details win)</li>
        <li>{n(plan.unchanged, 'paper already up to date', 'papers already up to date')}</li>
        <li>{n(plan.invalid.length, 'entry skipped', 'entries skipped')}</li>
      </ul>
      {plan.invalid.length > 0 && (
        <details open={plan.invalid.length <= 10}>
          <summary>Skipped entries and why</summary>
          <ul className="import-invalid">
            {plan.invalid.slice(0, 500).map((p, i) => (
              <li key={i}>
                <strong>{p.where}</strong>: {p.reason}
              </li>
            ))}
            {plan.invalid.length > 500 && <li>… and {plan.invalid.length - 500} more.</li>}
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
    </section>
  );
}
