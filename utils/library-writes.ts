import { guardWrite } from './db/errors';
import type { Repository } from './db/repository';
import { backupJob, completeJob } from './jobs/job';
import { applyChange, type PaperChange } from './paper/change';
import { owesCompletion } from './paper/merge';
import type { Paper } from './paper/schema';
import type { Result } from './result';

/**
 * What extension pages (the popup, the library page) write, and the one way each kind of write
 * is made. Pages write the library themselves, in one transaction each, through the repository:
 * a whole library's records never pass through a message (sending a 10,000-paper import to the
 * service worker costs half as much again as writing it; see README "How it is built"). After
 * each write the background is told which papers changed, so that open tabs and backups follow.
 * Saves from pages are the background's (content scripts cannot open the library). The pages'
 * instance is `libraryWrites` (page-writes.ts); the import worker makes its own, telling the
 * background through the page.
 */
export function createLibraryWrites(repository: Repository, tell: (written: { ids: string[]; bulk: boolean }) => Promise<void>) {
  /** Tells the background; a background that does not answer never undoes a write. */
  const told = (ids: string[], bulk: boolean) => tell({ ids, bulk }).catch((e: unknown) => console.warn('[paperdex:library] the background was not told of a change', e));

  return {
    /** Tags, notes, reading status of one paper or many; resolves with the changed records. */
    async edit(ids: readonly string[], change: PaperChange): Promise<Result<Paper[]>> {
      const now = Date.now();
      // A bulk edit owes a backup, written down with it.
      const jobs = ids.length > 1 ? [backupJob(now)] : [];
      const result = await guardWrite(() => repository.updateUserFields(ids, (p) => applyChange(p, change), now, jobs), 'nothing was changed');
      if (result.ok && result.value.length) void told(result.value.map((p) => p.id), result.value.length > 1);
      return result;
    },

    /**
     * Puts back the user's fields (tags, notes, reading status) as they were in `previous` (an
     * Undo of a bulk edit); the papers' details stay as they are now.
     */
    async restoreUserFields(previous: readonly Paper[]): Promise<Result<Paper[]>> {
      const byId = new Map(previous.map((p) => [p.id, p]));
      const result = await guardWrite(
        () =>
          repository.updateUserFields([...byId.keys()], (p) => {
            const { tags, notes, readingStatus } = byId.get(p.id)!;
            const { readingStatus: _now, ...rest } = p;
            return { ...rest, tags, notes, ...(readingStatus ? { readingStatus } : {}) };
          }),
        'nothing was undone',
      );
      if (result.ok && result.value.length) void told(result.value.map((p) => p.id), result.value.length > 1);
      return result;
    },

    /** Deletes papers in one transaction; resolves with them as they were, for Undo. */
    async remove(ids: readonly string[]): Promise<Result<Paper[]>> {
      const result = await guardWrite(() => repository.removePapers(ids, [backupJob(Date.now())]), 'nothing was deleted');
      if (result.ok && result.value.length) void told(result.value.map((p) => p.id), true);
      return result;
    },

    /** Records that did not validate, replaced by their repaired form (the library page's health check). */
    async repair(records: readonly Paper[]): Promise<Result<number>> {
      const result = await guardWrite(() => repository.replacePapers(records), 'nothing was repaired');
      if (result.ok && records.length) void told(records.map((p) => p.id), false);
      return result.ok ? { ok: true, value: records.length } : result;
    },

    /**
     * Brings records in (an import, an Undo) in one transaction, all or nothing, merged with
     * what is stored at that moment: nothing done since the records were read is overwritten.
     */
    async bringIn(records: readonly Paper[], outcome: string): Promise<Result<{ added: number; updated: number }>> {
      const now = Date.now();
      // Owed with it: a backup, and arXiv's details for papers that came in without them.
      const jobs = (written: Paper[]) => [backupJob(now), ...written.filter(owesCompletion).map((r) => completeJob(r.id, now))];
      const result = await guardWrite(() => repository.importPapers(records, now, jobs), outcome);
      if (result.ok && records.length) void told(records.map((p) => p.id), true);
      return result;
    },
  };
}

export type LibraryWrites = ReturnType<typeof createLibraryWrites>;

