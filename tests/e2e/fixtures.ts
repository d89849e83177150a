import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test as base, chromium, type BrowserContext, type Page, type Route, type Worker } from '@playwright/test';

/** The built extension (`npm run build`); the e2e script builds it first. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function fixtureText(...path: string[]): string {
  return readFileSync(join(FIXTURES, ...path), 'utf8');
}

export interface RouteAnswer {
  body: string;
  contentType?: string;
  status?: number;
  headers?: Record<string, string>;
}

/**
 * An answer, `'offline'` (the connection fails), or a function of the request's URL giving
 * either, at once or later (a request held back until the test lets it through).
 */
export type RouteEntry = RouteAnswer | 'offline' | ((url: URL, body: string | null) => RouteAnswer | 'offline' | Promise<RouteAnswer | 'offline'>);

/**
 * Serves saved pages and API responses by origin + path; every other request to the sites gets
 * a 404, never the network.
 */
export type SiteRoutes = Map<string, RouteEntry>;

/** A saved arXiv API response, as export.arxiv.org serves it. */
export function arxivApiAnswer(file: string, status = 200): RouteAnswer {
  return { body: fixtureText('arxiv-api', file), contentType: 'application/atom+xml; charset=utf-8', status };
}

export const ARXIV_API = 'https://export.arxiv.org/api/query';

/**
 * The sites' own stylesheets for the saved pages (tests/fixtures/styles/SOURCE.txt), so that
 * pages are laid out as users see them: arXiv's /static/…/css/<name>.css, Hugging Face's
 * /front/build/…/style.css.
 */
function siteStylesheet(url: URL): string | undefined {
  const name = /\/([\w-]+\.css)$/.exec(url.pathname)?.[1];
  if (!name) return undefined;
  const site = url.hostname === 'huggingface.co' ? 'huggingface' : 'arxiv';
  const file = join(FIXTURES, 'styles', site, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/**
 * Launches Debian's Chromium with the built extension in a fresh profile. Nothing leaves the
 * machine: hosts resolve nowhere, and the sites Paperdex reads are served from saved pages.
 */
export async function launchWithExtension(routes: SiteRoutes): Promise<BrowserContext> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // arXiv, Hugging Face, and the venue lookups' Semantic Scholar and DBLP.
  await context.route(/^https:\/\/((www|export)\.)?arxiv\.org\/|^https:\/\/(huggingface\.co|api\.semanticscholar\.org|dblp\.org)\//, async (route: Route) => {
    const url = new URL(route.request().url());
    const entry = routes.get(`${url.origin}${url.pathname}`);
    const answer = typeof entry === 'function' ? await entry(url, route.request().postData()) : entry;
    // The worker that asked may have been stopped meanwhile: its request is gone.
    if (answer === 'offline') return route.abort('internetdisconnected').catch(() => undefined);
    if (answer) {
      return route
        .fulfill({
          status: answer.status ?? 200,
          contentType: answer.contentType ?? 'text/html; charset=utf-8',
          headers: answer.headers,
          body: answer.body,
        })
        .catch(() => undefined);
    }
    const sheet = siteStylesheet(url);
    if (sheet) return route.fulfill({ contentType: 'text/css', body: sheet }).catch(() => undefined);
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the test fixtures' }).catch(() => undefined);
  });
  return context;
}

/**
 * Stops the extension's service worker as Chrome does when it idles or updates (CDP
 * `ServiceWorker.stopAllWorkers`); the next event (a message, an alarm) starts it again.
 */
export async function stopServiceWorker(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.close();
}

export interface ApiPaper {
  id: string;
  version: number;
  title: string;
  authors: string[];
  summary: string;
  published: string;
  updated: string;
  categories: string[];
}

/**
 * An arXiv API answer for these papers, in the markup of the saved real response
 * `api-id-1605.08386.xml` (its feed and one entry per paper, values put in): for requests the
 * saved responses do not answer, such as an id_list of fifty.
 */
export function arxivFeed(papers: readonly ApiPaper[]): RouteAnswer {
  const saved = fixtureText('arxiv-api', 'api-id-1605.08386.xml');
  const [head, rest] = saved.split('<entry>') as [string, string];
  const [entry, tail] = rest.split('</entry>') as [string, string];
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const entries = papers.map((p) => {
    const authors = p.authors.map((a) => `\n    <author>\n      <name>${esc(a)}</name>\n    </author>`).join('');
    const categories = p.categories.map((c) => `\n    <category term="${c}" scheme="http://arxiv.org/schemas/atom"/>`).join('');
    return entry
      .replaceAll('1605.08386v1', `${p.id}v${p.version}`)
      .replace(/<title>[^<]*<\/title>/, `<title>${esc(p.title)}</title>`)
      .replace(/<summary>[^<]*<\/summary>/, `<summary>${esc(p.summary)}</summary>`)
      .replace(/<updated>[^<]*<\/updated>/, `<updated>${p.updated}T12:00:00Z</updated>`)
      .replace(/<published>[^<]*<\/published>/, `<published>${p.published}T12:00:00Z</published>`)
      .replace(/(\n {4}<category [^>]*\/>)+/, categories)
      .replace(/<arxiv:primary_category term="[^"]*"\/>/, `<arxiv:primary_category term="${p.categories[0]}"/>`)
      .replace(/(\n {4}<author>\n {6}<name>[^<]*<\/name>\n {4}<\/author>)+/, authors);
  });
  const body = head.replace(/<opensearch:totalResults>\d+</, `<opensearch:totalResults>${papers.length}<`) + entries.map((e) => `<entry>${e}</entry>`).join('\n  ') + tail;
  return { body, contentType: 'application/atom+xml; charset=utf-8' };
}

/**
 * Grants the optional host permissions the venue lookups ask for, as a user accepting the
 * browser's prompt would: headless Chromium shows no prompt (permissions.request never
 * answers), but a host the extensions page added is granted without one.
 */
export async function allowOptionalHosts(context: BrowserContext, extensionId: string, origins: readonly string[]): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(
    ([id, hosts]) => Promise.all((hosts as string[]).map((host) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id as string, host))),
    [extensionId, origins] as const,
  );
  await page.close();
}

/** The welcome page that installing opens, once it has its address. */
export async function welcomePage(context: BrowserContext): Promise<Page> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const welcome = context.pages().find((page) => page.url().endsWith('/welcome.html'));
    if (welcome) return welcome;
    if (Date.now() > deadline) throw new Error('Installing Paperdex opened no welcome page');
    // A tab the extension opens may not have its address yet: wait for the next tab or load.
    const next = await context.waitForEvent('page', { timeout: 1000 }).catch(() => null);
    await next?.waitForLoadState('domcontentloaded').catch(() => undefined);
  }
}

/** Closes the welcome page, so that every test starts from the same tabs. */
export async function closeWelcome(context: BrowserContext): Promise<void> {
  await (await welcomePage(context)).close();
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/**
 * The tab an extension opens: its first load can start before Playwright routes it (offline it
 * then shows a network error page); reloading loads the same address through the routes.
 */
export async function openedTab(opening: Promise<Page>, url: string): Promise<Page> {
  const tab = await opening;
  await tab.waitForLoadState('domcontentloaded');
  if (tab.url() !== url) await tab.reload();
  return tab;
}

export const test = base.extend<{ routes: SiteRoutes; context: BrowserContext; extensionId: string }>({
  routes: async ({}, use) => {
    await use(new Map());
  },
  context: async ({ routes }, use) => {
    const context = await launchWithExtension(routes);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = await extensionWorker(context);
    // Installing opens the welcome page (tests/e2e/look-and-feel.spec.ts looks at it): it is
    // closed, so that every test starts from the same tabs.
    await closeWelcome(context);
    await use(new URL(worker.url()).host);
  },
});

export const expect = test.expect;
