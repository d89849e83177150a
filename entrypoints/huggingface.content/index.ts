import { defineContentScript } from 'wxt/utils/define-content-script';
import { createPaperButtons } from '@/utils/content/mount-papers';
import { HF_CONTENT_MATCHES } from '@/utils/sites/hosts';
import { hfPaperPageId, parseHfPage } from '@/utils/sites/huggingface';

const LOG = '[paperdex:huggingface]';

export default defineContentScript({
  matches: HF_CONTENT_MATCHES,
  runAt: 'document_end',
  // WXT's future default: tell a stale copy of this script to stop by a DOM event only, not by
  // a window message every page's own message listeners would be woken for.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const buttons = createPaperButtons(ctx, 'huggingface', LOG);
    /** The paper page the buttons belong to: Svelte may reuse the heading for the next paper. */
    let pagePaper: string | undefined;

    /** Adds buttons for papers that have none yet: on load, after scrolling, after navigation. */
    const scan = () => {
      try {
        const url = new URL(location.href);
        const paperPage = hfPaperPageId(url)?.id;
        if (paperPage !== pagePaper) {
          if (pagePaper) buttons.reset();
          pagePaper = paperPage;
        }
        const result = parseHfPage(document, url, buttons.has);
        if (result) buttons.add(result);
      } catch (error) {
        // A page we cannot handle must never break: log it and leave the page as it was.
        console.error(LOG, 'unexpected error', error);
      }
    };

    scan();
    // Hugging Face renders cards on the client (infinite scroll, client-side navigation): scan
    // again when the page changes, at most once per frame. No polling.
    let scheduled = false;
    const observer = new MutationObserver((records) => {
      if (scheduled || records.every(ownChange)) return;
      scheduled = true;
      ctx.requestAnimationFrame(() => {
        scheduled = false;
        scan();
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
  },
});

/** Our own buttons going into the page are no reason to scan again (their removal is). */
function ownChange(record: MutationRecord): boolean {
  return record.removedNodes.length === 0 && [...record.addedNodes].every((n) => n.nodeName === 'PAPERDEX-SAVE');
}
