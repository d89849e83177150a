import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportPreviewData, ImportRequest, ImportUpdate } from '@/utils/import/worker-protocol';
import { sendMessage } from '@/utils/messaging';
import { formatCount, paperCount } from '@/utils/paper/display';
import type { Notices } from './useNotice';

export interface ImportProgress {
  label: string;
  /** 0–1, or null when there is no measure. */
  done: number | null;
  /** Stops the import; only offered before anything is written. */
  cancel?: () => void;
}

export interface Import {
  /** What importing the chosen file would do, until the user confirms or cancels. */
  preview: ImportPreviewData | null;
  /** Reading, checking or writing, with how far it has got. */
  progress: ImportProgress | null;
  choose(file: File): void;
  confirm(): void;
  cancel(): void;
}

/**
 * Import: a worker reads the file, checks every entry and plans the merge with a progress bar
 * and a Cancel; the page previews what would change; on confirmation the worker writes all of it
 * or none. The page never freezes, whatever the file's size.
 */
export function useImport(startWorker: () => Worker, notices: Notices): Import {
  const worker = useRef<Worker | null>(null);
  const [preview, setPreview] = useState<ImportPreviewData | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  /** A worker started while the page is idle, so that choosing a file does not wait for one to load. */
  const spare = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    setProgress(null);
  }, []);
  useEffect(() => {
    const idle = requestIdleCallback(() => (spare.current ??= startWorker()), { timeout: 2000 });
    return () => {
      cancelIdleCallback(idle);
      spare.current?.terminate();
      spare.current = null;
      stop();
    };
  }, [startWorker, stop]);

  const choose = useCallback(
    (file: File) => {
      stop();
      notices.clear();
      setPreview(null);
      const w = spare.current ?? startWorker();
      spare.current = null;
      worker.current = w;
      const cancel = () => {
        stop();
        notices.show('info', `Import of ${file.name} cancelled. Nothing was imported.`);
      };
      setProgress({ label: `Reading ${file.name}…`, done: null, cancel });
      w.addEventListener('message', (event: MessageEvent<ImportUpdate>) => {
        const update = event.data;
        if (update.type === 'progress') setProgress((p) => ({ label: update.label, done: update.done, cancel: p?.cancel }));
        else if (update.type === 'preview') {
          setProgress(null);
          setPreview(update.preview);
        } else if (update.type === 'failed') {
          stop();
          notices.show('error', update.message);
        } else if (update.type === 'written') {
          sendMessage('libraryWritten', update.written).catch((e: unknown) => console.warn('[paperdex:library] the background was not told of the import', e));
        } else if (update.type === 'done') {
          const result = update.result;
          const name = file.name;
          const done = notices.report(result, ({ added, updated }) => `Imported ${paperCount(added + updated)} from ${name}: ${formatCount(added)} new, ${formatCount(updated)} updated.`);
          setProgress(null);
          if (done) {
            setPreview(null);
            stop();
          }
        }
      });
      w.addEventListener('error', (event) => {
        stop();
        notices.show('error', `${file.name} could not be read (${event.message || 'the import stopped'}). Nothing was imported.`);
      });
      w.postMessage({ type: 'read', file, now: Date.now() } satisfies ImportRequest);
    },
    [notices, startWorker, stop],
  );

  const confirm = useCallback(() => {
    if (!preview) return;
    setProgress({ label: `Importing ${paperCount(preview.additions + preview.updates)}…`, done: null });
    worker.current?.postMessage({ type: 'commit' } satisfies ImportRequest);
  }, [preview]);

  const cancel = useCallback(() => {
    stop();
    setPreview(null);
  }, [stop]);

  return { preview, progress, choose, confirm, cancel };
}
