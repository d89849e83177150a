import { mergePaper } from '../merge-paper';
import type { Paper, PaperMetadata } from '../paper';
import type { ImportFile, ImportProblem } from './read-file';

/** What an import will do, shown before anything is written. */
export interface ImportPlan {
  /** Papers not in the library, stored exactly as in the file. */
  additions: Paper[];
  /** Papers already in the library, as they will be after the merge. */
  updates: Paper[];
  /** Papers the import would not change. */
  unchanged: number;
  invalid: ImportProblem[];
}

function metadataOf(paper: Paper): PaperMetadata {
  const { id: _i, sources: _s, tags: _t, notes: _n, readingStatus: _r, savedAt: _a, updatedAt: _u, ...metadata } = paper;
  return metadata;
}

/**
 * An imported record folded into the stored one (pure): newer metadata wins (the same rule as
 * saving from a page); tags are united; existing notes stay and different imported notes are
 * appended below them; the earlier first-save time and any reading status are kept.
 */
export function mergeImported(existing: Paper, incoming: Paper, now: number): Paper {
  const merged = mergePaper(existing, metadataOf(incoming), now);
  const notes = alreadyIn(existing.notes, incoming.notes)
    ? existing.notes
    : existing.notes.trim()
      ? `${existing.notes}\n\n${incoming.notes}`
      : incoming.notes;
  const result: Paper = {
    ...merged,
    sources: [...new Set([...existing.sources, ...incoming.sources])],
    tags: [...new Set([...existing.tags, ...incoming.tags])],
    notes,
    savedAt: Math.min(existing.savedAt, incoming.savedAt),
  };
  const status = existing.readingStatus ?? incoming.readingStatus;
  if (status) result.readingStatus = status;
  return result;
}

/** Whether imported notes are already in the stored ones: the whole text, or one of its paragraphs. */
function alreadyIn(existing: string, imported: string): boolean {
  const text = imported.trim();
  if (!text) return true;
  const paragraphs = (t: string) => t.split(/\n\s*\n/).map((p) => p.trim());
  const have = paragraphs(existing);
  return existing.trim() === text || paragraphs(text).every((p) => have.includes(p));
}

/** Whether two records hold the same data, ignoring when they were last changed. */
export function sameRecord(a: Paper, b: Paper): boolean {
  const strip = ({ updatedAt: _u, ...rest }: Paper) => rest;
  return stableJson(strip(a)) === stableJson(strip(b));
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}

/** The plan for an import, given the stored papers with the file's ids. */
export function planImport(file: ImportFile, existing: ReadonlyMap<string, Paper>, now = Date.now()): ImportPlan {
  const incoming = new Map<string, Paper>();
  // The same paper twice in one file: folded as if imported one after the other.
  for (const record of file.records) {
    const earlier = incoming.get(record.id);
    incoming.set(record.id, earlier ? mergeImported(earlier, record, now) : record);
  }
  const additions: Paper[] = [];
  const updates: Paper[] = [];
  let unchanged = 0;
  for (const record of incoming.values()) {
    const stored = existing.get(record.id);
    if (!stored) {
      additions.push(record);
      continue;
    }
    const merged = mergeImported(stored, record, now);
    if (sameRecord(merged, stored)) unchanged++;
    else updates.push(merged);
  }
  return { additions, updates, unchanged, invalid: file.invalid };
}
