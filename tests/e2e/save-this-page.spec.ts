import type { BrowserContext } from '@playwright/test';
import { ARXIV_API, arxivApiAnswer, expect, extensionWorker, test } from './fixtures';
import { PopupPage } from './pages/popup';
import { readLibrary } from './seed';

/** Chromium's PDF viewer takes any bytes served as a PDF; Paperdex only reads the address. */
const PDF = { body: '%PDF-1.4\n%%EOF\n', contentType: 'application/pdf' };

/** The popup for a given tab, as the toolbar button opens it for the active tab. */
async function popupFor(context: BrowserContext, extensionId: string, url: string): Promise<PopupPage> {
  const worker = await extensionWorker(context);
  const tabId = await worker.evaluate(async (u) => {
    const { tabs } = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    return (await tabs.query({ url: u }))[0]?.id;
  }, url);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return PopupPage.wrap(popup);
}

test('"Save this page" on a PDF view fetches the paper from arXiv, through a 429', async ({ context, routes, extensionId }) => {
  const url = 'https://arxiv.org/pdf/1605.08386v1';
  routes.set(url, PDF);
  let calls = 0;
  routes.set(ARXIV_API, () => (++calls === 1 ? { status: 429, body: '', headers: { 'Retry-After': '1' } } : arxivApiAnswer('api-id-1605.08386.xml')));
  const tab = await context.newPage();
  await tab.goto(url).catch(() => undefined); // the PDF viewer may abort the navigation promise

  const popup = await popupFor(context, extensionId, url);
  await popup.page.getByRole('button', { name: 'Save this page' }).click();
  await expect(popup.page.getByText('Saved arXiv 1605.08386v1 to your library.')).toBeVisible();
  expect(calls).toBe(2);
  const [record] = await readLibrary(popup.page);
  expect(record).toMatchObject({
    id: 'arxiv:1605.08386',
    version: 1,
    title: 'Heat-bath random walks with Markov bases',
    authors: ['Caprice Stanley', 'Tobias Windisch'],
    published: '2016-05-26',
    categories: ['math.CO', 'math.ST'],
    sources: ['arxiv'],
  });
  await expect(popup.item('Heat-bath random walks with Markov bases')).toHaveCount(1);
});

test('offline, "Save this page" says why, saves nothing, and Retry works once back online', async ({ context, routes, extensionId }) => {
  const url = 'https://arxiv.org/pdf/quant-ph/0201082v1';
  routes.set(url, PDF);
  let online = false;
  routes.set(ARXIV_API, () => (online ? arxivApiAnswer('api-id-quant-ph_0201082v1.xml') : 'offline'));
  const tab = await context.newPage();
  await tab.goto(url).catch(() => undefined);

  const popup = await popupFor(context, extensionId, url);
  await popup.page.getByRole('button', { name: 'Save this page' }).click();
  await expect(popup.page.getByRole('alert')).toHaveText(
    "Couldn't save arXiv quant-ph/0201082v1: arXiv can't be reached: check your connection.",
  );
  expect(await readLibrary(popup.page)).toEqual([]);

  online = true;
  await popup.page.getByRole('button', { name: 'Retry' }).click();
  await expect(popup.page.getByText('Saved arXiv quant-ph/0201082v1 to your library.')).toBeVisible();
  expect((await readLibrary(popup.page))[0]).toMatchObject({ arxivId: 'quant-ph/0201082', title: expect.stringMatching(/^Quantum Computers and Quantum Computer Languages/) });
});

test('an arXiv id the API rejects shows the reason', async ({ context, routes, extensionId }) => {
  const url = 'https://arxiv.org/html/2609.99999v1';
  routes.set(url, { body: '<!doctype html><title>HTML view</title><h1>A paper</h1>' });
  routes.set(ARXIV_API, arxivApiAnswer('api-id-abc-error-400.xml', 400));
  routes.set('https://huggingface.co/api/papers/2609.99999', { status: 404, body: '{"error":"Not Found"}', contentType: 'application/json' });
  const tab = await context.newPage();
  await tab.goto(url);
  const popup = await popupFor(context, extensionId, url);
  await popup.page.getByRole('button', { name: 'Save this page' }).click();
  await expect(popup.page.getByRole('alert')).toContainText('arXiv rejected the request: incorrect id format for abc.');
  expect(await readLibrary(popup.page)).toEqual([]);
});

test('pages that name no paper get no "Save this page"', async ({ context, routes, extensionId }) => {
  const url = 'https://arxiv.org/list/cs.LG/new';
  routes.set(url, { body: '<!doctype html><title>listing</title>' });
  const tab = await context.newPage();
  await tab.goto(url);
  const popup = await popupFor(context, extensionId, url);
  await expect(popup.search).toBeVisible();
  await expect(popup.page.getByRole('button', { name: 'Save this page' })).toHaveCount(0);
});
