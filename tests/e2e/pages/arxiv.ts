import type { Locator, Page } from '@playwright/test';

/** An arXiv page with Paperdex's buttons (they live in open shadow roots; roles pierce them). */
export class ArxivPage {
  constructor(readonly page: Page) {}

  /** Any Paperdex button: its name starts with "Save" or "Saved". */
  saveButton(): Locator {
    return this.page.getByRole('button', { name: /^Save/ });
  }

  unreadableButton(): Locator {
    return this.page.getByRole('button', { name: "Couldn't read this page" });
  }
}
