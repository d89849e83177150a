import type { CodeLinks, Paper, Venue } from './schema';
import { normalizeTags } from './tags';
import type { ReadingStatus } from './vocabulary';

/** An edit of the user's own fields, for one paper or many at once. */
export interface PaperChange {
  /** Replaces the tags. */
  tags?: string[];
  addTags?: string[];
  removeTags?: string[];
  notes?: string;
  /** null clears it. */
  readingStatus?: ReadingStatus | null;
  /** The venue as the user wrote it (source 'user': no lookup replaces it); null clears it. */
  venue?: Venue | null;
  /** The code links as the user wrote them; null clears them. */
  code?: CodeLinks | null;
}

/** The paper after a change (pure); tags normalised as typed. */
export function applyChange(paper: Paper, change: PaperChange): Paper {
  const next: Paper = { ...paper };
  if (change.tags) next.tags = normalizeTags(change.tags);
  if (change.addTags) next.tags = normalizeTags([...next.tags, ...change.addTags]);
  if (change.removeTags) {
    const gone = new Set(normalizeTags(change.removeTags).map((t) => t.toLowerCase()));
    next.tags = next.tags.filter((t) => !gone.has(t.toLowerCase()));
  }
  if (change.notes !== undefined) next.notes = change.notes;
  if (change.readingStatus === null) delete next.readingStatus;
  else if (change.readingStatus) next.readingStatus = change.readingStatus;
  if (change.venue === null) delete next.venue;
  else if (change.venue) next.venue = change.venue;
  if (change.code === null) delete next.code;
  else if (change.code) next.code = change.code;
  return next;
}
