/**
 * In-browser benchmark of the popup (`npm run bench`): the built extension in Debian's Chromium
 * with a generated library of 10,000 and then 50,000 papers. Prints a table against the budgets
 * of the search issue; asserts nothing about time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, launchWithExtension, extensionWorker, test } from '../../tests/e2e/fixtures';
import { seedLibrary } from '../../tests/e2e/seed';
import { generateLibrary } from '../../tests/support/generate-library';

const OPENS = 10;
/** A fast typist: ten characters a second (120 words a minute). */
const TYPING_DELAY_MS = 100;
const TYPED_AT_ONCE = 'netwrok prunning';
const queries = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/fixtures/search/half-remembered-queries.json'), 'utf8')) as {
    query: string;
  }[]
).map((q) => q.query);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function seeded(size: number): Promise<{ context: BrowserContext; popupUrl: string }> {
  const context = await launchWithExtension(new Map());
  const id = new URL((await extensionWorker(context)).url()).host;
  const popupUrl = `chrome-extension://${id}/popup.html`;
  const page = await context.newPage();
  await page.goto(popupUrl);
  await expect(page.getByText('Your library is empty.')).toBeVisible();
  const library = generateLibrary(size);
  for (let i = 0; i < library.length; i += 2500) await seedLibrary(page, library.slice(i, i + 2500));
  // First open after an outside write: the popup notices and builds (and stores) the index.
  await page.reload();
  await expect(page.getByText(`${size.toLocaleString('en')} papers, newest first`)).toBeVisible({ timeout: 120_000 });
  await expect
    .poll(() => page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('paperdex');
      open.onsuccess = () => {
        const get = open.result.transaction('searchIndex').objectStore('searchIndex').get('meta');
        get.onsuccess = () => { resolve(Boolean(get.result)); open.result.close(); };
      };
    })), { timeout: 120_000 })
    .toBe(true);
  await page.close();
  return { context, popupUrl };
}

/** Milliseconds from navigation start until the first result row is on screen. */
async function firstResults(context: BrowserContext, popupUrl: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('li.paper a.paper-title')) {
        (window as { __firstRow?: number }).__firstRow = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(popupUrl);
  const at = await page.waitForFunction(() => (window as { __firstRow?: number }).__firstRow).then((h) => h.jsonValue());
  await page.close();
  return at as number;
}

/** Milliseconds from navigation start until results for a query typed as the popup opens. */
async function typedAtOnce(context: BrowserContext, popupUrl: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript((query) => {
    new MutationObserver((_, observer) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]');
      if (!input) return;
      observer.disconnect();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, query);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }).observe(document, { childList: true, subtree: true });
  }, TYPED_AT_ONCE);
  await page.goto(popupUrl);
  const at = await page
    .waitForFunction((query) => performance.getEntriesByName('paperdex:results').find((m) => (m as PerformanceMark).detail === query)?.startTime, TYPED_AT_ONCE)
    .then((h) => h.jsonValue());
  await expect(page.getByRole('listitem').first()).toContainText('Rethinking the Value of Network Pruning');
  await page.close();
  return at as number;
}

/** Keystroke → results committed to the DOM, for every letter of every query typed. */
async function keystrokes(page: Page): Promise<number[]> {
  const search = page.getByRole('searchbox', { name: 'Search papers' });
  await page.evaluate(() => performance.clearMarks());
  for (const q of queries) {
    await search.press('Escape');
    await search.pressSequentially(q, { delay: TYPING_DELAY_MS });
    await page.waitForFunction((query) => performance.getEntriesByName('paperdex:results').some((m) => (m as PerformanceMark).detail === query), q);
  }
  return page.evaluate(() => {
    const inputs = performance.getEntriesByName('paperdex:input') as PerformanceMark[];
    const results = performance.getEntriesByName('paperdex:results') as PerformanceMark[];
    return inputs
      .map((input) => results.find((r) => r.detail === input.detail && r.startTime >= input.startTime))
      .map((r, i) => (r ? r.startTime - inputs[i]!.startTime : NaN))
      .filter((d) => !Number.isNaN(d));
  });
}

/**
 * The popup's memory: the JS heap after a garbage collection, plus the search index's typed
 * arrays, whose buffers live outside the heap (their sizes are read from the stored index).
 */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const buffers = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('paperdex');
        open.onsuccess = () => {
          const get = open.result.transaction('searchIndex').objectStore('searchIndex').get('snapshot');
          get.onsuccess = () => {
            const snapshot = (get.result?.snapshot ?? {}) as Record<string, unknown>;
            resolve(Object.values(snapshot).reduce<number>((sum, v) => sum + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0));
            open.result.close();
          };
        };
      }),
  );
  return (usedSize + buffers) / 1024 / 1024;
}

test('popup benchmark', async () => {
  const rows: [string, string, string, boolean][] = [];
  const row = (measure: string, value: number, unit: string, budget: number) =>
    rows.push([measure, `${value.toFixed(1)} ${unit}`, `≤ ${budget} ${unit}`, value <= budget]);

  for (const size of [10_000, 50_000]) {
    const { context, popupUrl } = await seeded(size);
    const label = size.toLocaleString('en');
    if (size === 10_000) {
      const opens: number[] = [];
      const typed: number[] = [];
      for (let i = 0; i < OPENS; i++) opens.push(await firstResults(context, popupUrl));
      for (let i = 0; i < OPENS; i++) typed.push(await typedAtOnce(context, popupUrl));
      row(`popup open → first results visible, ${label} papers (median of ${OPENS})`, percentile(opens, 50), 'ms', 100);
      row(`popup open → results for a query typed at once, ${label} papers (median of ${OPENS})`, percentile(typed, 50), 'ms', 200);
    }
    const page = await context.newPage();
    await page.goto(popupUrl);
    await expect(page.getByText(`${label} papers, newest first`)).toBeVisible({ timeout: 60_000 });
    const times = await keystrokes(page);
    row(`keystroke → results in the DOM, p95 of ${times.length}, ${label} papers`, percentile(times, 95), 'ms', 16);
    if (size === 50_000) row(`popup JS heap + index arrays, ${label} papers`, await heapMb(page), 'MB', 150);
    await context.close();
  }

  const lines = [
    '',
    `Popup in Chromium (headless, this machine), built extension, generated libraries:`,
    '',
    '| measure | measured | budget | |',
    '|---|---|---|---|',
    ...rows.map(([m, v, b, ok]) => `| ${m} | ${v} | ${b} | ${ok ? '✓' : '✗'} |`),
  ];
  console.log(lines.join('\n'));
});
