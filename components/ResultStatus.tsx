import { resultLine } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';

/** Whether the library is empty; undefined while nothing has loaded yet. */
export function isEmpty(engine: { size: number } | null, recent: Paper[] | undefined): boolean | undefined {
  if (engine) return engine.size === 0;
  return recent ? recent.length === 0 : undefined;
}

/** The line above the results: how many match, or what to do when the library is empty. */
export function ResultStatus({ query, count, relaxed, empty }: { query: string; count: number | undefined; relaxed: boolean; empty: boolean | undefined }) {
  if (empty === undefined) return <p className="status">Opening your library…</p>;
  if (empty) {
    return (
      <div className="status empty">
        <p>
          <strong>Your library is empty.</strong>
        </p>
        <p>Click Save to Paperdex beside a paper on arXiv or Hugging Face, and find it here by any word you remember.</p>
      </div>
    );
  }
  if (count === undefined) return <p className="status">Searching…</p>;
  return (
    <p className="status" role="status">
      {resultLine(query, count, relaxed)}
    </p>
  );
}
