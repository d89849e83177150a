import type { BrowserContext, Locator, Page } from '@playwright/test';

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

  items(): Locator {
    return this.results.getByRole('listitem');
  }

  item(title: string): Locator {
    return this.items().filter({ hasText: title });
  }
}
