import { browser } from 'wxt/browser';
import { repository } from '@/utils/db/repository';
import { onMessage } from '@/utils/messaging';
import { createLibraryService } from './library-service';
import { createArxivLookup, defaultLookupDeps, lookupHuggingFace } from './metadata-lookup';
import { notifyTabs } from './notify-tabs';
import { registerSaveElsewhere } from './save-elsewhere';

/** Answers the typed messages of content scripts and extension pages. */
export function registerMessageHandlers(): void {
  const arxiv = createArxivLookup({ ...defaultLookupDeps, keepAlive: () => void browser.runtime.getPlatformInfo() });
  const library = createLibraryService(repository, notifyTabs, {
    arxiv: (id) => arxiv.lookup(id),
    huggingFace: (id) => lookupHuggingFace(id),
  });
  onMessage('savePaper', ({ data }) => library.savePaper(data));
  onMessage('removePaper', ({ data }) => library.removePaper(data));
  onMessage('getPaperStatus', ({ data }) => library.getPaperStatus(data));
  registerSaveElsewhere((payload) => library.savePaper(payload));
}
