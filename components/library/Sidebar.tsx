import { formatCount } from '@/utils/paper/display';
import type { SearchEngine } from '@/utils/search/engine';
import { flagWord, tagWord } from '@/utils/search/text';
import { READING_STATUSES, READING_STATUS_LABELS } from '@/utils/paper/vocabulary';

interface Props {
  engine: SearchEngine | null;
  /** Bumped when the library changes: the counts follow. */
  revision: number;
  tags: readonly string[];
  query: string;
  /** Puts a filter into the search, or takes it out when it is there. */
  onToggleFilter(filter: string): void;
  /** What needs the user: papers waiting or given up on, records to repair. */
  attention: { text: string; onOpen(): void }[];
}

/** The filter a tag adds to the search: tag:x, quoted when it holds spaces. */
export const tagFilter = (tag: string) => (/\s/.test(tag) ? `tag:"${tag}"` : `tag:${tag}`);

const STATUS_FILTERS = [...READING_STATUSES.map((s) => ({ filter: `status:${s}`, label: READING_STATUS_LABELS[s], term: flagWord('status', s) })), { filter: 'status:none', label: 'No status', term: flagWord('status', 'none') }];

/** Reading statuses and tags with how many papers have each: a click filters, as the search syntax does. */
export function Sidebar({ engine, revision, tags, query, onToggleFilter, attention }: Props) {
  const active = (filter: string) => query.split(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/).includes(filter);
  const count = (term: string) => (engine ? engine.count(term) : undefined);
  void revision;
  const item = (filter: string, label: string, n: number | undefined) => (
    <li key={filter}>
      <button type="button" className="filter" aria-pressed={active(filter)} onClick={() => onToggleFilter(filter)}>
        <span className="filter-label">{label}</span>
        {n !== undefined && <span className="filter-count">{formatCount(n)}</span>}
      </button>
    </li>
  );
  return (
    <nav className="sidebar" aria-label="Filters">
      <h2>Reading status</h2>
      <ul>{STATUS_FILTERS.map((s) => item(s.filter, s.label, count(s.term)))}</ul>
      <h2>Marks</h2>
      <ul>
        {item('is:published', 'Published', count(flagWord('is', 'published')))}
        {item('has:code', 'Has code', count(flagWord('has', 'code')))}
        {item('is:incomplete', 'Incomplete', count(flagWord('is', 'incomplete')))}
      </ul>
      <h2>Tags</h2>
      {tags.length ? <ul>{tags.map((t) => item(tagFilter(t), t, count(tagWord(t))))}</ul> : <p className="hint">Tags you add show here.</p>}
      {attention.length > 0 && (
        <div className="attention">
          {attention.map((a) => (
            <button key={a.text} type="button" className="link-button" onClick={a.onOpen}>
              {a.text}
            </button>
          ))}
        </div>
      )}
    </nav>
  );
}
