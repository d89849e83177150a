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

/** An answer, `'offline'` (the connection fails), or a function of the request's URL giving either. */
export type RouteEntry = RouteAnswer | 'offline' | ((url: URL) => RouteAnswer | 'offline');

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
  await context.route(/^https:\/\/((www|export)\.)?arxiv\.org\/|^https:\/\/huggingface\.co\//, (route: Route) => {
    const url = new URL(route.request().url());
    const entry = routes.get(`${url.origin}${url.pathname}`);
    const answer = typeof entry === 'function' ? entry(url) : entry;
    if (answer === 'offline') return route.abort('internetdisconnected');
    if (answer) {
      return route.fulfill({
        status: answer.status ?? 200,
        contentType: answer.contentType ?? 'text/html; charset=utf-8',
        headers: answer.headers,
        body: answer.body,
      });
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the test fixtures' });
  });
  return context;
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
    await use(new URL(worker.url()).host);
  },
});

export const expect = test.expect;
