import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { extensionWorker } from '../fixtures';

/** The toolbar popup, opened as a page of the extension. */
export class PopupPage {
  readonly search: Locator;
  readonly results: Locator;

  private constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search papers' });
    this.results = page.getByRole('list', { name: 'Results' });
  }

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new PopupPage(page);
  }

  /**
   * The popup at the address the toolbar button opens now (the manifest's page with the
   * version of its first-screen snapshot; see utils/db/first-screen-snapshot.ts). `before` runs
   * on the new page before it loads (init scripts).
   */
  static async openFromToolbar(context: BrowserContext, before?: (page: Page) => Promise<void>): Promise<PopupPage> {
    const address = await toolbarAddress(context);
    const page = await context.newPage();
    await before?.(page);
    await page.goto(address);
    return new PopupPage(page);
  }

  /** A popup page already open (e.g. for a given tab). */
  static wrap(page: Page): PopupPage {
    return new PopupPage(page);
  }

  /**
   * Waits until the search engine has answered what is in the box. Opening a large library
   * whose index must be built first (a restore written behind its back) takes seconds.
   */
  async answered(timeout = 5_000): Promise<void> {
    await expect(this.results).toHaveAttribute('aria-busy', 'false', { timeout });
  }

  items(): Locator {
    return this.results.getByRole('listitem');
  }

  item(title: string): Locator {
    return this.items().filter({ hasText: title });
  }
}

/** The address the toolbar button opens the popup at now. */
export async function toolbarAddress(context: BrowserContext): Promise<string> {
  return (await extensionWorker(context)).evaluate(() => (globalThis as unknown as { chrome: { action: { getPopup(details: object): Promise<string> } } }).chrome.action.getPopup({}));
}
