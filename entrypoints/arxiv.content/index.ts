import { defineContentScript } from 'wxt/utils/define-content-script';
import { createPaperButtons } from '@/utils/content/mount-papers';
import { parseArxivPage } from '@/utils/sites/arxiv-page';

const LOG = '[paperdex:arxiv]';
const HOSTS = ['https://arxiv.org', 'https://www.arxiv.org', 'https://export.arxiv.org'];
const PATHS = ['/abs/*', '/list/*', '/catchup*', '/search/*'];

export default defineContentScript({
  matches: HOSTS.flatMap((host) => PATHS.map((path) => `${host}${path}`)),
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
