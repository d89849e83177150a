import { useCallback, useState } from 'react';
import { repository } from '@/utils/db/repository';
import { readImportFile } from '@/utils/import/read-file';
import { checkSize, ImportError, type ImportProblem } from '@/utils/import/types';
import type { LibraryWrites } from '@/utils/library-writes';
import { paperCount } from '@/utils/paper/display';
import { planMerge, type MergePlan } from '@/utils/paper/merge';
import type { Paper } from '@/utils/paper/schema';
import type { Notices } from './useNotice';
import type { Progress } from './useProgress';

/** What an import will do, shown before anything is written. */
export interface ImportPlan extends MergePlan {
  invalid: ImportProblem[];
}

export interface Import {
  /** The file read and what importing it would do, until the user confirms or cancels. */
  preview: { fileName: string; plan: ImportPlan; records: Paper[] } | null;
  choose(file: File): Promise<void>;
  confirm(): Promise<void>;
  cancel(): void;
}

/** Import: read a file, preview what it would change, then write all of it or none. */
export function useImport(writes: LibraryWrites, notices: Notices, progress: Progress): Import {
  const [preview, setPreview] = useState<Import['preview']>(null);

  const choose = useCallback(
    async (file: File) => {
      notices.clear();
      setPreview(null);
      await progress.during(`Reading ${file.name}…`, async (relabel) => {
        try {
          checkSize(file.size);
          const text = await file.text();
          await relabel(`Checking ${file.name}…`);
          const read = readImportFile(file.name, text);
          if (!read.records.length) {
            const why = read.invalid[0]?.reason ?? 'no entries';
            notices.show('error', `${file.name} holds no paper Paperdex can import (${read.invalid.length} skipped: ${why}). Nothing was imported.`);
            return;
          }
          // Only the papers already in the library are read: an import into a new profile reads none.
          const stored = await repository.getPapers(await repository.existingIds(read.records.map((r) => r.id)));
          const existing = new Map(stored.filter((p): p is Paper => p !== undefined).map((p) => [p.id, p]));
          setPreview({ fileName: file.name, plan: { ...planMerge(read.records, existing), invalid: read.invalid }, records: read.records });
        } catch (e) {
          const text = e instanceof ImportError ? e.message : `${file.name} could not be read (${(e as Error).message}). Nothing was imported.`;
          notices.show('error', text);
        }
      });
    },
    [notices, progress],
  );

  const confirm = useCallback(async () => {
    if (!preview) return;
    const { plan, fileName, records } = preview;
    await progress.during(`Importing ${paperCount(plan.additions.length + plan.updates.length)}…`, async () => {
      // Merged again inside the transaction: edits and saves made since the preview are kept.
      const result = await writes.bringIn(records, 'nothing was imported and your library is unchanged');
      const done = notices.report(result, ({ added, updated }) => `Imported ${paperCount(added + updated)} from ${fileName}: ${added.toLocaleString('en')} new, ${updated.toLocaleString('en')} updated.`);
      if (done) setPreview(null);
    });
  }, [preview, writes, notices, progress]);

  const cancel = useCallback(() => setPreview(null), []);
  return { preview, choose, confirm, cancel };
}
