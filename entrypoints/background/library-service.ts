import { z } from 'zod';
import type { Repository } from '@/utils/db/repository';
import type { PaperStatus, Result } from '@/utils/messaging';
import { paperInputSchema } from '@/utils/paper-schema';

const idSchema = z.string().regex(/^arxiv:\S+$/, 'expected a paper id such as arxiv:2401.12345');
const idListSchema = z.array(idSchema).max(1000);

type Notify = (changes: Record<string, PaperStatus>) => void;

/**
 * The library's write side, as the background exposes it: every payload is validated here,
 * once, and every expected failure becomes a Result the UI can show.
 */
export function createLibraryService(repository: Repository, notify: Notify) {
  return {
    async savePaper(payload: unknown): Promise<Result<PaperStatus>> {
      const input = paperInputSchema.safeParse(payload);
      if (!input.success) return invalid(input.error);
      return guard(async () => {
        const paper = await repository.savePaper(input.data);
        const status: PaperStatus = { saved: true, version: paper.version };
        notify({ [paper.id]: status });
        return status;
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

    async getPaperStatus(payload: unknown): Promise<Result<Record<string, PaperStatus>>> {
      const ids = idListSchema.safeParse(payload);
      if (!ids.success) return invalid(ids.error);
      return guard(() => repository.getStatuses(ids.data));
    },
  };
}


function invalid(error: z.ZodError): { ok: false; code: 'invalid'; message: string } {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, code: 'invalid', message: `The page gave unusable data (${where}${issue?.message ?? 'invalid'}).` };
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
