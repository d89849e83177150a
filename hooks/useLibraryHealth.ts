import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { quietMoment } from '@/utils/after-paint';
import { repository } from '@/utils/db/repository';
import { libraryToJson } from '@/utils/export/json';
import { healthWalk } from '@/utils/import/health-walk';
import type { ImportRequest, ImportUpdate, RecordProblem } from '@/utils/import/worker-protocol';
import { completeJob } from '@/utils/jobs/job';
import { sendMessage } from '@/utils/messaging';
import type { Paper } from '@/utils/paper/schema';
import { downloadText } from './useExport';
import type { Notices } from './useNotice';

export interface StorageState {
  /** Bytes the extension's storage holds, and may hold (the browser's estimate). */
  usage: number;
  quota: number;
  /** Whether the browser made the storage persistent (persist() granted). */
  persisted: boolean;
  /**
   * Whether the extension holds `unlimitedStorage`, which exempts its storage from quota and
   * from eviction in Chrome (Chrome grants extension pages no persist()).
   */
  unlimited: boolean;
}

export interface FailedJob {
  id: string;
  paperId?: string;
  title?: string;
  error: string;
}

export interface LibraryHealth {
  storage: StorageState | null;
  /** Papers waiting for arXiv (or Hugging Face) to complete them. */
  waiting: number;
  /** Jobs given up on, with why. */
  failed: FailedJob[];
  /** Stored records that do not validate; null until checked. */
  problems: RecordProblem[] | null;
  retry(job: FailedJob): void;
  repair(ids: string[]): void;
  exportRecords(ids: string[]): void;
}

/** Records the health check reads and checks at a time (a few tens of milliseconds of the worker). */
const CHECK_CHUNK = 1000;

/** Tells the background there is work to resume; a background that does not answer resumes when it starts. */
const resume = () => void sendMessage('resume', undefined).catch(() => undefined);

/**
 * The state of the library as a store: storage used and whether it is persistent (asked for on
 * open: `unlimitedStorage` exempts the extension from quota, persistence from eviction), the
 * background work it is owed, and records that no longer validate (checked in the library
 * worker, which has the record's schema).
 */
export function useLibraryHealth(startWorker: () => Worker, notices: Notices): LibraryHealth {
  const [storage, setStorage] = useState<StorageState | null>(null);
  const [problems, setProblems] = useState<RecordProblem[] | null>(null);
  const lastChange = useLiveQuery(() => repository.lastChangeSeq(), [], 0);

  useEffect(() => {
    resume();
    void navigator.storage
      ?.persist?.()
      .catch(() => false)
      .then(() => undefined);
  }, []);

  // Storage follows the library (a second after it settles).
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void Promise.all([navigator.storage?.estimate?.(), navigator.storage?.persisted?.(), browser.permissions.contains({ permissions: ['unlimitedStorage'] })]).then(
        ([estimate, persisted, unlimited]) =>
          live && setStorage({ usage: estimate?.usage ?? 0, quota: estimate?.quota ?? 0, persisted: Boolean(persisted), unlimited }),
        () => undefined,
      );
    }, 1000);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [lastChange]);

  // The health check follows the library too, a chunk at a time at quiet moments
  // (utils/import/health-walk.ts).
  const changed = useRef<() => void>(() => undefined);
  const { show } = notices;
  useEffect(() => {
    let live = true;
    const walker = healthWalk({
      startWorker,
      pause: quietMoment,
      chunk: CHECK_CHUNK,
      delayMs: 1000,
      onProblems: (found) => live && setProblems(found),
      onFailure: (text) => live && show('error', text),
    });
    changed.current = walker.changed;
    walker.changed();
    return () => {
      live = false;
      changed.current = () => undefined;
      walker.stop();
    };
  }, [startWorker, show]);
  useEffect(() => {
    changed.current();
  }, [lastChange]);

  const jobs = useLiveQuery(async () => {
    const all = await repository.listJobs();
    const failed = all.filter((j) => j.failed);
    const papers = await repository.getPapers(failed.map((j) => j.paperId ?? ''));
    return {
      waiting: all.filter((j) => j.kind === 'complete' && !j.failed).length,
      failed: failed.map((j, i): FailedJob => ({ id: j.id, paperId: j.paperId, title: papers[i]?.title, error: j.lastError ?? 'unknown error' })),
    };
  }, []);

  const retry = useCallback(
    (job: FailedJob) => {
      if (!job.paperId) return;
      void repository
        .enqueueJobs([completeJob(job.paperId, Date.now())])
        .then(resume, (e: unknown) => notices.show('error', `The retry could not be written down (${String(e)}).`));
    },
    [notices],
  );

  const repair = useCallback(
    (ids: string[]) => {
      const worker = startWorker();
      worker.addEventListener('message', (event: MessageEvent<ImportUpdate>) => {
        const update = event.data;
        if (update.type === 'written') void sendMessage('libraryWritten', update.written).catch(() => undefined);
        if (update.type !== 'repaired') return;
        notices.report(update.result, (n) => `Repaired ${n} ${n === 1 ? 'record' : 'records'}.`);
        worker.terminate();
      });
      worker.postMessage({ type: 'repair', ids } satisfies ImportRequest);
    },
    [notices, startWorker],
  );

  const exportRecords = useCallback((ids: string[]) => {
    void repository.getPapers(ids).then((records) => {
      const stored = records.filter((r): r is Paper => r !== undefined);
      downloadText(libraryToJson(stored), `paperdex-records-to-repair.json`, 'application/json');
    });
  }, []);

  return { storage, waiting: jobs?.waiting ?? 0, failed: jobs?.failed ?? [], problems, retry, repair, exportRecords };
}
