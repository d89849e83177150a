/**
 * Export and import benchmark (`npm run bench`): the built extension's library page in
 * Debian's Chromium with a generated library of 10,000 papers. Export: click "Download" until
 * the file is handed to the browser (records read from IndexedDB, formatted, saved). Import into
 * a fresh profile: file chosen until the preview shows (read, parse, validate, plan), then
 * "Import" until the page says it is done (one transaction and the search index catching up).
 * Prints a table against the issue's budgets; asserts nothing about time.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { closeWelcome, expect, extensionWorker, launchWithExtension, test } from '../../tests/e2e/fixtures';
import { seedLibrary } from '../../tests/e2e/seed';
import { generateLibrary } from '../../tests/support/generate-library';
import { libraryToBibtex } from '../../utils/export/bibtex';

const SIZE = 10_000;
const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function libraryPage(context: import('@playwright/test').BrowserContext): Promise<Page> {
  const id = new URL((await extensionWorker(context)).url()).host;
  // The welcome tab Paperdex opens on install, closed as a person would before exporting (the
  // end-to-end tests do the same): left open, it held every download back by about 2 s here
  // (the page's own work measured 200–280 ms).
  await closeWelcome(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/library.html`);
  await expect(page.getByRole('heading', { name: 'Paperdex library' })).toBeVisible();
  return page;
}

/** The library page of a fresh profile. */
async function emptyLibraryPage() {
  const fresh = await launchWithExtension(new Map());
  const other = await libraryPage(fresh);
  await expect(other.getByText('Your library is empty.')).toBeVisible();
  return { fresh, other };
}

test('export and import benchmark', async () => {
  const rows: string[] = [];
  const row = (measure: string, ms: number, budget?: number) =>
    rows.push(`| ${measure} | ${ms.toFixed(0)} ms | ${budget ? `≤ ${budget} ms` : ''} | ${budget ? (ms <= budget ? '✓' : '✗') : ''} |`);

  const context = await launchWithExtension(new Map());
  const page = await libraryPage(context);
  await expect(page.getByText('Your library is empty.')).toBeVisible();
  for (const part of Array.from({ length: SIZE / 2500 }, (_, i) => generateLibrary(SIZE).slice(i * 2500, (i + 1) * 2500))) {
    await seedLibrary(page, part);
  }
  await page.reload();
  await expect(page.getByText(`${SIZE.toLocaleString('en')} papers`, { exact: true })).toBeVisible({ timeout: 60_000 });

  // The dialog reads the library while it is open; a person takes a moment to choose the
  // format. Both are reported: after a second in the dialog (the budget), and at once.
  let backup = '';
  for (const format of ['json', 'bibtex'] as const) {
    for (const pause of [1000, 0]) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        await page.getByLabel('Format', { exact: true }).selectOption(format);
        await page.waitForTimeout(pause);
        const downloaded = page.waitForEvent('download');
        const start = Date.now();
        await page.getByRole('button', { name: 'Download' }).click();
        const file = await downloaded;
        times.push(Date.now() - start);
        if (format === 'json' && !backup) backup = readFileSync((await file.path())!, 'utf8');
      }
      const label = `export ${SIZE.toLocaleString('en')} papers to ${format === 'json' ? 'JSON' : 'BibTeX'}, "Download" → file`;
      if (pause) row(`${label}, dialog open 1 s (median of ${RUNS})`, median(times), 500);
      else row(`${label}, clicked at once (median of ${RUNS})`, median(times));
    }
  }
  await context.close();

  const previews: number[] = [];
  const commits: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { fresh, other } = await emptyLibraryPage();
    // (Observers watch dialogs open too: the preview is a modal <dialog>, whose text is not in
    // innerText until showModal(), which changes only its `open` attribute.)
    // Timed in the page: handing a 15 MB file to the page over the DevTools protocol is the
    // harness's cost, not the extension's. From the file input's change event to the preview's
    // button in the DOM; from the click on it to the "Imported" message in the DOM.
    await other.evaluate((size) => {
      const w = window as { __t?: Record<string, number> };
      w.__t = {};
      document.addEventListener('change', () => (w.__t!.chosen = performance.now()), true);
      document.addEventListener('click', (e) => {
        if ((e.target as HTMLElement).textContent === `Import ${size} papers`) w.__t!.confirmed = performance.now();
      }, true);
      // Read as text, never innerText: innerText lays the page out, and the import's own
      // mutations would each pay for a layout the extension never asked for.
      new MutationObserver(() => {
        if (!w.__t!.previewed && document.querySelector('dialog[open]')?.textContent?.includes(`Import ${size} papers`)) w.__t!.previewed = performance.now();
        if (w.__t!.confirmed && !w.__t!.done && /Imported 10,000 papers/.test(document.body.textContent ?? '')) w.__t!.done = performance.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: ['open'] });
    }, SIZE.toLocaleString('en'));
    await other.getByLabel('Choose a file to import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect(other.getByRole('button', { name: `Import ${SIZE.toLocaleString('en')} papers` })).toBeVisible({ timeout: 60_000 });
    await other.getByRole('button', { name: `Import ${SIZE.toLocaleString('en')} papers` }).click();
    await expect(other.getByText(/^Imported 10,000 papers/)).toBeVisible({ timeout: 60_000 });
    const t = await other.evaluate(() => (window as unknown as { __t: Record<string, number> }).__t);
    previews.push(t.previewed! - t.chosen!);
    commits.push(t.done! - t.confirmed!);
    await fresh.close();
  }
  row(`import a ${SIZE.toLocaleString('en')}-paper JSON backup: file chosen → preview (median of 3)`, median(previews));
  row(`import: "Import" → done (median of 3)`, median(commits));
  row(`import: preview + commit`, median(previews) + median(commits), 2000);

  // A 10,000-entry BibTeX file (as the issue measured: about 6.5 MB), read in the import worker:
  // file chosen → preview, and the longest main-thread task meanwhile (a long-task observer).
  const bib = libraryToBibtex(generateLibrary(SIZE, 7).map((p) => ({ ...p, abstract: p.abstract.slice(0, 420) })));
  const bibPreviews: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { fresh, other } = await emptyLibraryPage();
    // The page's own start-up is over before a person chooses a file.
    await other.waitForTimeout(1500);
    await other.evaluate((size) => {
      const w = window as { __t?: Record<string, number> };
      w.__t = { longest: 0 };
      new PerformanceObserver((list) => {
        // Tasks that start once the file is chosen: handing the file to the page over the
        // DevTools protocol blocks the page before that, and is the harness's, not Paperdex's.
        for (const e of list.getEntries()) {
          if (w.__t!.chosen && e.startTime >= w.__t!.chosen && !w.__t!.previewed) w.__t!.longest = Math.max(w.__t!.longest!, e.duration);
        }
      }).observe({ type: 'longtask' });
      document.addEventListener('change', () => (w.__t!.chosen = performance.now()), true);
      new MutationObserver(() => {
        if (!w.__t!.previewed && document.querySelector('dialog[open]')?.textContent?.includes(`Import ${size} papers`)) w.__t!.previewed = performance.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: ['open'] });
    }, SIZE.toLocaleString('en'));
    await other.getByLabel('Choose a file to import').setInputFiles({ name: 'library.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(bib) });
    await expect(other.getByRole('button', { name: `Import ${SIZE.toLocaleString('en')} papers` })).toBeVisible({ timeout: 60_000 });
    const t = await other.evaluate(() => (window as unknown as { __t: Record<string, number> }).__t);
    bibPreviews.push(t.previewed! - t.chosen!);
    longest.push(t.longest!);
    await fresh.close();
  }
  const mb = (Buffer.byteLength(bib) / 1024 / 1024).toFixed(1);
  row(`import a ${SIZE.toLocaleString('en')}-entry BibTeX file (${mb} MB): file chosen → preview (median of 3)`, median(bibPreviews), 3000);
  row(`the same: longest main-thread task meanwhile (longest of 3)`, Math.max(...longest), 100);

  console.log(['', `Export and import on the library page, Chromium (headless, this machine), ${SIZE.toLocaleString('en')} generated papers:`, '', '| measure | measured | budget | |', '|---|---|---|---|', ...rows].join('\n'));
});
