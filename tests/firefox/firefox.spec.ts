import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { fixtureText } from '../e2e/fixtures';
import { bodyText, clickText, expect, test, waitFor, type FirefoxSession } from './fixtures';
import type { ProxyRoutes } from './proxy';
import { RESIDENT_CHANNEL } from '../../utils/search/resident';

const ABS = 'https://arxiv.org/abs/2609.22268';
const DAY = 'https://huggingface.co/papers/date/2026-02-20';
const ABS_TITLE = 'Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains';
const DAY_TITLE = 'SpargeAttention2';

/** The saved real pages; arXiv's and Hugging Face's APIs offline (what the pages show is saved). */
const routes: ProxyRoutes = (url) => {
  if (url.href === ABS) return { body: fixtureText('arxiv', 'abs-2609.22268', 'page.html') };
  if (url.href === DAY) return { body: fixtureText('huggingface', 'papers-date-2026-02-20', 'page.html') };
  if (url.host === 'export.arxiv.org' || url.pathname.startsWith('/api/')) return 'offline';
  return undefined;
};

const SAVE = 'paperdex-save >>> button';

/** The name of the first Paperdex button in the page, once it says `name`. */
async function buttonSays(tab: Page, name: string, index = 0): Promise<void> {
  await tab.waitForFunction(
    (i, n) => document.querySelectorAll('paperdex-save')[i]?.shadowRoot?.querySelector('button')?.textContent?.trim() === n,
    { timeout: 10_000 },
    index,
    name,
  );
}

async function saveAbstractPage(firefox: FirefoxSession): Promise<Page> {
  const tab = await firefox.browser.newPage();
  await tab.goto(ABS);
  await tab.waitForSelector(SAVE);
  await buttonSays(tab, 'Save to Paperdex');
  await tab.click(SAVE);
  await buttonSays(tab, 'Saved in Paperdex');
  return tab;
}

test('Save buttons on arXiv and Hugging Face; a saved paper is found in the popup with a typo and listed in the library', async ({ firefox }) => {
  const session = await firefox(routes);
  const tab = await saveAbstractPage(session);

  await tab.goto(DAY);
  await tab.waitForFunction(() => document.querySelectorAll('paperdex-save').length === 23, { timeout: 10_000 });
  await tab.click(SAVE);
  await buttonSays(tab, 'Saved in Paperdex');

  const popup = await session.openExtensionPage('popup.html');
  await waitFor(popup, () => document.body.innerText.includes('2 papers, newest first'), undefined);
  await popup.type('input[type="search"]', 'spectal galerkn');
  await waitFor(popup, ([a, b]) => document.body.innerText.includes(a) && !document.body.innerText.includes(b), [ABS_TITLE, DAY_TITLE] as const);
  // The resident search answers here too: Firefox's background page keeps it in a frame.
  const resident = await waitFor(
    popup,
    (channelName) =>
      new Promise<{ total: number; title: string | undefined } | null>((resolve) => {
        const channel = new BroadcastChannel(channelName);
        channel.onmessage = (event: MessageEvent<{ paperdex: string; answer: { total: number; papers: { title: string }[] } | null }>) => {
          if (event.data.paperdex !== 'answer') return;
          channel.close();
          resolve(event.data.answer && { total: event.data.answer.total, title: event.data.answer.papers[0]?.title });
        };
        channel.postMessage({ paperdex: 'search', id: 'firefox', text: 'spectal galerkn' });
        setTimeout(() => resolve(null), 2000);
      }),
    RESIDENT_CHANNEL,
    15_000,
  ).catch(() => null);
  expect(resident).toEqual({ total: 1, title: ABS_TITLE });

  const library = await session.openExtensionPage('library.html');
  await waitFor(library, ([a, b]) => {
    const list = document.querySelector('[aria-label="Papers"]')?.textContent ?? '';
    return list.includes(a) && list.includes(b);
  }, [ABS_TITLE, DAY_TITLE] as const);
  // Firefox grants an extension with unlimitedStorage persistent storage.
  expect(await library.evaluate(() => navigator.storage.persisted())).toBe(true);
  await clickText(library, 'header button', 'Settings');
  await waitFor(library, () => /The storage is persistent/.test(document.body.innerText), undefined);
  // Everything Firefox asked for went to the fixture proxy (which forwards nothing), the
  // background's lookups included.
  expect(session.proxy.requests).toContain(ABS);
  expect(session.proxy.requests.some((u) => u.startsWith('https://export.arxiv.org/api/query?id_list=2602.13515'))).toBe(true);
});

test('a JSON export imports into a fresh profile, and a backup is written', async ({ firefox }) => {
  const first = await firefox(routes);
  await saveAbstractPage(first);
  const library = await first.openExtensionPage('library.html');
  await clickText(library, 'header button', 'Export');
  await waitFor(library, () => Boolean(document.querySelector('dialog select')), undefined);
  await library.select('dialog select', 'json');
  await clickText(library, 'dialog button', 'Download');
  await waitFor(library, () => /Exported 1 paper as paperdex-.*\.json/.test(document.body.innerText), undefined);
  const isExport = (f: string) => /^paperdex-[\d-]+\.json$/.test(f);
  /** The papers of a downloaded JSON file, once it is there whole. */
  const papersIn = (match: (f: string) => boolean) => () => {
    const name = first.downloaded().find(match);
    try {
      return name ? (JSON.parse(readFileSync(join(first.downloads, name), 'utf8')) as { papers: { title: string }[] }).papers.map((p) => p.title) : null;
    } catch {
      return null;
    }
  };
  await expect.poll(papersIn(isExport)).toEqual([ABS_TITLE]);
  const exported = first.downloaded().find(isExport)!;

  await clickText(library, 'header button', 'Settings');
  await clickText(library, 'dialog button', 'Back up now');
  await waitFor(library, () => /Backup written/.test(document.body.innerText), undefined);
  await expect.poll(papersIn((f) => /^Paperdex\/paperdex-backup-.*\.json$/.test(f))).toEqual([ABS_TITLE]);

  const fresh = await firefox(routes);
  const other = await fresh.openExtensionPage('library.html');
  await waitFor(other, () => document.body.innerText.includes('Your library is empty.'), undefined);
  const input = (await other.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(join(first.downloads, exported));
  await waitFor(other, () => document.body.innerText.includes('1 new paper'), undefined);
  await clickText(other, 'dialog button', 'Import 1 paper');
  await waitFor(other, () => /Imported 1 paper from paperdex-/.test(document.body.innerText), undefined);
  await waitFor(other, (t) => (document.querySelector('[aria-label="Papers"]')?.textContent ?? '').includes(t), ABS_TITLE);
  expect(await bodyText(other)).toContain('1 paper');
});
