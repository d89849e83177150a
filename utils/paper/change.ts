import type { Paper } from './schema';
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
  return next;
}
