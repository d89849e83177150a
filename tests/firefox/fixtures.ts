import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { startFixtureProxy, type FixtureProxy, type ProxyRoutes } from './proxy';

/**
 * The Firefox build (`npm run build:firefox`) in real Firefox: Debian's firefox-esr driven over
 * WebDriver BiDi with puppeteer-core (Playwright's own Firefox cannot be downloaded here), the
 * build installed as a temporary add-on, every request answered by the fixture proxy.
 */

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on id of the manifest (browser_specific_settings.gecko.id). */
const ADDON_ID = 'paperdex@paperdex.app';

export interface FirefoxSession {
  browser: Browser;
  proxy: FixtureProxy;
  /** Where the downloads (exports, backups) land. */
  downloads: string;
  /** A page of the extension (popup.html, library.html) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Every file under the downloads folder that is complete. */
  downloaded(): string[];
}

export async function launchFirefox(routes: ProxyRoutes): Promise<FirefoxSession & { close(): Promise<void> }> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No Firefox build at ${EXTENSION_DIR}: run "npm run build:firefox" first.`);
  const proxy = await startFixtureProxy(routes);
  const uuid = randomUUID();
  const downloads = mkdtempSync(join(tmpdir(), 'paperdex-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    // Lets puppeteer's stand-in remote-settings server take effect in a release build: Firefox
    // then makes no request of its own to Mozilla.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      ...proxy.prefs,
      // The moz-extension:// origin of the add-on, fixed so that tests can open its pages.
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  await browser.installExtension(EXTENSION_DIR);
  return {
    browser,
    proxy,
    downloads,
    async openExtensionPage(path) {
      // Firefox 153 refuses a navigation to moz-extension: made over BiDi ("not allowed in this
      // context"), so the extension opens the tab itself: a page of its own that is already open
      // (the welcome page it opens on install) asks for it with browser.tabs.create. Its targets
      // keep saying about:blank, so pages are told apart by their own location.
      const origin = `moz-extension://${uuid}/`;
      const url = `${origin}${path}`;
      const before = new Set(await browser.pages());
      const opener = await pageAt(browser, (href) => href.startsWith(origin));
      await opener.evaluate((u) => {
        void (globalThis as unknown as { browser: { tabs: { create(o: { url: string }): Promise<unknown> } } }).browser.tabs.create({ url: u });
      }, url);
      return pageAt(browser, (href, page) => href === url && !before.has(page));
    },
    // Firefox writes `name.part` beside an empty `name` and renames it when done.
    downloaded: () =>
      (readdirSync(downloads, { recursive: true }) as string[]).filter(
        (f) => /\.\w+$/.test(f) && !f.endsWith('.part') && !existsSync(join(downloads, `${f}.part`)) && statSync(join(downloads, f)).size > 0,
      ),
    async close() {
      // A Firefox that does not close in time is ended: a test's end never waits on it.
      const closed = browser.close().then(() => true, () => false);
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000));
      if (!(await Promise.race([closed, timeout]))) browser.process()?.kill('SIGKILL');
      await proxy.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ firefox: (routes: ProxyRoutes) => Promise<FirefoxSession> }>({
  firefox: async ({}, use) => {
    const sessions: Awaited<ReturnType<typeof launchFirefox>>[] = [];
    await use(async (routes) => {
      const session = await launchFirefox(routes);
      sessions.push(session);
      return session;
    });
    for (const session of sessions) await session.close();
  },
});

export const expect = test.expect;

/** The first page whose location (read in the page, once loaded) passes `wanted`, waited for. */
async function pageAt(browser: Browser, wanted: (href: string, page: Page) => boolean, timeout = 20_000): Promise<Page> {
  const end = Date.now() + timeout;
  for (;;) {
    for (const page of await browser.pages()) {
      const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
      if (state && state[1] === 'complete' && wanted(state[0]!, page)) return page;
    }
    if (Date.now() > end) throw new Error('timed out waiting for an extension page to open');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits for `fn` to return something truthy in the page. On extension pages puppeteer's own
 * waitForFunction and locators cannot run (they build functions with `new Function`, which the
 * extension's CSP forbids), so this polls with evaluate.
 */
export async function waitFor<A, R>(page: Page, fn: (arg: A) => R, arg: A, timeout = 10_000): Promise<R> {
  const end = Date.now() + timeout;
  for (;;) {
    const evaluate = page.evaluate.bind(page) as (f: (arg: A) => R, a: A) => Promise<R>;
    const value = await evaluate(fn, arg).catch(() => undefined);
    if (value) return value as R;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn.toString().slice(0, 160)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first element matching `selector` whose text contains `text`, clicked with the mouse. */
export async function clickText(page: Page, selector: string, text: string): Promise<void> {
  await waitFor(page, ([s, t]) => [...document.querySelectorAll(s)].some((e) => e.textContent?.includes(t)), [selector, text] as const);
  const handle = await page.evaluateHandle(([s, t]) => [...document.querySelectorAll(s)].find((e) => e.textContent?.includes(t)), [selector, text] as const);
  await (handle as ElementHandle<Element>).click();
}

/** The text of the page's body. */
export const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);
