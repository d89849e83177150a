import { useId, useState, type FormEvent } from 'react';
import type { PaperChange } from '@/utils/paper/change';
import type { Paper, Venue } from '@/utils/paper/schema';
import { VENUE_KIND_LABELS, VENUE_KINDS, type VenueKind, type VenueSource } from '@/utils/paper/vocabulary';
import { collapseWhitespace } from '@/utils/paper/text';

interface Props {
  paper: Paper;
  /** Whether venue lookups are on (then "Check now" is offered). */
  lookupsOn: boolean;
  onChange(change: PaperChange): void;
  onCheckNow(): void;
}

const FOUND_BY: Record<VenueSource, string> = {
  arxiv: "from arXiv's journal reference",
  import: 'from an imported file',
  semanticscholar: 'found by Semantic Scholar',
  dblp: 'found by DBLP',
  user: 'as you wrote it',
};


const isWebAddress = (text: string) => /^https?:\/\/\S+$/i.test(text) && URL.canParse(text);

/** Volume, number and pages as a citation writes them: "17(59), 1–35". */
function details(venue: Venue): string {
  const volume = venue.volume ? `${venue.volume}${venue.number ? `(${venue.number})` : ''}` : '';
  return [volume, venue.pages ? `pp. ${venue.pages}` : '', venue.publisher ?? ''].filter(Boolean).join(', ');
}

/**
 * Where the paper was published ("Published as …", with the DOI, the published version and its
 * DBLP record), its code and project page, when that was last looked up, "Check now", and the
 * user's own venue and code link, which no lookup replaces.
 */
export function VenueSection({ paper, lookupsOn, onChange, onCheckNow }: Props) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { name: useId(), short: useId(), year: useId(), kind: useId(), repo: useId() };
  const { venue, code } = paper;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => collapseWhitespace(String(form.get(name) ?? ''));
    const name = text('name');
    const year = text('year');
    const repo = text('repo');
    if (year && !/^(19|2\d)\d\d$/.test(year)) return setError('The year is four digits, such as 2024.');
    if (repo && !isWebAddress(repo)) return setError('The code repository is a web address starting with https://.');
    const change: PaperChange = {};
    const kind = text('kind') as VenueKind;
    const short = text('short');
    const unchanged = venue ? name === venue.name && short === (venue.short ?? '') && year === String(venue.year ?? '') && kind === venue.kind : !name;
    if (!name) {
      if (venue) change.venue = null;
    } else if (!unchanged) {
      // What the user wrote over what was known: the details they did not touch (pages, DOI,
      // links) stay when the name and year are the same venue's.
      const same = venue && venue.name === name && String(venue.year ?? '') === year;
      const { short: _s, year: _y, ...kept } = same ? venue : { name, kind };
      const mine: Venue = { ...kept, name, kind, source: 'user' };
      if (short) mine.short = short;
      if (year) mine.year = Number(year);
      change.venue = mine;
    }
    if (repo !== (code?.repo ?? '')) change.code = repo ? { repo, ...(code?.projectPage ? { projectPage: code.projectPage } : {}), source: 'user' } : null;
    if (Object.keys(change).length) onChange(change);
    setError(null);
    setEditing(false);
  }

  const checked = paper.checkedAt ? new Date(paper.checkedAt) : null;
  return (
    <section className="venue" aria-labelledby={`${ids.name}-title`}>
      <h3 id={`${ids.name}-title`} className="details-subtitle">
        Publication
      </h3>
      {venue ? (
        <p className="venue-line">
          Published as <strong>{venue.name}</strong>
          {venue.year && !venue.name.includes(String(venue.year)) ? ` (${venue.year})` : ''}
          {details(venue) ? `, ${details(venue)}` : ''} <span className="hint">— {FOUND_BY[venue.source]}</span>
        </p>
      ) : (
        <p className="venue-line">{checked ? 'Not known to be published.' : 'Where it was published has not been looked up.'}</p>
      )}
      {(venue?.doi || venue?.url || venue?.dblpKey || code?.repo || code?.projectPage) && (
        <p className="details-links">
          {[
            venue?.doi && ['DOI', `https://doi.org/${venue.doi}`],
            venue?.url && !venue.url.includes(venue.doi ?? '\u0000') && ['Published version', venue.url],
            venue?.dblpKey && ['DBLP record', `https://dblp.org/rec/${venue.dblpKey}`],
            code?.repo && ['Code', code.repo],
            code?.projectPage && ['Project page', code.projectPage],
          ]
            .filter((link): link is [string, string] => Boolean(link))
            .map(([label, href], i) => (
              <span key={label}>
                {i > 0 && ' · '}
                <a href={href} target="_blank" rel="noreferrer">
                  {label}
                </a>
              </span>
            ))}
        </p>
      )}
      <p className="venue-actions">
        {checked && (
          <span className="hint">
            Checked <time dateTime={checked.toISOString()}>{checked.toLocaleDateString()}</time>.{' '}
          </span>
        )}
        {lookupsOn ? (
          <button type="button" className="link-button" onClick={onCheckNow}>
            Check now
          </button>
        ) : (
          <span className="hint">Turn on “Find where papers were published” in Settings to look it up.</span>
        )}{' '}
        · <button type="button" className="link-button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          Edit venue
        </button>
      </p>
      {editing && (
        <form className="venue-form" onSubmit={save} aria-label="Edit venue">
          <label htmlFor={ids.name}>Venue</label>
          <input id={ids.name} name="name" defaultValue={venue?.name ?? ''} placeholder="Advances in Neural Information Processing Systems" />
          <label htmlFor={ids.short}>Short name</label>
          <input id={ids.short} name="short" defaultValue={venue?.short ?? ''} placeholder="NeurIPS" />
          <label htmlFor={ids.year}>Year</label>
          <input id={ids.year} name="year" inputMode="numeric" defaultValue={venue?.year ?? ''} />
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} name="kind" defaultValue={venue?.kind ?? 'conference'}>
            {VENUE_KINDS.map((k) => (
              <option key={k} value={k}>
                {VENUE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <label htmlFor={ids.repo}>Code repository</label>
          <input id={ids.repo} name="repo" type="url" defaultValue={code?.repo ?? ''} placeholder="https://github.com/…" />
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
          <div className="venue-form-buttons">
            <button type="submit" className="small-button">
              Save venue
            </button>
            <button type="button" className="small-button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
          <p className="hint">What you write here is kept: lookups never replace it. Leave the venue empty to clear it.</p>
        </form>
      )}
    </section>
  );
}
