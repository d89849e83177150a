import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import type { Paper } from '../../utils/paper/schema';
import { LOOKUP_PERMISSIONS } from '../../utils/sites/hosts';
import { allowOptionalHosts, expect, fixtureText, test, type RouteAnswer, type SiteRoutes } from './fixtures';
import { ArxivPage } from './pages/arxiv';
import { LibraryPage } from './pages/library';
import { PopupPage } from './pages/popup';
import { readTable, seedLibrary } from './seed';

/**
 * "Find where papers were published and their code": off until turned on (nothing is sent to
 * Semantic Scholar or DBLP), then every paper looked up in the background, with badges, search
 * syntax, the details' "Published as", and BibTeX exports citing the published version.
 * Semantic Scholar, DBLP and Hugging Face answer from tests/fixtures/venues (see its README).
 */

// Lookups keep the services' spacing (Semantic Scholar 1.1 s, DBLP 1 s between requests), as
// they must with the real services: these tests spend ~5–10 s waiting on the clock, not the CPU.
test.describe.configure({ timeout: 60_000 });

const S2 = 'https://api.semanticscholar.org/graph/v1/paper/batch';
const DBLP_SEARCH = 'https://dblp.org/search/publ/api';
const ABS = 'https://arxiv.org/abs/2609.22268';

const S2_IDS = ['1506.03134', '1505.07818', '2306.06955', '1908.08926', '2609.22268'];
/**
 * Answered as papers Semantic Scholar does not know, so that DBLP is asked by title: for
 * "Efficient Deep Neural Networks" it answers a same-titled journal article by other people
 * first, then the CoRR copy. Neither may be attached.
 */
const UNKNOWN_TO_S2 = new Set(['1908.08926']);
const DBLP_FILES: Record<string, string> = {
  'pointer networks': 'dblp-search-pointer-networks.json',
  'domain adversarial training of neural networks': 'dblp-search-domain-adversarial.json',
  'a brief review of hypernetworks in deep learning': 'dblp-search-brief-review-hypernetworks.json',
  'efficient deep neural networks': 'dblp-search-efficient-deep-neural-networks.json',
};

const json = (body: unknown, status = 200): RouteAnswer => ({ body: JSON.stringify(body), contentType: 'application/json', status });

function record(arxivId: string, title: string, authors: string[], published: string, savedAt: number): Paper {
  return {
    id: `arxiv:${arxivId}`,
    arxivId,
    version: 1,
    title,
    authors,
    abstract: `${title}: the abstract.`,
    published,
    updated: published,
    url: `https://arxiv.org/abs/${arxivId}`,
    pdfUrl: `https://arxiv.org/pdf/${arxivId}`,
    categories: ['cs.LG'],
    sources: ['arxiv'],
    tags: [],
    notes: '',
    savedAt,
    updatedAt: savedAt,
  };
}

const now = Date.now();
const LIBRARY = [
  record('1506.03134', 'Pointer Networks', ['Oriol Vinyals', 'Meire Fortunato', 'Navdeep Jaitly'], '2015-06-09', now - 1000),
  record('1505.07818', 'Domain-Adversarial Training of Neural Networks', ['Yaroslav Ganin', 'Evgeniya Ustinova', 'Hana Ajakan', 'Pascal Germain', 'Hugo Larochelle', 'François Laviolette', 'Mario Marchand', 'Victor Lempitsky'], '2015-05-28', now - 2000),
  record('2306.06955', 'A Brief Review of Hypernetworks in Deep Learning', ['Vinod Kumar Chauhan', 'Jiandong Zhou', 'Ping Lu', 'Soheila Molaei', 'David A. Clifton'], '2023-06-12', now - 3000),
  record('1908.08926', 'Efficient Deep Neural Networks', ['Bichen Wu'], '2019-08-23', now - 4000),
  record('2605.06554', 'Long Context Pre-Training with Lighthouse Attention', ['Bowen Peng', 'Subho Ghosh', 'Jeffrey Quesnelle'], '2026-05-07', now - 5000),
];

/** Requests to the lookup services, by host, as the routes saw them. */
type Seen = Record<'s2' | 'dblp' | 'hf', number> & { titles: string[] };

/**
 * The services as the fixtures answer them, all unreachable while `online()` says so;
 * Semantic Scholar may answer its n-th request otherwise first (a 429).
 */
function serveLookups(routes: SiteRoutes, s2First: (n: number) => RouteAnswer | undefined = () => undefined, online = () => true): Seen {
  const seen: Seen = { s2: 0, dblp: 0, hf: 0, titles: [] };
  const batch = JSON.parse(fixtureText('venues', 's2-batch.json')) as unknown[];
  routes.set(S2, (_url, body) => {
    const first = s2First(++seen.s2);
    if (first) return first;
    if (!online()) return 'offline';
    const ids = (JSON.parse(body ?? '{"ids":[]}') as { ids: string[] }).ids.map((id) => id.replace('ARXIV:', ''));
    return json(ids.map((id) => (S2_IDS.includes(id) && !UNKNOWN_TO_S2.has(id) ? batch[S2_IDS.indexOf(id)] : null)));
  });
  routes.set(DBLP_SEARCH, (url) => {
    seen.dblp++;
    seen.titles.push(url.searchParams.get('q') ?? '');
    if (!online()) return 'offline';
    const file = DBLP_FILES[url.searchParams.get('q') ?? ''];
    return file ? { body: fixtureText('venues', file), contentType: 'application/json' } : json({ result: { hits: { '@total': '0' } } });
  });
  for (const key of ['conf/nips/VinyalsFJ15', 'journals/jmlr/GaninUAGLLML16']) {
    routes.set(`https://dblp.org/rec/${key}.bib`, () => {
      seen.dblp++;
      if (!online()) return 'offline';
      return { body: fixtureText('venues', `dblp-rec-${key.replaceAll('/', '-')}.bib`), contentType: 'text/plain' };
    });
  }
  for (const paper of LIBRARY) {
    routes.set(`https://huggingface.co/api/papers/${paper.arxivId}`, () => {
      seen.hf++;
      if (!online()) return 'offline';
      return paper.arxivId === '2605.06554'
        ? { body: fixtureText('huggingface-api', 'api-papers-2605.06554.json'), contentType: 'application/json' }
        : json({ error: 'Paper not found' }, 404);
    });
  }
  return seen;
}

/** A library page over these papers (each DBLP lookup takes two requests a second apart: tests keep few). */
async function seeded(context: BrowserContext, extensionId: string, papers = LIBRARY): Promise<LibraryPage> {
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  await seedLibrary(popup.page, papers);
  await popup.page.close();
  const library = await LibraryPage.open(context, extensionId);
  await expect(library.rows().first()).toHaveAttribute('aria-setsize', String(papers.length));
  return library;
}

const SETTING = 'Find where papers were published and their code';

/** Turns the lookups on in Settings, the browser allowing the two hosts as a user would. */
async function turnOn(library: LibraryPage, context: BrowserContext, extensionId: string): Promise<void> {
  await allowOptionalHosts(context, extensionId, LOOKUP_PERMISSIONS);
  await library.button('Settings').click();
  const setting = library.page.getByRole('checkbox', { name: SETTING });
  await expect(setting).not.toBeChecked();
  await setting.click();
  await expect(setting).toBeChecked();
  await library.page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
}

test('off until turned on: a save sends nothing to Semantic Scholar or DBLP; turned on, the library is looked up', async ({ context, extensionId, routes }) => {
  const seen = serveLookups(routes);
  routes.set(ABS, { body: fixtureText('arxiv', 'abs-2609.22268', 'page.html') });
  const library = await seeded(context, extensionId, LIBRARY.slice(2, 3));

  // Off: a save (and the background's work after it) writes no lookup and sends nothing.
  const arxiv = new ArxivPage(await context.newPage());
  await arxiv.page.goto(ABS);
  await arxiv.saveButton().click();
  await expect(arxiv.saveButton()).toHaveAccessibleName('Saved in Paperdex');
  await expect(library.rows().first()).toHaveAttribute('aria-setsize', '2');
  const jobs = await readTable<{ kind: string }[]>(library.page, 'jobs', 'getAll');
  expect(jobs.filter((j) => j.kind === 'publication')).toEqual([]);
  expect(seen).toEqual({ s2: 0, dblp: 0, hf: 0, titles: [] });

  // On: both papers are looked up (the same routes, now asked).
  await turnOn(library, context, extensionId);
  await expect.poll(async () => (await readTable<Paper[]>(library.page, 'papers', 'getAll')).filter((p) => p.checkedAt).length, { timeout: 10_000 }).toBe(2);
  expect(seen.s2).toBeGreaterThan(0);
});

test('looked up: venue badges and code links, filters and syntax, "Published as", and BibTeX citing the published version', async ({ context, extensionId, routes }) => {
  const { titles: dblpTitles } = serveLookups(routes);
  const library = await seeded(context, extensionId);
  await turnOn(library, context, extensionId);
  const pointer = library.row('Pointer Networks');
  await expect(pointer.getByText('NIPS 2015', { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(library.row('Domain-Adversarial Training').getByText('J. Mach. Learn. Res. 2016', { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(library.row('Lighthouse Attention').getByText('code', { exact: true })).toBeVisible({ timeout: 10_000 });
  // Every paper answered: the ones without a venue show none (no false match from a same-titled paper).
  await expect.poll(async () => (await readTable<Paper[]>(library.page, 'papers', 'getAll')).filter((p) => p.checkedAt).length, { timeout: 10_000 }).toBe(LIBRARY.length);
  await expect(library.row('Efficient Deep Neural Networks').locator('.badge-venue')).toHaveCount(0);
  expect(dblpTitles).toContain('efficient deep neural networks');
  await expect(library.row('A Brief Review of Hypernetworks').locator('.badge-venue')).toHaveCount(0);

  // The sidebar counts them; the search syntax finds them.
  await expect(library.page.getByRole('button', { name: /^Published\s*2$/ })).toBeVisible();
  await expect(library.page.getByRole('button', { name: /^Has code\s*1$/ })).toBeVisible();
  await library.search.fill('venue:neurips');
  await expect(library.rows()).toHaveCount(1);
  await expect(library.rows().first()).toContainText('Pointer Networks');
  await library.search.fill('is:published -venue:jmlr');
  await expect(library.rows()).toHaveCount(1);
  await library.search.fill('has:code');
  await expect(library.rows().first()).toContainText('Lighthouse Attention');
  await library.search.fill('');

  // The details say where, with links.
  await pointer.getByRole('button').first().click();
  const details = library.page.getByRole('region', { name: 'Paper details' });
  await expect(details.getByText(/^Published as/)).toContainText('Advances in Neural Information Processing Systems 28');
  await expect(details.getByRole('link', { name: 'DBLP record' })).toHaveAttribute('href', 'https://dblp.org/rec/conf/nips/VinyalsFJ15');
  // Adding a code link by hand leaves the venue as it was found, details and all.
  await details.getByRole('button', { name: 'Edit venue' }).click();
  await details.getByRole('form', { name: 'Edit venue' }).getByLabel('Code repository').fill('https://github.com/vinyals/pointer');
  await details.getByRole('button', { name: 'Save venue' }).click();
  await expect(details.getByRole('link', { name: 'Code', exact: true })).toHaveAttribute('href', 'https://github.com/vinyals/pointer');
  await expect(details.getByRole('link', { name: 'DBLP record' })).toBeVisible();
  await expect(details.getByText(/^Published as/)).toContainText('found by DBLP');

  // BibTeX cites it as published, arXiv fields kept; asked not to, as the preprint.
  await library.button('Export').click();
  const dialog = library.page.getByRole('dialog');
  await expect(dialog.getByRole('checkbox', { name: 'Cite preprints as published when known' })).toBeChecked();
  const file = library.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const bib = readFileSync((await (await file).path())!, 'utf8');
  expect(bib).toMatch(/@inproceedings\{vinyals2015pointer,[^@]*booktitle = \{Advances in Neural Information Processing Systems 28[^@]*pages = \{2692--2700\}[^@]*eprint = \{1506\.03134\}/);
  expect(bib).toMatch(/@article\{ganin2015domain,[^@]*journal = \{J\. Mach\. Learn\. Res\.\}[^@]*volume = \{17\}/);
  expect(bib).toMatch(/@misc\{chauhan2023brief,/);

  // The popup shows the badge and the code link.
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.item('Pointer Networks').getByText('NIPS 2015', { exact: true })).toBeVisible();
  await expect(popup.item('Lighthouse Attention').getByRole('link', { name: 'Code for Long Context Pre-Training with Lighthouse Attention' })).toHaveAttribute(
    'href',
    'https://github.com/ighoshsubho/lighthouse-attention',
  );
});

test('a 429 from Semantic Scholar is waited out; offline, nothing changes and the lookup is kept for later', async ({ context, extensionId, routes }) => {
  let online = true;
  const seen = serveLookups(routes, (n) => (n === 1 ? json(JSON.parse(fixtureText('venues', 's2-429.json')), 429) : undefined), () => online);
  const library = await seeded(context, extensionId, LIBRARY.slice(0, 1));
  await turnOn(library, context, extensionId);
  // The first answer is a 429: Paperdex waits and asks again, and the venues come.
  await expect(library.row('Pointer Networks').getByText('NIPS 2015', { exact: true })).toBeVisible({ timeout: 20_000 });
  expect(seen.s2).toBeGreaterThanOrEqual(2);

  // Offline, "Check now" fails: the record keeps what it had, and the lookup waits, saying why.
  online = false;
  await library.row('Pointer Networks').getByRole('button').first().click();
  const details = library.page.getByRole('region', { name: 'Paper details' });
  const before = (await readTable<Paper[]>(library.page, 'papers', 'getAll')).find((p) => p.arxivId === '1506.03134');
  await details.getByRole('button', { name: 'Check now' }).click();
  const waiting = async () => (await readTable<{ id: string; lastError?: string; notBefore: number }[]>(library.page, 'jobs', 'getAll')).find((j) => j.id === 'publication:arxiv:1506.03134');
  await expect.poll(async () => (await waiting())?.lastError, { timeout: 20_000 }).toMatch(/can't be reached/);
  expect((await waiting())!.notBefore).toBeGreaterThan(Date.now());
  expect((await readTable<Paper[]>(library.page, 'papers', 'getAll')).find((p) => p.arxivId === '1506.03134')).toEqual(before);
  await expect(details.getByText(/^Published as/)).toContainText('Advances in Neural Information Processing Systems 28');

  // Back online, "Check now" looks it up at once.
  online = true;
  await details.getByRole('button', { name: 'Check now' }).click();
  await expect.poll(async () => (await waiting())?.lastError, { timeout: 20_000 }).toBeUndefined();
});

test('the venue the user writes is kept: a lookup never replaces it', async ({ context, extensionId, routes }) => {
  serveLookups(routes);
  const library = await seeded(context, extensionId, LIBRARY.slice(0, 1));
  await library.row('Pointer Networks').getByRole('button').first().click();
  const details = library.page.getByRole('region', { name: 'Paper details' });
  await details.getByRole('button', { name: 'Edit venue' }).click();
  const form = details.getByRole('form', { name: 'Edit venue' });
  await form.getByLabel('Venue', { exact: true }).fill('Deep Learning Workshop');
  await form.getByLabel('Short name').fill('DLW');
  await form.getByLabel('Year').fill('2014');
  await form.getByLabel('Kind').selectOption('workshop');
  await form.getByRole('button', { name: 'Save venue' }).click();
  await expect(library.row('Pointer Networks').getByText('DLW 2014', { exact: true })).toBeVisible();

  await turnOn(library, context, extensionId);
  await expect.poll(async () => (await readTable<Paper[]>(library.page, 'papers', 'getAll')).find((p) => p.arxivId === '1506.03134')?.checkedAt, { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(library.row('Pointer Networks').getByText('DLW 2014', { exact: true })).toBeVisible();
  await expect(details.getByText(/^Published as/)).toContainText('Deep Learning Workshop');
});
