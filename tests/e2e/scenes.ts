import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { Paper } from '../../utils/paper/schema';
import { expect, fixtureText, type SiteRoutes } from './fixtures';
import { PopupPage } from './pages/popup';
import { realPapers, seedLibrary } from './seed';

/**
 * What people see, set up the same way for the visual regression tests (tests/e2e/visual.spec.ts,
 * compared with committed baselines) and for the README and welcome-page pictures
 * (`npm run screenshots`): one definition of each picture.
 */
export type Scheme = 'light' | 'dark';

/** What to picture: an element, or a part of the page. */
export interface Shot {
  page: Page;
  element?: Locator;
  clip?: { x: number; y: number; width: number; height: number };
}

export interface Scene {
  name: string;
  /** Sets the scene up in a fresh page of `context`, in the given colour scheme. */
  show(context: BrowserContext, extensionId: string, routes: SiteRoutes, scheme: Scheme): Promise<Shot>;
}

/** The popup's real size (entrypoints/popup/style.css). */
export const POPUP_SIZE = { width: 460, height: 580 };
/** A fixed clock, so that the pictures do not change with the day they are taken. */
const NOW = Date.UTC(2026, 5, 14, 9, 30);

const ABS = 'https://arxiv.org/abs/2609.22268';
const LIST = 'https://arxiv.org/list/cond-mat.mtrl-sci/new';
const HF_DAY = 'https://huggingface.co/papers/date/2026-02-20';

/** 12 real papers with a status, tags and notes on some: a library in use. */
export function sceneLibrary(): Paper[] {
  const papers = realPapers(12, NOW);
  Object.assign(papers[0]!, { readingStatus: 'reading', tags: ['long context', 'to cite'], notes: 'Compare with the sparse-attention baseline.' });
  Object.assign(papers[1]!, { readingStatus: 'to-read', tags: ['agents'] });
  Object.assign(papers[2]!, { readingStatus: 'read', tags: ['to cite'] });
  Object.assign(papers[5]!, { tags: ['agents', 'benchmarks'] });
  return papers;
}

async function newPage(context: BrowserContext, size: { width: number; height: number }, scheme: Scheme): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(size);
  // Before the page loads: Hugging Face picks its theme in an inline script.
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

/** A popup over the scene library (or an empty one), its rows loaded. */
async function popup(context: BrowserContext, extensionId: string, papers: Paper[], scheme: Scheme): Promise<PopupPage> {
  const popup = await PopupPage.open(context, extensionId);
  await popup.page.setViewportSize(POPUP_SIZE);
  await popup.page.emulateMedia({ colorScheme: scheme });
  await expect(popup.page.getByText(/Your library is empty\.|papers, newest first/)).toBeVisible();
  if (papers.length && (await popup.page.getByText('Your library is empty.').isVisible())) {
    await seedLibrary(popup.page, papers);
    await popup.page.reload();
  }
  // The popup's own search open: the library was seeded behind the extension's back, and until
  // then the resident search may answer from before (for a moment: "No saved paper matches"),
  // which a single screenshot would keep.
  await popup.page.waitForFunction(() => performance.getEntriesByName('paperdex:engine').length > 0);
  return popup;
}

async function results(p: PopupPage, query: string): Promise<void> {
  await p.search.fill(query);
  await expect(p.items().first()).toBeVisible();
  await expect(p.results.locator('[aria-busy="true"]')).toHaveCount(0);
}

export const SCENES: Scene[] = [
  {
    name: 'popup-empty',
    async show(context, extensionId, _routes, scheme) {
      const p = await popup(context, extensionId, [], scheme);
      await expect(p.page.getByText('Your library is empty.')).toBeVisible();
      return { page: p.page };
    },
  },
  {
    name: 'popup-results',
    async show(context, extensionId, _routes, scheme) {
      const p = await popup(context, extensionId, sceneLibrary(), scheme);
      await results(p, 'languge modl');
      return { page: p.page };
    },
  },
  {
    name: 'popup-selected',
    async show(context, extensionId, _routes, scheme) {
      const p = await popup(context, extensionId, sceneLibrary(), scheme);
      await results(p, 'to cite');
      await p.search.press('ArrowDown');
      await expect(p.items().nth(1).getByRole('toolbar', { name: 'Paper actions' })).toBeVisible();
      return { page: p.page };
    },
  },
  {
    name: 'popup-help',
    async show(context, extensionId, _routes, scheme) {
      const p = await popup(context, extensionId, sceneLibrary(), scheme);
      await p.page.getByRole('button', { name: 'Search help' }).click();
      await expect(p.page.getByRole('region', { name: 'Search syntax' })).toBeVisible();
      return { page: p.page };
    },
  },
  {
    name: 'library',
    async show(context, extensionId, _routes, scheme) {
      await popup(context, extensionId, sceneLibrary(), scheme);
      const page = await newPage(context, { width: 1280, height: 760 }, scheme);
      await page.goto(`chrome-extension://${extensionId}/library.html`);
      const rows = page.getByRole('list', { name: 'Papers' }).getByRole('listitem');
      await expect(rows.first()).toHaveAttribute('aria-setsize', '12');
      await rows.first().getByRole('button').first().click();
      await expect(page.getByRole('region', { name: 'Paper details' })).toBeVisible();
      return { page };
    },
  },
  {
    name: 'welcome',
    async show(context, extensionId, _routes, scheme) {
      const page = await newPage(context, { width: 1000, height: 900 }, scheme);
      await page.goto(`chrome-extension://${extensionId}/welcome.html`);
      await page.waitForFunction(() => [...document.images].every((i) => i.complete));
      return { page };
    },
  },
  {
    name: 'arxiv-button',
    async show(context, _extensionId, routes, scheme) {
      routes.set(ABS, { body: fixtureText('arxiv', 'abs-2609.22268', 'page.html') });
      const page = await newPage(context, { width: 1000, height: 700 }, scheme);
      await page.goto(ABS);
      await expect(page.getByRole('button', { name: 'Save to Paperdex' })).toBeVisible();
      // The dateline, the title with its button, the authors.
      const top = (await page.locator('.dateline').boundingBox())!;
      const title = (await page.locator('h1.title').boundingBox())!;
      const authors = (await page.locator('.authors').boundingBox())!;
      return { page, clip: { x: title.x - 12, y: top.y - 10, width: title.width + 24, height: authors.y + authors.height - top.y + 20 } };
    },
  },
  {
    name: 'arxiv-listing',
    async show(context, _extensionId, routes, scheme) {
      routes.set(LIST, { body: fixtureText('arxiv', 'list-new-cond-mat.mtrl-sci-2026-09-22', 'page.html') });
      const page = await newPage(context, { width: 1000, height: 800 }, scheme);
      await page.goto(LIST);
      await expect(page.getByRole('button', { name: 'Save to Paperdex' }).first()).toBeVisible();
      // The first two entries.
      const top = (await page.locator('dl#articles > dt').first().boundingBox())!;
      const third = (await page.locator('dl#articles > dt').nth(2).boundingBox())!;
      const list = (await page.locator('dl#articles').boundingBox())!;
      return { page, clip: { x: list.x, y: top.y - 8, width: list.width, height: third.y - top.y } };
    },
  },
  {
    name: 'huggingface-button',
    async show(context, _extensionId, routes, scheme) {
      routes.set(HF_DAY, { body: fixtureText('huggingface', 'papers-date-2026-02-20', 'page.html') });
      const page = await newPage(context, { width: 1280, height: 900 }, scheme);
      await page.goto(HF_DAY);
      await expect(page.getByRole('button', { name: 'Save to Paperdex' }).first()).toBeVisible();
      await page.waitForFunction(() => [...document.images].every((i) => i.complete || i.loading === 'lazy'));
      // The card's text: title, organisation, the button, comments (its image is not served here).
      return { page, element: page.locator('article').first().locator('paperdex-save').locator('xpath=ancestor::div[contains(@class, "px-6")][1]') };
    },
  },
];
