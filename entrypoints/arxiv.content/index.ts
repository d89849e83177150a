import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPaperButtons } from '@/utils/content/mount-papers';
import { matchesAbstractPage, parseAbstractPage } from '@/utils/sites/arxiv';

const LOG = '[paperdex:arxiv]';

export default defineContentScript({
  matches: ['https://arxiv.org/abs/*', 'https://www.arxiv.org/abs/*', 'https://export.arxiv.org/abs/*'],
  runAt: 'document_end',
  main(ctx) {
    try {
      const url = new URL(location.href);
      if (!matchesAbstractPage(url)) return;
      mountPaperButtons(ctx, parseAbstractPage(document, url), 'arxiv', LOG);
    } catch (error) {
      // A page we cannot handle must never break: log it and leave the page as it was.
      console.error(LOG, 'unexpected error', error);
    }
  },
});
