import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { Paper } from '../../utils/paper/schema';
import { expect, test, welcomePage } from './fixtures';
import { LibraryPage } from './pages/library';
import { PopupPage } from './pages/popup';
import { readLibrary, realPapers, seedLibrary } from './seed';

/** 12 real papers: two being read, one read, one to read, one incomplete; tags and notes on some. */
function library(): Paper[] {
  const papers = realPapers(12);
  Object.assign(papers[0]!, { readingStatus: 'reading', tags: ['transformers', 'to cite'], notes: 'Section 3 has the proof we need.' });
  Object.assign(papers[1]!, { readingStatus: 'reading', tags: ['to cite'] });
  Object.assign(papers[2]!, { readingStatus: 'read' });
  Object.assign(papers[3]!, { readingStatus: 'to-read', tags: ['week-12'] });
  Object.assign(papers[4]!, { incomplete: true });
  return papers;
}

async function seeded(context: BrowserContext, extensionId: string, papers = library()): Promise<PopupPage> {
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  await seedLibrary(popup.page, papers);
  await popup.page.reload();
  await expect(popup.page.getByText(`${papers.length} papers, newest first`)).toBeVisible();
  return popup;
}

const violations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);

/** The computed font sizes in px of the elements a locator finds. */
const fontSizes = (locator: Locator) => locator.evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
const fontSize = async (locator: Locator) => (await fontSizes(locator.first()))[0]!;

test('popup: Remove offers Undo, which brings the paper back with its tags and notes', async ({ context, extensionId }) => {
  const papers = library();
  const popup = await seeded(context, extensionId, papers);
  const paper = papers[0]!;
  const row = popup.item(paper.title);
  await row.hover();
  await row.getByRole('button', { name: 'Remove' }).click();
  await expect(popup.item(paper.title)).toHaveCount(0);
  const toast = popup.page.getByRole('status').filter({ hasText: `Removed “${paper.title}”.` });
  await expect(toast).toBeVisible();
  // The focus stays in the popup, on the search box that drives the list, not on the page body.
  await expect(popup.search).toBeFocused();
  expect((await readLibrary(popup.page)).some((p) => p.id === paper.id)).toBe(false);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(popup.item(paper.title)).toHaveCount(1);
  await expect(popup.search).toBeFocused();
  const back = (await readLibrary(popup.page)).find((p) => p.id === paper.id);
  expect(back).toEqual(paper);
});

test('reading status: status: and -status: in the search, the sidebar filters with counts, is:incomplete', async ({ context, extensionId }) => {
  const papers = library();
  const popup = await seeded(context, extensionId, papers);
  const titles = (status: string) => papers.filter((p) => p.readingStatus === status).map((p) => p.title);

  await popup.search.fill('status:reading');
  await expect(popup.page.getByText('2 papers match')).toBeVisible();
  for (const title of titles('reading')) await expect(popup.item(title)).toContainText('Reading');
  await popup.search.fill('status:to-read');
  await expect(popup.items()).toHaveCount(1);
  await expect(popup.items().first()).toContainText(papers[3]!.title);
  await popup.search.fill('-status:read');
  await expect(popup.page.getByText(`${papers.length - 1} papers match`)).toBeVisible();
  await expect(popup.item(papers[2]!.title)).toHaveCount(0);
  await popup.search.fill('is:incomplete');
  await expect(popup.items()).toHaveCount(1);
  await expect(popup.items().first()).toContainText('incomplete');

  const page = await LibraryPage.open(context, extensionId);
  const filters = page.page.getByRole('navigation', { name: 'Filters' });
  await expect(filters.getByRole('button', { name: 'Reading 2' })).toBeVisible();
  await expect(filters.getByRole('button', { name: 'No status 8' })).toBeVisible();
  await expect(filters.getByRole('button', { name: 'to cite 2' })).toBeVisible();
  await filters.getByRole('button', { name: 'Reading 2' }).click();
  await expect(page.search).toHaveValue('status:reading ');
  await expect(page.rows().first()).toHaveAttribute('aria-setsize', '2');
  await expect(filters.getByRole('button', { name: 'Reading 2' })).toHaveAttribute('aria-pressed', 'true');
  // Filters combine, as the syntax does; a second click takes one away.
  await filters.getByRole('button', { name: 'transformers 1' }).click();
  await expect(page.rows()).toHaveCount(1);
  await expect(page.rows().first()).toContainText(papers[0]!.title);
  await filters.getByRole('button', { name: 'Reading 2' }).click();
  await filters.getByRole('button', { name: 'transformers 1' }).click();
  await expect(page.rows().first()).toHaveAttribute('aria-setsize', String(papers.length));

  await page.search.fill('status:read quantum chromodynamics');
  await expect(page.page.getByText('No paper matches “status:read quantum chromodynamics”.')).toBeVisible();
});

test('library: Ctrl+Z undoes the last delete and the last bulk edit; Enter applies the bulk tag', async ({ context, extensionId }) => {
  const papers = library();
  await seeded(context, extensionId, papers);
  const page = await LibraryPage.open(context, extensionId);
  await expect(page.rows().first()).toHaveAttribute('aria-setsize', String(papers.length));

  // Keyboard only: one Tab stop for the list, arrows inside it, Space selects.
  const rows = page.rows();
  await rows.first().focus();
  await page.page.keyboard.press('Space');
  await page.page.keyboard.press('ArrowDown');
  await page.page.keyboard.press('Space');
  await expect(page.page.getByText('2 papers selected')).toBeVisible();

  const before = await readLibrary(page.page);
  await page.page.getByLabel('Tags for the selected papers').fill('reviewed');
  await page.page.getByLabel('Tags for the selected papers').press('Enter');
  await expect.poll(async () => (await readLibrary(page.page)).filter((p) => p.tags.includes('reviewed')).length).toBe(2);
  // Ctrl+Z in the tag box is the box's own undo; from the list it undoes the bulk edit.
  await rows.first().focus();
  await page.page.keyboard.press('Control+z');
  await expect.poll(async () => (await readLibrary(page.page)).filter((p) => p.tags.includes('reviewed')).length).toBe(0);

  await page.button('Delete').click();
  await expect(page.page.getByText('Deleted 2 papers.')).toBeVisible();
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(papers.length - 2));
  await page.page.keyboard.press('Control+z');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(papers.length));
  // Everything as it was, but the time of the last change (the undo was one).
  const comparable = (list: Paper[]) => list.map(({ updatedAt: _u, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
  expect(comparable(await readLibrary(page.page))).toEqual(comparable(before));
});

test('titles are never smaller than the text under them, in the popup and the library', async ({ context, extensionId }) => {
  const popup = await seeded(context, extensionId);
  await popup.search.fill('status:reading');
  const row = popup.items().first();
  await expect(row.locator('.tag').first()).toBeVisible();
  const title = await fontSize(row.locator('.paper-title'));
  expect(title).toBeGreaterThanOrEqual(13);
  const secondary = await fontSizes(row.locator('.paper-byline, .paper-snippet, .tag, .badge'));
  expect(secondary.length).toBeGreaterThanOrEqual(4);
  expect(Math.max(...secondary)).toBeLessThanOrEqual(title);
  expect(Math.min(...secondary)).toBeGreaterThanOrEqual(11);
  expect(await fontSize(popup.search)).toBeGreaterThanOrEqual(13);

  const page = await LibraryPage.open(context, extensionId);
  await page.search.fill('status:reading');
  const first = page.rows().first();
  await expect(first.locator('.tag').first()).toBeVisible();
  const rowTitle = await fontSize(first.locator('.row-title'));
  expect(rowTitle).toBeGreaterThanOrEqual(13);
  const rowSecondary = await fontSizes(first.locator('.row-byline, .tag, .badge'));
  expect(rowSecondary.length).toBeGreaterThanOrEqual(3);
  expect(Math.max(...rowSecondary)).toBeLessThanOrEqual(rowTitle);
  expect(await fontSize(page.search)).toBeGreaterThanOrEqual(13);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`popup, library and welcome page have no accessibility violations (${scheme})`, async ({ context, extensionId }) => {
    test.setTimeout(60_000);
    const popup = await seeded(context, extensionId);
    const page = await LibraryPage.open(context, extensionId);
    const welcome = await context.newPage();
    await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
    for (const p of [popup.page, page.page, welcome]) await p.emulateMedia({ colorScheme: scheme });
    expect(await violations(welcome), 'welcome').toEqual([]);
    // The popup with a row's actions and the help open, the library with a paper's details.
    await popup.page.bringToFront();
    await popup.search.press('ArrowDown');
    await expect(popup.items().nth(1).getByRole('toolbar', { name: 'Paper actions' })).toBeVisible();
    await popup.page.getByRole('button', { name: 'Search help' }).click();
    expect(await violations(popup.page), 'popup').toEqual([]);
    await page.page.bringToFront();
    await page.rows().first().getByRole('button').first().click();
    await expect(page.page.getByRole('region', { name: 'Paper details' })).toBeVisible();
    expect(await violations(page.page), 'library').toEqual([]);
  });
}

test('installing opens the welcome page: where the buttons are, the shortcuts, a link to try it', async ({ context }) => {
  const welcome = await welcomePage(context);
  await expect(welcome.getByRole('heading', { name: 'Welcome to Paperdex' })).toBeVisible();
  // Pictures of the real extension, loaded from the package.
  const pictures = welcome.getByRole('img');
  await expect(pictures).toHaveCount(3);
  await welcome.waitForFunction(() => [...document.images].every((i) => i.complete));
  expect(await pictures.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0))).toEqual([true, true, true]);
  // The shortcuts as the browser has them.
  await expect(welcome.locator('kbd[data-command="save-page"]')).toHaveText('Alt+Shift+S');
  await expect(welcome.getByRole('link', { name: /Try it on today's machine-learning papers on arXiv/ })).toHaveAttribute('href', 'https://arxiv.org/list/cs.LG/new');
});
