import { useCallback, useRef, useState } from 'react';
import { repository } from '@/utils/db/repository';
import type { CiteOptions } from '@/utils/export/citation';
import { EXPORT_FORMATS, exportFileName, writeFormat, type ExportFormat, type ExportScope } from '@/utils/export/formats';
import { isSound } from '@/utils/paper/check';
import { paperCount } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import type { Notices } from './useNotice';
import type { Progress } from './useProgress';

export interface Export {
  isOpen: boolean;
  open(): void;
  close(): void;
  /** Downloads the papers of `scope` (`view` and `selection` are the page's, in view order). */
  run(format: ExportFormat, scope: ExportScope, view: readonly string[], selection: readonly string[], options?: CiteOptions): Promise<void>;
}

/** Saves text as a download named `name`. */
export function downloadText(text: string, name: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export: the whole library, the current search, the selection or one tag, in any format. */
export function useExport(notices: Notices, progress: Progress): Export {
  const [isOpen, setOpen] = useState(false);
  /**
   * The library, read while the dialog is open (reading 10,000 records takes a few hundred
   * milliseconds); read again at export time if anything changed meanwhile.
   */
  const prepared = useRef<Promise<{ seq: number; papers: Paper[] }> | null>(null);

  const open = useCallback(() => {
    prepared.current = Promise.all([repository.lastChangeSeq(), repository.listPapers()]).then(([seq, papers]) => ({ seq, papers }));
    prepared.current.catch(() => undefined);
    setOpen(true);
  }, []);

  const run = useCallback(
    async (format: ExportFormat, scope: ExportScope, view: readonly string[], selection: readonly string[], options: CiteOptions = {}) => {
      await progress.during('Preparing the export…', async () => {
        try {
          const ready = await prepared.current?.catch(() => null);
          const library = ready && ready.seq === (await repository.lastChangeSeq()) ? ready.papers : await repository.listPapers();
          let papers: Paper[];
          if (scope.kind === 'all') papers = library;
          else if (scope.kind === 'tag') papers = library.filter((p) => p.tags.includes(scope.tag));
          else {
            const byId = new Map(library.map((p) => [p.id, p]));
            papers = (scope.kind === 'search' ? view : selection).flatMap((id) => byId.get(id) ?? []);
          }
          const name = exportFileName(format);
          // A record that does not validate goes into the JSON backup as it is, into no other format.
          const written = format === 'json' ? papers : papers.filter(isSound);
          downloadText(await writeFormat(format, written, options), name, EXPORT_FORMATS[format].mime);
          const left = papers.length - written.length;
          setOpen(false);
          notices.show('info', `Exported ${paperCount(written.length)} as ${name}.${left ? ` ${paperCount(left)} that need repair (see Storage) were left out; the JSON backup has them.` : ''}`);
        } catch (e) {
          notices.show('error', `The export failed: ${(e as Error).message}. Your library is unchanged.`);
        }
      });
    },
    [notices, progress],
  );

  return { isOpen, open, close: useCallback(() => setOpen(false), []), run };
}
