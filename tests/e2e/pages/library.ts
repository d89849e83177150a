import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The full-page library (entrypoint `library`). */
export class LibraryPage {
  readonly search: Locator;
  readonly papers: Locator;

  private constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search papers' });
    this.papers = page.getByRole('list', { name: 'Papers' });
  }

  static async open(context: BrowserContext, extensionId: string): Promise<LibraryPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/library.html`);
    return new LibraryPage(page);
  }

  rows(): Locator {
    return this.papers.getByRole('listitem');
  }

  row(title: string): Locator {
    return this.rows().filter({ hasText: title });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
