import { z } from 'zod';
import { guardWrite } from '@/utils/db/errors';
import type { Repository } from '@/utils/db/repository';
import type { SaveOutcome } from '@/utils/messaging';
import { completePaper, lacksEssentials, needsLookup } from '@/utils/paper/merge';
import { describeIssue, paperInputSchema, type SeenPaper } from '@/utils/paper/schema';
import { statusOf, type PaperStatus } from '@/utils/paper/status';
import type { Result } from '@/utils/result';
import type { LookupResult } from './metadata-lookup';

const idSchema = z.string().regex(/^arxiv:\S+$/, 'expected a paper id such as arxiv:2401.12345');
const idListSchema = z.array(idSchema).max(1000);
/** What an extension page wrote: "select all matching" in a 50,000-paper library, deleted. */
const writtenSchema = z.object({ ids: z.array(idSchema).max(200_000), bulk: z.boolean() });

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
      return guardWrite(async () => {
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

    /**
     * An extension page wrote these papers (an edit, a delete, an Undo, an import): tell open
     * tabs, and back up shortly after a bulk change.
     */
    async libraryWritten(payload: unknown): Promise<Result<null>> {
      const written = writtenSchema.safeParse(payload);
      if (!written.success) return invalid(written.error);
      const { ids, bulk } = written.data;
      return guardWrite(async () => {
        for (let i = 0; i < ids.length; i += 1000) notify(await repository.getStatuses(ids.slice(i, i + 1000)));
        if (bulk) afterBulkChange();
        return null;
      });
    },

    async getPaperStatus(payload: unknown): Promise<Result<Record<string, PaperStatus>>> {
      const ids = idListSchema.safeParse(payload);
      if (!ids.success) return invalid(ids.error);
      return guardWrite(() => repository.getStatuses(ids.data));
    },
  };
}

function invalid(error: z.ZodError): { ok: false; code: 'invalid'; message: string } {
  return { ok: false, code: 'invalid', message: `The page gave unusable data (${describeIssue(error)}).` };
}
