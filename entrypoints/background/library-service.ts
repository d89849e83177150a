import { z } from 'zod';
import { completePaper, lacksEssentials, needsLookup } from '@/utils/complete-paper';
import { statusOf, type Repository } from '@/utils/db/repository';
import type { PaperStatus, Result, SaveOutcome } from '@/utils/messaging';
import type { SeenPaper } from '@/utils/paper';
import { applyChange, paperChangeSchema } from '@/utils/paper-change';
import { paperInputSchema } from '@/utils/paper-schema';
import type { LookupResult } from './metadata-lookup';

const idSchema = z.string().regex(/^arxiv:\S+$/, 'expected a paper id such as arxiv:2401.12345');
const idListSchema = z.array(idSchema).max(1000);
/** Bulk edits from the library page: "select all matching" in a 50,000-paper library. */
const bulkIdsSchema = z.array(idSchema).max(200_000);
const updateSchema = z.object({ ids: bulkIdsSchema, change: paperChangeSchema });

type Notify = (changes: Record<string, PaperStatus>) => void;

/** Where the background fetches what pages do not show: arXiv first, Hugging Face second. */
export interface Lookups {
  arxiv(arxivId: string): Promise<LookupResult>;
  huggingFace(arxivId: string): Promise<LookupResult>;
}

const NO_LOOKUPS: Lookups = {
  arxiv: async () => ({ ok: false, reason: 'offline', message: 'Looking papers up is switched off.' }),
  huggingFace: async () => ({ ok: false, reason: 'offline', message: 'Looking papers up is switched off.' }),
};

/**
 * The library's write side, as the background exposes it: every payload is validated here,
 * once, and every expected failure becomes a Result the UI can show.
 */
export function createLibraryService(
  repository: Repository,
  notify: Notify,
  lookups: Lookups = NO_LOOKUPS,
  afterBulkChange: () => void = () => undefined,
) {
  /** arXiv's answer, or Hugging Face's when arXiv has none and the paper has a new-style id. */
  async function lookUp(seen: SeenPaper): Promise<LookupResult> {
    const arxiv = await lookups.arxiv(seen.arxivId);
    if (arxiv.ok || seen.arxivId.includes('/')) return arxiv;
    const hf = await lookups.huggingFace(seen.arxivId);
    return hf.ok ? hf : arxiv;
  }

  /**
   * A page that showed everything a reader needs was saved at once; the version and categories
   * it lacked (Hugging Face, search results) follow when arXiv answers. A paper removed
   * meanwhile stays removed.
   */
  async function enrich(seen: SeenPaper): Promise<void> {
    const found = await lookups.arxiv(seen.arxivId);
    if (!found.ok) return console.warn('[paperdex:lookup]', `kept ${seen.arxivId} as the page showed it: ${found.message}`);
    const completed = completePaper(seen, found.paper);
    if (!completed.ok) return;
    const paper = await repository.refreshPaper(completed.paper);
    if (paper) notify({ [paper.id]: statusOf(paper) });
  }

  return {
    /**
     * Saves what a page showed. What it lacks is fetched first when a reader would miss it
     * (abstract, authors, date); when that fails the paper is saved marked incomplete if the
     * page gave a title, and not at all otherwise. The outcome says why either way.
     */
    async savePaper(payload: unknown): Promise<Result<SaveOutcome>> {
      const input = paperInputSchema.safeParse(payload);
      if (!input.success) return invalid(input.error);
      const { source, ...seen } = input.data;
      let found: LookupResult | undefined;
      if (lacksEssentials(seen)) found = await lookUp(seen);
      const completed = completePaper(seen, found?.ok ? found.paper : undefined);
      if (!completed.ok) {
        return { ok: false, code: 'lookup', message: found && !found.ok ? found.message : 'The page gave no title.' };
      }
      return guard(async () => {
        const paper = await repository.savePaper({ ...completed.paper, source });
        const status = statusOf(paper);
        notify({ [paper.id]: status });
        // Backups are on from the first save: the first one follows it.
        if (paper.savedAt === paper.updatedAt && (await repository.countPapers()) === 1) afterBulkChange();
        if (!found && needsLookup(seen)) {
          void enrich(seen).catch((error: unknown) => console.error('[paperdex:lookup]', error));
        }
        return paper.incomplete && found && !found.ok ? { ...status, note: found.message } : status;
      });
    },

    async removePaper(payload: unknown): Promise<Result<null>> {
      const id = idSchema.safeParse(payload);
      if (!id.success) return invalid(id.error);
      return guard(async () => {
        await repository.removePaper(id.data);
        notify({ [id.data]: { saved: false } });
        return null;
      });
    },

    async updatePapers(payload: unknown): Promise<Result<number>> {
      const request = updateSchema.safeParse(payload);
      if (!request.success) return invalid(request.error);
      const { ids, change } = request.data;
      return guard(async () => {
        const changed = await repository.updateUserFields(ids, (p) => applyChange(p, change));
        if (changed.length > 1) afterBulkChange();
        return changed.length;
      });
    },

    /**
     * The library page wrote papers itself (an import, a bulk delete, an Undo): tell open
     * pages, and back up shortly.
     */
    async papersChanged(payload: unknown): Promise<Result<null>> {
      const ids = bulkIdsSchema.safeParse(payload);
      if (!ids.success) return invalid(ids.error);
      return guard(async () => {
        for (let i = 0; i < ids.data.length; i += 1000) notify(await repository.getStatuses(ids.data.slice(i, i + 1000)));
        afterBulkChange();
        return null;
      });
    },

    async getPaperStatus(payload: unknown): Promise<Result<Record<string, PaperStatus>>> {
      const ids = idListSchema.safeParse(payload);
      if (!ids.success) return invalid(ids.error);
      return guard(() => repository.getStatuses(ids.data));
    },
  };
}


function invalid(error: z.ZodError, prefix = ''): { ok: false; code: 'invalid'; message: string } {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, code: 'invalid', message: `The page gave unusable data (${prefix}${where}${issue?.message ?? 'invalid'}).` };
}

async function guard<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return storageFailure(error);
  }
}

/** IndexedDB failures a user can act on, in words they can act on. Nothing was written. */
export function storageFailure(error: unknown): { ok: false; code: 'quota' | 'storage'; message: string } {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  console.error('[paperdex:library]', error);
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return {
      ok: false,
      code: 'quota',
      message: "Your browser's storage for Paperdex is full. Free some disk space; nothing saved was lost.",
    };
  }
  return {
    ok: false,
    code: 'storage',
    message: `The library could not be written (${name || 'unknown error'}). Nothing saved was lost.`,
  };
}
