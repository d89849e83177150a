import { SORTS, type Sort } from '@/hooks/useSortedIds';
import { paperCount } from '@/utils/paper/display';

interface Props {
  query: string;
  onQuery(query: string): void;
  sort: Sort;
  onSort(sort: Sort): void;
  matches: number;
}

/** The search box, the sort order, and how many papers match. */
export function SearchToolbar({ query, onQuery, sort, onSort, matches }: Props) {
  const searching = Boolean(query.trim());
  return (
    <div className="toolbar">
      <input
        className="search"
        type="search"
        aria-label="Search papers"
        placeholder="Search titles, authors, abstracts, tags, notes…"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
      />
      <label>
        Sort by{' '}
        <select value={sort} onChange={(e) => onSort(e.target.value as Sort)}>
          {(Object.keys(SORTS) as Sort[])
            .filter((s) => s !== 'relevance' || searching)
            .map((s) => (
              <option key={s} value={s}>
                {SORTS[s]}
              </option>
            ))}
        </select>
      </label>
      <span className="count">{searching ? `${paperCount(matches)} match` : ''}</span>
    </div>
  );
}
