import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Paper, SeenPaper } from '../../utils/paper/schema';
import { ARXIV_API, arxivApiAnswer, expect, fixtureText, test } from './fixtures';
import { ArxivPage } from './pages/arxiv';
import { PopupPage } from './pages/popup';
import { readLibrary } from './seed';

interface Expected {
  url: string;
  papers: SeenPaper[];
  /** Saving `papers[paper]` with the arXiv API answering with `arxivApi` (or offline) stores `record`. */
  saved: { paper: number; arxivApi: string; record: Omit<Paper, 'savedAt' | 'updatedAt'> };
}

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const cases = ['arxiv', 'huggingface'].flatMap((site) =>
  readdirSync(join(FIXTURES, site))
    .filter((name) => existsSync(join(FIXTURES, site, name, 'page.html')))
    .map((name) => ({
      name: `${site}/${name}`,
      html: fixtureText(site, name, 'page.html'),
      expected: JSON.parse(fixtureText(site, name, 'expected.json')) as Expected,
    })),
);

const withoutTimes = (papers: Paper[]) => papers.map(({ savedAt: _s, updatedAt: _u, ...rest }) => rest);
const key = (url: string) => `${new URL(url).origin}${new URL(url).pathname}`;

for (const c of cases) {
  test(`${c.name}: a button per paper; saving one stores exactly the expected record`, async ({ context, routes, extensionId }) => {
    const { saved, papers, url } = c.expected;
    routes.set(key(url), { body: c.html });
    routes.set(ARXIV_API, saved.arxivApi === 'offline' ? 'offline' : arxivApiAnswer(saved.arxivApi));
    routes.set(`https://huggingface.co/api/papers/${papers[saved.paper]!.arxivId}`, 'offline');

    const page = new ArxivPage(await context.newPage());
    await page.page.goto(url);
    await expect(page.saveButton()).toHaveCount(papers.length);
    await expect(page.saveButton().first()).toHaveAccessibleName('Save to Paperdex');
    await page.saveButton().nth(saved.paper).click();
    await expect(page.saveButton().nth(saved.paper)).toHaveAccessibleName(
      saved.record.incomplete ? 'Saved · incomplete' : 'Saved in Paperdex',
    );

    const popup = await PopupPage.open(context, extensionId);
    await expect.poll(async () => withoutTimes(await readLibrary(popup.page))).toEqual([saved.record]);
    if (saved.record.incomplete) await expect(popup.item(saved.record.title)).toContainText('incomplete');
  });
}

const RECENT = 'https://arxiv.org/list/cs.LG/recent';
const MANA = 'Mana: Dexterous Manipulation of Articulated Tools';

test('a listing without abstracts waits for arXiv, through a 429, and says so meanwhile', async ({ context, routes, extensionId }) => {
  routes.set(RECENT, { body: fixtureText('arxiv', 'list-recent-cs.LG-built', 'page.html') });
  let calls = 0;
  routes.set(ARXIV_API, () => {
    calls++;
    if (calls === 1) return { status: 429, body: 'Rate exceeded.', contentType: 'text/plain', headers: { 'Retry-After': '2' } };
    return arxivApiAnswer('api-search-transformer-cs.LG.xml');
  });
  const page = new ArxivPage(await context.newPage());
  await page.page.goto(RECENT);
  await page.saveButton().first().click();
  await expect(page.page.getByText('Fetching the details from arXiv…')).toBeVisible();
  await expect(page.saveButton().first()).toHaveAccessibleName('Saved in Paperdex');
  expect(calls).toBe(2);

  const popup = await PopupPage.open(context, extensionId);
  await popup.search.fill('dexterous articulated');
  await expect(popup.item(MANA)).toContainText('Zhao-Heng Yin, Guanya Shi, Pieter Abbeel et al. · 2026');
});

test('offline, a listing entry is kept as shown, marked incomplete, and Retry completes it', async ({ context, routes, extensionId }) => {
  routes.set(RECENT, { body: fixtureText('arxiv', 'list-recent-cs.LG-built', 'page.html') });
  let online = false;
  routes.set(ARXIV_API, () => (online ? arxivApiAnswer('api-search-transformer-cs.LG.xml') : 'offline'));
  routes.set('https://huggingface.co/api/papers/2606.13677', 'offline');
  const page = new ArxivPage(await context.newPage());
  await page.page.goto(RECENT);
  await page.saveButton().first().click();
  await expect(page.saveButton().first()).toHaveAccessibleName('Saved · incomplete');
  await expect(page.page.getByText("arXiv can't be reached: check your connection. Retry to complete it.")).toBeVisible();

  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.item(MANA)).toContainText('incomplete');
  expect((await readLibrary(popup.page))[0]).toMatchObject({ incomplete: true, abstract: '', authors: ['Zhao-Heng Yin', 'Guanya Shi', 'Pieter Abbeel', 'C. Karen Liu'] });

  online = true;
  await page.page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.saveButton().first()).toHaveAccessibleName('Saved in Paperdex');
  const [record] = await readLibrary(popup.page);
  expect(record?.incomplete).toBeUndefined();
  expect(record?.abstract).toMatch(/^Articulated tool manipulation remains a major challenge/);
  expect(record?.published).toBe('2026-06-11');
});

test('the same paper saved from Hugging Face and then arXiv is one record with both sources', async ({ context, routes, extensionId }) => {
  const HF = 'https://huggingface.co/papers/2609.22268';
  const ABS = 'https://arxiv.org/abs/2609.22268';
  routes.set(HF, { body: fixtureText('huggingface', 'paper-2609.22268-built', 'page.html') });
  routes.set(ABS, { body: fixtureText('arxiv', 'abs-2609.22268', 'page.html') });
  routes.set(ARXIV_API, 'offline');

  const hf = new ArxivPage(await context.newPage());
  await hf.page.goto(HF);
  await hf.saveButton().click();
  await expect(hf.saveButton()).toHaveAccessibleName('Saved in Paperdex');

  const arxiv = new ArxivPage(await context.newPage());
  await arxiv.page.goto(ABS);
  await expect(arxiv.saveButton()).toHaveAccessibleName('Saved in Paperdex');
  await arxiv.saveButton().click();
  await expect(arxiv.saveButton()).toHaveAccessibleName('Saved in Paperdex');
  await expect(hf.saveButton()).toHaveAccessibleName('Saved in Paperdex');

  const popup = await PopupPage.open(context, extensionId);
  await expect.poll(async () => (await readLibrary(popup.page)).map((p) => p.sources)).toEqual([['huggingface', 'arxiv']]);
  // The abstract page added what Hugging Face does not show.
  expect((await readLibrary(popup.page))[0]?.categories).toEqual(['cond-mat.mtrl-sci']);
});

test('Hugging Face cards added later (scrolling, client-side navigation) get buttons too', async ({ context, routes, extensionId }) => {
  const LIST = 'https://huggingface.co/papers/date/2026-02-20';
  routes.set(LIST, { body: fixtureText('huggingface', 'papers-date-2026-02-20', 'page.html') });
  routes.set(ARXIV_API, arxivApiAnswer('api-search-transformer-cs.LG.xml'));
  const page = new ArxivPage(await context.newPage());
  await page.page.goto(LIST);
  await expect(page.saveButton()).toHaveCount(23);

  // What infinite scroll does: a card whose paper is not in the page's embedded data.
  await page.page.evaluate((title) => {
    const card = document.createElement('article');
    const heading = document.createElement('h3');
    const link = document.createElement('a');
    link.href = '/papers/2606.13677';
    link.textContent = title;
    heading.append(link);
    card.append(heading);
    document.querySelector('article')!.parentElement!.append(card);
  }, MANA);
  await expect(page.saveButton()).toHaveCount(24);
  const added = page.page.locator('article').filter({ hasText: MANA }).getByRole('button', { name: /^Save/ });
  await added.click();
  await expect(added).toHaveAccessibleName('Saved in Paperdex');

  const popup = await PopupPage.open(context, extensionId);
  const [record] = await readLibrary(popup.page);
  expect(record).toMatchObject({ arxivId: '2606.13677', title: MANA, sources: ['huggingface'], published: '2026-06-11' });
  expect(record?.abstract).toMatch(/^Articulated tool manipulation/);
});
