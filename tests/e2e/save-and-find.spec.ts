import type { BrowserContext } from '@playwright/test';
import { expect, fixtureText, openedTab, test } from './fixtures';
import { ArxivPage } from './pages/arxiv';
import { PopupPage, toolbarAddress } from './pages/popup';

const ABS = 'https://arxiv.org/abs/2609.22268';
const TITLE = 'Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains';
const page = fixtureText('arxiv', 'abs-2609.22268', 'page.html');

test.beforeEach(({ routes }) => {
  routes.set(ABS, { body: page });
  routes.set(`${ABS}v1`, { body: page });
  // A download cut off mid-page: the real page's first 2,000 characters, before any title.
  routes.set('https://arxiv.org/abs/2609.00001', { body: page.slice(0, 2000) });
});

test('save on an abstract page, find it with a typo in the popup, remove it there', async ({ context, extensionId }) => {
  const arxiv = new ArxivPage(await context.newPage());
  await arxiv.page.goto(ABS);
  await expect(arxiv.saveButton()).toHaveAccessibleName('Save to Paperdex');
  await arxiv.saveButton().click();
  await expect(arxiv.saveButton()).toHaveAccessibleName('Saved in Paperdex');

  // The state survives a reload and shows in another tab, on a versioned URL too.
  await arxiv.page.reload();
  await expect(arxiv.saveButton()).toHaveAccessibleName('Saved in Paperdex');
  const other = new ArxivPage(await context.newPage());
  await other.page.goto(`${ABS}v1`);
  await expect(other.saveButton()).toHaveAccessibleName('Saved in Paperdex');

  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.search).toBeFocused();
  await expect(popup.item(TITLE)).toHaveCount(1);
  await expect(popup.item(TITLE)).toContainText('Théo Andrieux, Andreas Ntinos, Manas V. Upadhyay · 2026');

  await popup.search.fill('spectal galerkn heat transfr');
  await expect(popup.items()).toHaveCount(1);
  await expect(popup.items().first()).toContainText(TITLE);

  await popup.search.fill('quantum chromodynamics lattice');
  await expect(popup.items()).toHaveCount(0);
  await expect(popup.page.getByText('No saved paper matches “quantum chromodynamics lattice”.')).toBeVisible();

  await popup.search.press('Escape');
  await expect(popup.search).toHaveValue('');
  await popup.item(TITLE).hover();
  await popup.item(TITLE).getByRole('button', { name: 'Remove' }).click();
  await expect(popup.items()).toHaveCount(0);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();

  // Every open page follows without a reload, and a reload agrees.
  await expect(arxiv.saveButton()).toHaveAccessibleName('Save to Paperdex');
  await expect(other.saveButton()).toHaveAccessibleName('Save to Paperdex');
  await arxiv.page.reload();
  await expect(arxiv.saveButton()).toHaveAccessibleName('Save to Paperdex');
});

/**
 * Opens the toolbar's popup, noting what its first-paint script has written by the time the
 * page is parsed (before any task could read IndexedDB): the rows a kept snapshot gives it.
 */
async function openNotingFirstRows(context: BrowserContext): Promise<PopupPage> {
  return PopupPage.openFromToolbar(context, async (page) => {
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        (window as { __parsed?: string[] }).__parsed = [...document.querySelectorAll('#first-paint li.paper .paper-title')].map((a) => a.textContent ?? '');
      }),
    );
  });
}
const rowsWhenParsed = (popup: PopupPage) => popup.page.evaluate(() => (window as { __parsed?: string[] }).__parsed);

test('the toolbar popup shows the newest saves in its first frame, never as they were before a change', async ({ context }) => {
  const arxiv = new ArxivPage(await context.newPage());
  await arxiv.page.goto(ABS);
  await arxiv.saveButton().click();
  await expect(arxiv.saveButton()).toHaveAccessibleName('Saved in Paperdex');
  const saved = await toolbarAddress(context);
  expect(saved).toMatch(/\/popup\.html\?screen=\w+$/);

  // The first popup at this address reads IndexedDB (nothing is there when the page is parsed)
  // and keeps its first screen; the next one has the rows before any task has run.
  let popup = await openNotingFirstRows(context);
  await expect(popup.item(TITLE)).toHaveCount(1);
  expect(await rowsWhenParsed(popup)).toEqual([]);
  await expect.poll(() => popup.page.evaluate(() => localStorage.getItem('paperdex:first-screen'))).toContain(TITLE);
  await popup.page.close();
  popup = await openNotingFirstRows(context);
  expect(await rowsWhenParsed(popup)).toEqual([TITLE]);
  await expect(popup.item(TITLE)).toHaveCount(1);
  await expect(popup.page.getByText('1 paper')).toBeVisible();

  // Removed in the popup: the toolbar's popup gets a new address, and its first frame does not
  // show the removed paper kept for the old one.
  await popup.item(TITLE).hover();
  await popup.item(TITLE).getByRole('button', { name: 'Remove' }).click();
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  await expect.poll(() => toolbarAddress(context)).not.toBe(saved);
  await popup.page.close();
  popup = await openNotingFirstRows(context);
  expect(await rowsWhenParsed(popup)).toEqual([]);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  await popup.page.close();

  // Saved again from the page (the service worker writes): a new address again, read from IndexedDB.
  const removed = await toolbarAddress(context);
  await arxiv.page.reload();
  await arxiv.saveButton().click();
  await expect(arxiv.saveButton()).toHaveAccessibleName('Saved in Paperdex');
  await expect.poll(() => toolbarAddress(context)).not.toBe(removed);
  popup = await openNotingFirstRows(context);
  expect(await rowsWhenParsed(popup)).toEqual([]);
  await expect(popup.item(TITLE)).toHaveCount(1);
});

test('a page showing a newer version offers to update the saved record', async ({ context, routes }) => {
  routes.set(`${ABS}v2`, { body: page });
  const arxiv = new ArxivPage(await context.newPage());
  await arxiv.page.goto(ABS);
  await arxiv.saveButton().click();
  await expect(arxiv.saveButton()).toHaveAccessibleName('Saved in Paperdex');

  const newer = new ArxivPage(await context.newPage());
  await newer.page.goto(`${ABS}v2`);
  await expect(newer.saveButton()).toHaveAccessibleName('Saved · v2 available');
  await newer.saveButton().click();
  await expect(newer.saveButton()).toHaveAccessibleName('Saved in Paperdex');
  // The v1 page now shows the library holds a newer version than it displays: still saved.
  await expect(arxiv.saveButton()).toHaveAccessibleName('Saved in Paperdex');
});

test('Enter in the popup opens the abstract page of the selected result', async ({ context, extensionId }) => {
  const arxiv = new ArxivPage(await context.newPage());
  await arxiv.page.goto(ABS);
  await arxiv.saveButton().click();
  await expect(arxiv.saveButton()).toHaveAccessibleName('Saved in Paperdex');

  const popup = await PopupPage.open(context, extensionId);
  await popup.search.fill('galerkin');
  await expect(popup.items()).toHaveCount(1);
  const opened = context.waitForEvent('page');
  await popup.search.press('Enter');
  const tab = await openedTab(opened, ABS);
  expect(tab.url()).toBe(ABS);
  await expect(new ArxivPage(tab).saveButton()).toHaveAccessibleName('Saved in Paperdex');
});

test('a page that cannot be read says so and saves nothing', async ({ context, extensionId }) => {
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await tab.goto('https://arxiv.org/abs/2609.00001');
  const arxiv = new ArxivPage(tab);
  await expect(arxiv.unreadableButton()).toBeDisabled();
  await expect(tab.getByText('Paperdex: no title on this page.')).toBeVisible();
  expect(errors.some((e) => e.startsWith('[paperdex:arxiv]'))).toBe(true);

  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
});
