import { repository } from '@/utils/db/repository';
import { onMessage } from '@/utils/messaging';
import { notifyTabs } from './notify-tabs';
import { createLibraryService } from './library-service';

/** Answers the typed messages of content scripts and extension pages. */
export function registerMessageHandlers(): void {
  const library = createLibraryService(repository, notifyTabs);
  onMessage('savePaper', ({ data }) => library.savePaper(data));
  onMessage('removePaper', ({ data }) => library.removePaper(data));
  onMessage('getPaperStatus', ({ data }) => library.getPaperStatus(data));
}
