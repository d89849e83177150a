import { defineContentScript } from 'wxt/utils/define-content-script';
import { createPaperButtons } from '@/utils/content/mount-papers';
import { parseArxivPage } from '@/utils/sites/arxiv-page';
import { ARXIV_CONTENT_MATCHES } from '@/utils/sites/hosts';

const LOG = '[paperdex:arxiv]';

export default defineContentScript({
  matches: ARXIV_CONTENT_MATCHES,
  runAt: 'document_end',
  // WXT's future default: tell a stale copy of this script to stop by a DOM event only, not by
  // a window message every page's own message listeners would be woken for.
  noScriptStartedPostMessage: true,
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
