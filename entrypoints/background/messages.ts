import { browser } from 'wxt/browser';
import { repository } from '@/utils/db/repository';
import { onMessage } from '@/utils/messaging';
import { createBackups } from '@/utils/backup/backups';
import type { Result } from '@/utils/result';
import { browserBackupPlatform, scheduleDailyBackups } from './backups';
import { startJobRunner } from './jobs';
import { createLibraryService } from './library-service';
import { createArxivLookup, defaultLookupDeps, lookupHuggingFace } from './metadata-lookup';
import { notifyTabs } from './notify-tabs';
import { registerSaveElsewhere } from './save-elsewhere';
import { createPublicationLookup } from './publication-lookup';
import { createPublicationService } from './publication-service';
import { pagesOnly } from './senders';
import { LOOKUP_SETTINGS_KEY } from '@/utils/lookup-settings';
import { LOOKUP_PERMISSIONS } from '@/utils/sites/hosts';

/**
 * Where the time before which a service may not be asked again is kept (storage.session), so
 * that a worker that starts again keeps to it: arXiv's, and each venue lookup service's.
 */
function keptNotBefore(key: string) {
  return {
    loadNotBefore: async () => Number((await browser.storage.session.get(key))[key] ?? Number.NEGATIVE_INFINITY),
    storeNotBefore: async (time: number) => browser.storage.session.set({ [key]: time }),
  };
}

/** Answers the typed messages of content scripts and extension pages. */
export function registerMessageHandlers(): void {
  const arxiv = createArxivLookup({
    ...defaultLookupDeps,
    keepAlive: () => void browser.runtime.getPlatformInfo(),
    ...keptNotBefore('paperdex.arxivNotBefore'),
  });
  const backups = createBackups(repository, browserBackupPlatform);
  // The runner needs the service's handlers and the service asks the runner for a pass.
  const queue = { kick: () => void runner.kick() };
  const publicationLookup = createPublicationLookup({
    ...defaultLookupDeps,
    keepAlive: () => void browser.runtime.getPlatformInfo(),
    // The user may turn lookups off while a pass is under way: every request asks first.
    allowed: () => publications.enabled(),
    gateStore: (service) => keptNotBefore(`paperdex.notBefore.${service}`),
  });
  const publications = createPublicationService(
    repository,
    {
      async load() {
        const stored = (await browser.storage.local.get(LOOKUP_SETTINGS_KEY))[LOOKUP_SETTINGS_KEY] as { enabled?: unknown } | undefined;
        return { enabled: stored?.enabled === true };
      },
      store: (settings) => browser.storage.local.set({ [LOOKUP_SETTINGS_KEY]: settings }),
      granted: () => browser.permissions.contains({ origins: LOOKUP_PERMISSIONS }),
    },
    (paper) => publicationLookup.check(paper),
    queue,
  );
  const library = createLibraryService(repository, notifyTabs, { arxiv: (id) => arxiv.lookup(id), huggingFace: (id) => lookupHuggingFace(id) }, queue, publications);
  const runner = startJobRunner({
    publication: (job) => publications.run(job),
    complete: (job) => library.complete(job),
    backup: async () => {
      const written = await backups.owed();
      return written.ok ? written : { ok: false, retry: true, message: written.message };
    },
  });
  // Content scripts save and ask what is saved; the rest is for Paperdex's own pages.
  const pages = <D, T>(handler: (data: D) => Promise<Result<T>>) => pagesOnly(browser.runtime.id, browser.runtime.getURL('/'), handler);
  onMessage('savePaper', ({ data }) => library.savePaper(data));
  onMessage('getPaperStatus', ({ data }) => library.getPaperStatus(data));
  onMessage('libraryWritten', pages((data) => library.libraryWritten(data)));
  // An extension page opened: the worker is awake (and has resumed its jobs by starting).
  onMessage('resume', async () => ({ ok: true, value: null }));
  onMessage('getBackupStatus', pages(async () => ({ ok: true, value: await backups.status() })));
  onMessage('setBackupSettings', pages((data) => backups.configure(data)));
  onMessage('backupNow', pages(async () => ({ ok: true, value: await backups.backupNow() })));
  onMessage('getLookupSettings', pages(() => publications.getSettings()));
  onMessage('setLookupSettings', pages((data) => publications.setSettings(data)));
  onMessage('checkPublications', pages((data) => publications.checkNow(data)));
  scheduleDailyBackups(backups);
  registerSaveElsewhere((payload) => library.savePaper(payload));
}
