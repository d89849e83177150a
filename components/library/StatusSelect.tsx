import { useId } from 'react';
import { READING_STATUSES, READING_STATUS_LABELS, type ReadingStatus } from '@/utils/paper/vocabulary';

/** To read / Reading / Read, or not set. */
export function StatusSelect({ value, onChange, label = 'Reading status', hideLabel = false }: { value: ReadingStatus | undefined; onChange(status: ReadingStatus | null): void; label?: string; hideLabel?: boolean }) {
  const id = useId();
  return (
    <span className="status-select">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange((e.target.value || null) as ReadingStatus | null)}>
        <option value="">—</option>
        {READING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {READING_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </span>
  );
}
