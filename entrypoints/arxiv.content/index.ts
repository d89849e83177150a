import { defineContentScript } from 'wxt/utils/define-content-script';
import { createPaperButtons } from '@/utils/content/mount-papers';
import { parseArxivPage } from '@/utils/sites/arxiv-page';
import { ARXIV_CONTENT_MATCHES } from '@/utils/sites/hosts';

const LOG = '[paperdex:arxiv]';

export default defineContentScript({
  matches: ARXIV_CONTENT_MATCHES,
  runAt: 'document_end',
  main(ctx) {
    try {
      const result = parseArxivPage(document, new URL(location.href));
      if (result) createPaperButtons(ctx, 'arxiv', LOG).add(result);
    } catch (error) {
      // A page we cannot handle must never break: log it and leave the page as it was.
      console.error(LOG, 'unexpected error', error);
    }
  },
});
