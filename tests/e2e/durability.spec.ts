import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Paper } from '../../utils/paper/schema';
import { generateLibrary } from '../support/generate-library';
import { ARXIV_API, arxivFeed, expect, extensionWorker, fixtureText, stopServiceWorker, test, type ApiPaper } from './fixtures';
import { ArxivPage } from './pages/arxiv';
import { LibraryPage } from './pages/library';
import { PopupPage } from './pages/popup';
import { readLibrary, readTable, seedLibrary } from './seed';

/**
 * Nothing the background promised is lost when Chrome stops its service worker (CDP
 * ServiceWorker.stopAllWorkers): completions from arXiv and backups are written down in
 * IndexedDB and resumed when the worker starts again.
 */

const jobCount = (page: Page) => readTable<number>(page, 'jobs', 'count');

/** The downloads the extension made, read from one of its pages (its worker may have been stopped). */
async function downloads(page: Page): Promise<{ filename: string; state: string }[]> {
  return page.evaluate(async () => {
    type Item = { filename: string; state: string };
    const { downloads } = (globalThis as unknown as { chrome: { downloads: { search(q: object): Promise<Item[]> } } }).chrome;
    return (await downloads.search({})).map(({ filename, state }) => ({ filename, state }));
  });
}

const DAY = 'https://huggingface.co/papers/date/2026-02-20';

test('a paper saved from Hugging Face while arXiv is held back completes, once, after the worker is stopped and starts again', async ({ context, routes, extensionId }) => {
  const expected = JSON.parse(fixtureText('huggingface', 'papers-date-2026-02-20', 'expected.json')) as { saved: { record: Paper } };
  const record = expected.saved.record;
  routes.set(DAY, { body: fixtureText('huggingface', 'papers-date-2026-02-20', 'page.html') });
  const fromArxiv: ApiPaper = {
    id: record.arxivId,
    version: 2,
    title: record.title,
    authors: record.authors,
    summary: record.abstract,
    published: record.published,
    updated: '2026-03-02',
    categories: ['cs.LG', 'cs.CV'],
  };
  const asked: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  routes.set(ARXIV_API, async (url) => {
    asked.push(url.searchParams.get('id_list') ?? '');
    // The first request waits until its worker is gone; later ones are answered.
    if (asked.length === 1) {
      await held;
      return 'offline';
    }
    return arxivFeed([fromArxiv]);
  });

  const page = new ArxivPage(await context.newPage());
  await page.page.goto(DAY);
  await page.saveButton().first().click();
  // Hugging Face shows what a reader needs: saved at once; version and categories are owed.
  await expect(page.saveButton().first()).toHaveAccessibleName('Saved in Paperdex');
  await expect.poll(() => asked.length).toBe(1);

  await stopServiceWorker(context);
  release();
  // Opening the popup wakes the worker, which resumes what it owes.
  const popup = await PopupPage.open(context, extensionId);
  await expect.poll(async () => (await readLibrary(popup.page))[0]).toMatchObject({ id: record.id, version: 2, categories: ['cs.LG', 'cs.CV'], updated: '2026-03-02' });
  await expect.poll(() => jobCount(popup.page)).toBe(0);
  expect(asked).toEqual([record.arxivId, record.arxivId]);
});

test('the backup promised after an import is written when the worker stopped before it, and it is complete', async ({ context, extensionId }) => {
  test.setTimeout(90_000);
  // Shorter abstracts: the file handed to the page over the DevTools protocol stays small.
  const papers = generateLibrary(10_000, 3).map((p) => ({ ...p, abstract: p.abstract.slice(0, 200) }));
  const library = await LibraryPage.open(context, extensionId);
  await expect(library.page.getByText('Your library is empty.')).toBeVisible();
  await library.page
    .getByLabel('Choose a file to import')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'paperdex', version: 1, papers })) });
  await library.button('Import 10,000 papers').click({ timeout: 30_000 });
  await expect(library.page.getByText(/^Imported 10,000 papers/)).toBeVisible({ timeout: 30_000 });
  // The backup is due a few seconds after the import: the worker is stopped before.
  await stopServiceWorker(context);
  expect(await downloads(library.page)).toEqual([]);

  await PopupPage.open(context, extensionId);
  await expect.poll(async () => (await downloads(library.page)).map((d) => d.state), { timeout: 30_000 }).toEqual(['complete']);
  const [file] = await downloads(library.page);
  const backup = JSON.parse(readFileSync(file!.filename, 'utf8')) as { format: string; papers: Paper[] };
  expect(backup.format).toBe('paperdex');
  expect(backup.papers).toHaveLength(10_000);
  expect(new Set(backup.papers.map((p) => p.id))).toEqual(new Set(papers.map((p) => p.id)));
});

test("fifty papers owed by arXiv complete one request every 3 s, through two worker stops, none asked twice after it completed", async ({ context, routes, extensionId }) => {
  test.setTimeout(90_000);
  // Fifty papers imported without their details (Google Scholar gives no abstract).
  const api: ApiPaper[] = Array.from({ length: 50 }, (_, i) => ({
    id: `2601.${String(10001 + i)}`,
    version: 1 + (i % 3),
    title: `A Paper About Topic ${i + 1}`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    summary: `The abstract of paper ${i + 1}.`,
    published: '2026-01-15',
    updated: '2026-01-20',
    categories: ['cs.LG'],
  }));
  const bib = api.map((p, i) => `@article{p${i}, title={${p.title}}, author={Lovelace, Ada and others}, journal={arXiv preprint arXiv:${p.id}}, year={2026}}`).join('\n');
  const requests: { at: number; ids: string[] }[] = [];
  routes.set(ARXIV_API, (url) => {
    const ids = url.searchParams.get('id_list')!.split(',');
    requests.push({ at: Date.now(), ids });
    return arxivFeed(api.filter((p) => ids.includes(p.id)));
  });

  const library = await LibraryPage.open(context, extensionId);
  await library.page.getByLabel('Choose a file to import').setInputFiles({ name: 'scholar.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(bib) });
  await library.button('Import 50 papers').click();
  await expect(library.page.getByText(/^Imported 50 papers/)).toBeVisible();

  const complete = async () => (await readLibrary(library.page)).filter((p) => !p.incomplete).map((p) => p.id);
  const done: string[][] = [];
  for (const target of [20, 40]) {
    await expect.poll(async () => (await complete()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(target);
    done.push(await complete());
    await stopServiceWorker(context);
    await PopupPage.open(context, extensionId);
  }
  await expect.poll(async () => (await complete()).length, { timeout: 30_000 }).toBe(50);
  await expect(library.page.getByText(/waiting for arXiv/)).toHaveCount(0);

  // arXiv asks for one request every 3 s: never faster, restarts included.
  for (let i = 1; i < requests.length; i++) expect(requests[i]!.at - requests[i - 1]!.at).toBeGreaterThanOrEqual(2900);
  // A paper once completed is never asked for again.
  for (const [stop, completed] of done.entries()) {
    const later = requests.filter((r) => r.at > requests.findLast((q) => q.ids.some((id) => completed.includes(`arxiv:${id}`)))!.at);
    for (const r of later) expect(r.ids.filter((id) => completed.includes(`arxiv:${id}`)), `after stop ${stop + 1}`).toEqual([]);
  }
  const record = (await readLibrary(library.page)).find((p) => p.id === 'arxiv:2601.10002')!;
  expect(record).toMatchObject({ version: 2, abstract: 'The abstract of paper 2.', authors: ['Ada Lovelace', 'Alan Turing'], categories: ['cs.LG'] });
});

test('the library is in storage the browser will not evict, and the page says how much it uses', async ({ context, extensionId }) => {
  const worker = await extensionWorker(context);
  const manifest = await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { permissions: string[] } } } }).chrome.runtime.getManifest());
  expect(manifest.permissions).toContain('unlimitedStorage');
  // The page asks for persistence. Chromium grants persist() to no extension origin (it has no
  // registrable domain); what exempts the library from eviction there is unlimitedStorage, and
  // the page says which protects it. (Firefox grants persistence: see the Firefox tests.)
  await context.addInitScript(() => {
    const w = window as unknown as { persistAsked: number };
    w.persistAsked = 0;
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      w.persistAsked++;
      return persist();
    };
  });
  const library = await LibraryPage.open(context, extensionId);
  await library.button('Settings').click();
  const persisted = await library.page.evaluate(() => navigator.storage.persisted());
  await expect(library.page.getByText(persisted ? /The storage is persistent/ : /The storage is exempt from eviction/)).toBeVisible();
  await expect(library.page.getByText(/^Paperdex uses \d/)).toBeVisible();
  expect(await library.page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked)).toBe(1);
});

test('a record that no longer validates is kept, left out of search, listed with what is wrong, and exported unchanged', async ({ context, extensionId }) => {
  const [good, other] = generateLibrary(2, 5);
  const bad = { ...generateLibrary(3, 9)[2]!, title: 'A Hand-Edited Record', authors: 'Ada Lovelace, Alan Turing', published: 'May 2026' } as unknown as Paper;
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  await seedLibrary(popup.page, [good!, other!, bad]);
  await popup.page.reload();
  await expect(popup.page.getByText('2 papers, newest first')).toBeVisible();
  await popup.search.fill(good!.title.split(' ').slice(0, 3).join(' '));
  await expect(popup.items().first()).toContainText(good!.title);
  await popup.search.fill('hand edited');
  await expect(popup.page.getByText('No saved paper matches “hand edited”.')).toBeVisible();

  const library = await LibraryPage.open(context, extensionId);
  // The sidebar says so, and opens the settings where the records are listed.
  await library.button('1 record needs attention').click();
  const attention = library.page.getByRole('list', { name: 'Records that need attention' });
  await expect(attention).toContainText('A Hand-Edited Record');
  await expect(attention).toContainText('published');
  await library.button('Close').click();
  await library.button('Export').click();
  await library.page.getByLabel('Format', { exact: true }).selectOption('json');
  const download = library.page.waitForEvent('download');
  await library.button('Download').click();
  const file = await download;
  const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { papers: unknown[] };
  expect(exported.papers).toContainEqual(bad);
});

test('a repaired record leaves the list of records that need attention, as the check runs again after the change', async ({ context, extensionId }) => {
  const [good] = generateLibrary(1, 7);
  const bad = { ...generateLibrary(2, 11)[1]!, title: 'A Record With Its Tags As Text', tags: 'vision, nlp' } as unknown as Paper;
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  await seedLibrary(popup.page, [good!, bad]);
  await popup.page.close();

  const library = await LibraryPage.open(context, extensionId);
  await library.button('1 record needs attention').click();
  const attention = library.page.getByRole('list', { name: 'Records that need attention' });
  await expect(attention).toContainText('split at commas');
  await attention.getByRole('button', { name: 'Repair' }).click();
  await expect(library.page.getByText('Repaired 1 record.')).toBeVisible();
  await expect(attention).toBeHidden();
  await expect(library.button('1 record needs attention')).toBeHidden();
  await expect((await readTable<Paper[]>(library.page, 'papers', 'getAll')).find((p) => p.id === bad.id)?.tags).toEqual(['vision', 'nlp']);
});
