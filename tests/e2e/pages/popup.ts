import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

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
