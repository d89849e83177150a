import { browser } from 'wxt/browser';
import { openLibraryTab } from '@/utils/library-tab';
import { sendMessage, type SaveOutcome } from '@/utils/messaging';
import type { Result } from '@/utils/result';
import { PAPER_LINK_PATTERNS } from '@/utils/sites/hosts';
import { paperRefFromUrl } from '@/utils/sites/paper-ref';

const MENU_ID = 'paperdex-save-link';
const LIBRARY_MENU_ID = 'paperdex-open-library';
export const MENU_TITLE = 'Save paper to Paperdex';
export const SAVE_COMMAND = 'save-page';

type SavePaper = (payload: unknown) => Promise<Result<SaveOutcome>>;

/**
 * Saving where no Save button can be: a link to a paper on any page (context menu) and the
 * active tab (keyboard command), which also covers PDF views, where content scripts cannot run.
 * The outcome is told in a notification: saved, saved incomplete, or why not.
 */
export function registerSaveElsewhere(savePaper: SavePaper): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: MENU_TITLE,
      contexts: ['link'],
      targetUrlPatterns: PAPER_LINK_PATTERNS,
    });
    // The toolbar button's own menu.
    // MV2 (Firefox) calls the toolbar button's menu 'browser_action'; MV3 'action'.
    browser.contextMenus.create({ id: LIBRARY_MENU_ID, title: 'Open library', contexts: [import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action'] });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_ID) void saveAddress(savePaper, info.linkUrl);
    if (info.menuItemId === LIBRARY_MENU_ID) void openLibraryTab();
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SAVE_COMMAND) return;
    void (async () => {
      const active = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      // A page with Save buttons saves the paper under the focus or the pointer itself.
      if (active?.id !== undefined && (await sendMessage('saveHere', undefined, active.id).catch(() => false))) return;
      await saveAddress(savePaper, active?.url);
    })();
  });
}

/** Saves the paper an address names and tells the user how it went. */
export async function saveAddress(savePaper: SavePaper, address: string | undefined): Promise<Result<SaveOutcome> | null> {
  const ref = paperRefFromUrl(address);
  if (!ref) {
    await tell('Not a paper', 'Paperdex saves arXiv and Hugging Face paper pages, PDFs and links to them.');
    return null;
  }
  await tell('Saving…', `Fetching arXiv ${ref.arxivId}.`, ref.arxivId);
  const result = await savePaper(ref);
  if (!result.ok) await tell(`Couldn't save arXiv ${ref.arxivId}`, result.message, ref.arxivId);
  else if (result.value.saved && result.value.incomplete) {
    await tell(`Saved arXiv ${ref.arxivId}, incomplete`, `${result.value.note ?? 'Some details are missing.'} Save it again to complete it.`, ref.arxivId);
  } else await tell(`Saved arXiv ${ref.arxivId}`, 'It is in your Paperdex library.', ref.arxivId);
  return result;
}

async function tell(title: string, message: string, id = 'paperdex'): Promise<void> {
  try {
    await browser.notifications.create(`paperdex-${id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
  } catch (error) {
    console.warn('[paperdex:notify]', title, message, error);
  }
}
