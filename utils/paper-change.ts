import { z } from 'zod';
import { READING_STATUSES, type Paper } from './paper';
import { normalizeTags } from './tags';

/** An edit of the user's own fields, for one paper or many at once. */
export const paperChangeSchema = z
  .object({
    /** Replaces the tags. */
    tags: z.array(z.string()).max(500).optional(),
    addTags: z.array(z.string()).max(500).optional(),
    removeTags: z.array(z.string()).max(500).optional(),
    notes: z.string().max(1_000_000).optional(),
    /** null clears it. */
    readingStatus: z.enum(READING_STATUSES).nullable().optional(),
  })
  .strict();

export type PaperChange = z.infer<typeof paperChangeSchema>;

/** The paper after a change (pure); tags normalised as typed. */
export function applyChange(paper: Paper, change: PaperChange): Paper {
  const next: Paper = { ...paper };
  if (change.tags) next.tags = normalizeTags(change.tags);
  if (change.addTags) next.tags = normalizeTags([...next.tags, ...change.addTags]);
  if (change.removeTags) {
    const gone = new Set(normalizeTags(change.removeTags));
    next.tags = next.tags.filter((t) => !gone.has(t));
  }
  if (change.notes !== undefined) next.notes = change.notes;
  if (change.readingStatus === null) delete next.readingStatus;
  else if (change.readingStatus) next.readingStatus = change.readingStatus;
  return next;
}
