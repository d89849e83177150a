import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { Page } from '@playwright/test';
import type { Paper } from '../../utils/paper/schema';
import { expect, extensionWorker, launchWithExtension, test } from './fixtures';
import { LibraryPage } from './pages/library';
import { PopupPage } from './pages/popup';
import { readLibrary, realPapers, seedLibrary } from './seed';

const LIBRARY = realPapers(20);
/** The list is virtualised: its size is on every row (aria-setsize), not in the DOM's row count. */
const listed = (library: LibraryPage) => library.rows().first();
const byId = (papers: Paper[]) => [...papers].sort((a, b) => a.id.localeCompare(b.id));

/** A library page over a seeded library of 20 real papers. */
async function seeded(context: import('@playwright/test').BrowserContext, extensionId: string): Promise<LibraryPage> {
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  await seedLibrary(popup.page, LIBRARY);
  await popup.page.close();
  const library = await LibraryPage.open(context, extensionId);
  await expect(library.page.getByRole('heading', { name: 'Paperdex library' })).toBeVisible();
  await expect(listed(library)).toHaveAttribute('aria-setsize', '20');
  return library;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const done = page.waitForEvent('download');
  await click();
  const file = await done;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test('the library lists, searches, sorts, and edits tags, notes and reading status', async ({ context, extensionId }) => {
  const library = await seeded(context, extensionId);
  const [first, second] = LIBRARY;

  const axe = await new AxeBuilder({ page: library.page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  await library.search.fill(first!.title.split(' ').slice(0, 3).join(' ').toLowerCase());
  await expect(library.rows().first()).toContainText(first!.title);
  // A search's matches by saved date: newest first, whatever their relevance.
  await library.search.fill('model');
  await library.page.getByLabel('Sort by').selectOption('saved');
  const savedOrder = () =>
    library.rows().evaluateAll((rows, titles) => rows.map((row) => titles.findIndex((t) => row.getAttribute('aria-label')?.startsWith(t))), LIBRARY.map((p) => p.title));
  const newestFirst = (order: number[]) => order.length > 2 && order.every((at, i) => at >= 0 && (i === 0 || order[i - 1]! < at));
  await expect.poll(async () => newestFirst(await savedOrder())).toBe(true);
  await library.search.fill('');
  await library.page.getByLabel('Sort by').selectOption('title');
  const titles = [...LIBRARY.map((p) => p.title)].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }));
  await expect(library.rows().first()).toContainText(titles[0]!);

  // One paper in full: status, tags (typed "a, b" adds two), notes kept as typed.
  await library.row(second!.title).getByRole('button').click();
  const details = library.page.getByRole('region', { name: 'Paper details' });
  await details.getByRole('button', { name: /^Reading status/ }).click();
  await library.page.getByRole('menuitemradio', { name: 'Reading', exact: true }).click();
  await expect(details.getByRole('button', { name: /^Reading status/ })).toHaveAccessibleName('Reading status: Reading');
  await details.getByLabel('Add tags').fill('survey, to cite');
  await details.getByLabel('Add tags').press('Enter');
  await expect(details.getByRole('list', { name: 'Tags' })).toContainText('survey');
  const notes = 'Line one.\n  <b>not markup</b>\n\nLine four.';
  await details.getByLabel('Notes').fill(notes);
  // Saved a moment after typing stops.
  await expect(details.getByRole('button', { name: 'Notes saved' })).toBeVisible();
  await expect.poll(async () => (await readLibrary(library.page)).find((p) => p.id === second!.id)).toMatchObject({
    readingStatus: 'reading',
    tags: ['survey', 'to cite'],
    notes,
  });
  await expect(library.row(second!.title)).toContainText('Reading');
  await details.getByRole('button', { name: 'Remove tag survey' }).click();
  await expect(details.getByRole('list', { name: 'Tags' })).not.toContainText('survey');

  const axeWithDetails = await new AxeBuilder({ page: library.page }).analyze();
  expect(axeWithDetails.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('select with shift-click, tag, set status, delete and undo', async ({ context, extensionId }) => {
  const library = await seeded(context, extensionId);
  const rows = library.rows();
  await rows.nth(0).getByRole('checkbox').click();
  await rows.nth(3).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(library.page.getByText('4 papers selected')).toBeVisible();

  await library.page.getByLabel('Tags for the selected papers').fill('week-12');
  await library.button('Add tag').click();
  await library.button('Set status').click();
  await library.page.getByRole('menuitemradio', { name: 'To read' }).click();
  await expect.poll(async () => (await readLibrary(library.page)).filter((p) => p.tags.includes('week-12') && p.readingStatus === 'to-read').length).toBe(4);

  await library.button('Delete').click();
  await expect(library.page.getByText('Deleted 4 papers.')).toBeVisible();
  await expect(listed(library)).toHaveAttribute('aria-setsize', '16');
  await library.button('Undo').click();
  await expect(listed(library)).toHaveAttribute('aria-setsize', '20');
  const restored = await readLibrary(library.page);
  expect(restored.filter((p) => p.tags.includes('week-12'))).toHaveLength(4);

  await library.page.getByRole('checkbox', { name: /Select all/ }).check();
  await expect(library.page.getByText('20 papers selected')).toBeVisible();
});

test('export downloads files that parse; importing the backup into a fresh profile restores every paper', async ({ context, extensionId }) => {
  const library = await seeded(context, extensionId);
  const before = byId(await readLibrary(library.page));

  await library.button('Export').click();
  await library.page.getByLabel('Format', { exact: true }).selectOption('json');
  const json = await download(library.page, () => library.button('Download').click());
  expect(json.name).toMatch(/^paperdex-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(json.text) as { format: string; version: number; papers: Paper[] };
  expect(backup).toMatchObject({ format: 'paperdex', version: 1 });
  expect(byId(backup.papers)).toEqual(before);

  await library.button('Export').click();
  await library.page.getByLabel('Format', { exact: true }).selectOption('bibtex');
  const bib = await download(library.page, () => library.button('Download').click());
  expect(bib.name).toMatch(/^paperdex-\d{4}-\d{2}-\d{2}\.bib$/);
  const parsed = parseBibtex(bib.text, { english: false, sentenceCase: false, caseProtection: false });
  expect(parsed.errors).toEqual([]);
  expect(parsed.entries.map((e) => e.fields.eprint).sort()).toEqual(before.map((p) => p.arxivId).sort());

  // The library's own BibTeX imported back changes nothing: BibTeX is coarser than the library.
  await library.page.getByLabel('Choose a file to import').setInputFiles({ name: bib.name, mimeType: 'application/x-bibtex', buffer: Buffer.from(bib.text) });
  await expect(library.page.getByRole('dialog')).toContainText('0 new papers');
  await expect(library.page.getByRole('dialog')).toContainText('20 papers unchanged');
  await expect(library.button('Nothing to import')).toBeDisabled();
  await library.button('Cancel').click();
  expect(byId(await readLibrary(library.page))).toEqual(before);

  // A fresh profile: import the backup file.
  const fresh = await launchWithExtension(new Map());
  try {
    const freshId = new URL((await extensionWorker(fresh)).url()).host;
    const other = await LibraryPage.open(fresh, freshId);
    await expect(other.page.getByText('Your library is empty.')).toBeVisible();
    await other.page.getByLabel('Choose a file to import').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
    await expect(other.page.getByRole('dialog')).toContainText('20 new papers');
    await other.button('Import 20 papers').click();
    await expect(other.page.getByText(/Imported 20 papers from paperdex-/)).toBeVisible();
    await expect(listed(other)).toHaveAttribute('aria-setsize', '20');
    expect(byId(await readLibrary(other.page))).toEqual(before);
  } finally {
    await fresh.close();
  }
});

test('a corrupt import shows an error and changes nothing', async ({ context, extensionId }) => {
  const library = await seeded(context, extensionId);
  const before = byId(await readLibrary(library.page));
  const cut = JSON.stringify({ format: 'paperdex', version: 1, papers: LIBRARY }).slice(0, 5000);
  await library.page.getByLabel('Choose a file to import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(cut) });
  await expect(library.page.getByRole('alert')).toContainText('backup.json is not valid JSON');
  await expect(library.page.getByRole('alert')).toContainText('Nothing was imported.');
  await library.page.getByLabel('Choose a file to import').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes') });
  await expect(library.page.getByRole('alert')).toContainText('notes.txt is not a Paperdex backup, a Paperdex CSV or a BibTeX file');
  expect(byId(await readLibrary(library.page))).toEqual(before);
  await expect(library.page.getByRole('dialog')).toHaveCount(0);
});

test('a large import reads in the background with a progress bar, and Cancel stops it with nothing written', async ({ context, extensionId }) => {
  // Building and reading 25 MB takes seconds alone, and twice that beside another browser suite.
  test.setTimeout(90_000);
  const library = await seeded(context, extensionId);
  const before = byId(await readLibrary(library.page));
  // 40,000 entries (about 25 MB): seconds of parsing, done in a worker.
  const entry = (i: number) =>
    `@misc{k${i},\n  title = {{A Paper Number ${i} on $\\alpha$-things}},\n  author = {Doe, Jane and van der Berg, Jan},\n  date = {2024-03-15},\n  eprint = {2403.${String(i).padStart(5, '0')}},\n  archivePrefix = {arXiv},\n  abstract = {${'Words of an abstract that goes on for a while. '.repeat(10)}}\n}\n`;
  const big = Array.from({ length: 40_000 }, (_, i) => entry(i + 1)).join('\n');
  await library.page.getByLabel('Choose a file to import').setInputFiles({ name: 'big.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(big) });
  const progress = library.page.getByRole('status').filter({ has: library.page.getByRole('progressbar') });
  await expect(progress).toContainText('big.bib');
  // The page answers while the file is read: the search box takes typing.
  await library.search.fill('pointer');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(library.page.getByText('Import of big.bib cancelled. Nothing was imported.')).toBeVisible();
  await expect(library.page.getByRole('dialog')).toHaveCount(0);
  expect(byId(await readLibrary(library.page))).toEqual(before);
});

test('backups are written to the downloads folder and the page says when', async ({ context, extensionId }) => {
  const library = await seeded(context, extensionId);
  await library.button('Settings').click();
  await expect(library.page.getByText('No backup written yet.')).toBeVisible();
  await library.button('Back up now').click();
  await expect(library.page.getByText(/^Last backup: /)).toBeVisible();
  const worker = await extensionWorker(context);
  const files = await worker.evaluate(async () => {
    type Item = { filename: string; state: string; byExtensionName?: string };
    const { downloads } = (globalThis as unknown as { chrome: { downloads: { search(q: object): Promise<Item[]> } } }).chrome;
    return (await downloads.search({})).map(({ filename, state, byExtensionName }) => ({ filename, state, byExtensionName }));
  });
  // Playwright names downloads itself (a GUID in its artifacts folder), so the Paperdex/
  // folder and file name are checked in the unit tests; here, that the file is a full backup.
  expect(files).toHaveLength(1);
  expect(files[0]).toMatchObject({ state: 'complete', byExtensionName: 'Paperdex' });
  const backup = JSON.parse(readFileSync(files[0]!.filename, 'utf8')) as { format: string; papers: Paper[] };
  expect(backup.format).toBe('paperdex');
  expect(byId(backup.papers)).toEqual(byId(await readLibrary(library.page)));
});

test('the popup opens the library, tags a paper and marks it read in place', async ({ context, extensionId }) => {
  const library = await seeded(context, extensionId);
  const popup = await PopupPage.open(context, extensionId);
  const first = popup.items().first();
  // A row's actions show once the user points at it (or moves to it with the arrows).
  await first.hover();
  await first.getByRole('button', { name: 'Reading status' }).click();
  await popup.page.getByRole('menuitemradio', { name: 'Read', exact: true }).click();
  await expect(first).toContainText('Read');
  await first.getByRole('button', { name: 'Edit tags' }).click();
  await first.getByLabel('Add tags').fill('favourite');
  await first.getByLabel('Add tags').press('Enter');
  await expect(first.getByRole('list', { name: 'Tags' })).toContainText('favourite');
  await expect.poll(async () => (await readLibrary(popup.page)).filter((p) => p.readingStatus === 'read' && p.tags.includes('favourite')).length).toBe(1);

  // "Open library" brings the open library tab to the front instead of opening another.
  const libraryTabs = () => context.pages().filter((p) => p.url().endsWith('/library.html'));
  const isActive = (page: Page) =>
    page.evaluate(async () => (await (globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ active: boolean }> } } }).chrome.tabs.getCurrent()).active);
  await popup.page.bringToFront();
  expect(await isActive(library.page)).toBe(false);
  await popup.page.getByRole('button', { name: 'Open library' }).click();
  await expect.poll(() => isActive(library.page)).toBe(true);
  expect(libraryTabs()).toHaveLength(1);
  // With none open, it opens one.
  await library.page.close();
  const opened = context.waitForEvent('page');
  await popup.page.getByRole('button', { name: 'Open library' }).click();
  const tab = await opened;
  await expect(tab.getByRole('heading', { name: 'Paperdex library' })).toBeVisible();
  expect(libraryTabs()).toHaveLength(1);
});
