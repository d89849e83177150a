import AxeBuilder from '@axe-core/playwright';
import { LIST_PAGE } from '../../utils/paper/display';
import type { Paper } from '../../utils/paper/schema';
import { generateLibrary } from '../support/generate-library';
import { expect, openedTab, test } from './fixtures';
import { PopupPage } from './pages/popup';
import { seedLibrary } from './seed';

const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1"> Pointer attention for <b>sorting</b>';

function hostilePaper(): Paper {
  const [template] = generateLibrary(1);
  return {
    ...template!,
    id: 'arxiv:2601.00001',
    arxivId: '2601.00001',
    url: 'https://arxiv.org/abs/2601.00001',
    pdfUrl: 'https://arxiv.org/pdf/2601.00001',
    title: HOSTILE_TITLE,
    authors: ['<script>alert(1)</script> Mallory'],
    abstract: 'A <svg onload="window.__pwned=2"> sorting network. Pointer attention everywhere.',
  };
}

/** A popup over a 10,000-paper library written straight into IndexedDB (as a restore would). */
async function popupWithLibrary(context: Parameters<typeof PopupPage.open>[0], extensionId: string) {
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  await seedLibrary(popup.page, [...generateLibrary(10_000), hostilePaper()]);
  // The library changed without the search index: the popup notices on open and catches up.
  await popup.page.reload();
  // The newest saves show at once; the index is built meanwhile (seconds, more on a busy machine).
  await popup.answered(40_000);
  await expect(popup.page.getByText('10,001 papers, newest first')).toBeVisible();
  return popup;
}

test('in a 10,000-paper library a typo query shows the right paper first, and the filters work', async ({ context, extensionId }) => {
  test.setTimeout(90_000);
  const popup = await popupWithLibrary(context, extensionId);
  await expect(popup.search).toBeFocused();

  await popup.search.fill('netwrok prunning');
  await expect(popup.items().first()).toContainText('Rethinking the Value of Network Pruning');
  await expect(popup.items().first().locator('mark').first()).toHaveText('Network');

  await popup.search.fill('author:vinyals');
  await expect(popup.page.getByText('2 papers match')).toBeVisible();
  await expect(popup.item('Pointer Networks')).toHaveCount(1);
  await expect(popup.item('Sequence to Sequence Learning with Neural Networks')).toHaveCount(1);

  await popup.search.fill('author:vinyals -pointer');
  await expect(popup.page.getByText('1 paper match')).toBeVisible();
  await expect(popup.items().first()).toContainText('Sequence to Sequence Learning');

  // The generated library is deterministic: read the facts the filters must agree with.
  const library = generateLibrary(10_000);
  const seq2seq = library.find((p) => p.title === 'Sequence to Sequence Learning with Neural Networks')!;
  const year = seq2seq.published.slice(0, 4);
  await popup.search.fill(`"sequence to sequence" year:${year}`);
  await expect(popup.items().first()).toContainText('Sequence to Sequence Learning');
  await popup.search.fill(`"sequence to sequence" -year:${year}`);
  await expect(popup.item('Sequence to Sequence Learning with Neural Networks')).toHaveCount(0);

  const vinyals = library.filter((p) => p.authors.some((a) => a.includes('Vinyals')));
  const fromHf = vinyals.filter((p) => p.sources.includes('huggingface')).length;
  await popup.search.fill('author:vinyals source:hf');
  await expect(popup.page.getByRole('status')).toHaveText(fromHf === 0 ? 'No saved paper matches “author:vinyals source:hf”.' : `${fromHf} ${fromHf === 1 ? 'paper' : 'papers'} match`);
  await popup.search.fill('author:vinyals -source:hf');
  const notHf = vinyals.length - fromHf;
  await expect(popup.page.getByRole('status')).toHaveText(notHf === 0 ? 'No saved paper matches “author:vinyals -source:hf”.' : `${notHf} ${notHf === 1 ? 'paper' : 'papers'} match`);

  await popup.search.fill('tag:thesis year:>2020');
  const rows = popup.items();
  await expect(rows.first()).toBeVisible();
  // One snapshot of every rendered row (the virtualiser may re-render while a loop walks them).
  const shown = await rows.allInnerTexts();
  expect(shown.length).toBeGreaterThan(0);
  for (const row of shown) {
    expect(row).toContain('thesis');
    expect(Number(/· (\d{4})/.exec(row)?.[1])).toBeGreaterThan(2020);
  }

  await popup.search.fill('nonexistentwordzz');
  await expect(popup.page.getByText('No saved paper matches “nonexistentwordzz”.')).toBeVisible();

  await popup.search.press('Escape');
  await expect(popup.search).toHaveValue('');
  await expect(popup.page.getByText('10,001 papers, newest first')).toBeVisible();
});

test('Enter opens the abstract page of the selected result; arrows move the selection', async ({ context, extensionId }) => {
  test.setTimeout(90_000);
  const popup = await popupWithLibrary(context, extensionId);
  await popup.search.fill('author:vinyals');
  await expect(popup.page.getByText('2 papers match')).toBeVisible();
  await popup.search.press('ArrowDown');
  await expect(popup.items().nth(1)).toHaveAttribute('aria-current', 'true');
  const expected = (await popup.items().nth(1).locator('a').getAttribute('href'))!;
  expect(expected).toMatch(/^https:\/\/arxiv\.org\/abs\//);
  const opened = context.waitForEvent('page');
  await popup.search.press('Enter');
  const tab = await openedTab(opened, expected);
  expect(tab.url()).toBe(expected);

  // Ctrl+Enter opens the PDF instead.
  const pdf = expected.replace('/abs/', '/pdf/');
  const openedPdf = context.waitForEvent('page');
  await popup.search.press('Control+Enter');
  expect((await openedTab(openedPdf, pdf)).url()).toBe(pdf);
});

test('titles, authors and abstracts with markup stay text; the popup has no accessibility violations', async ({ context, extensionId }) => {
  test.setTimeout(90_000);
  const popup = await popupWithLibrary(context, extensionId);
  await popup.search.fill('pointer attention sorting');
  const first = popup.items().first();
  await expect(first).toContainText(HOSTILE_TITLE);
  await expect(first).toContainText('<script>alert(1)</script> Mallory');
  await expect(popup.results.locator('img, svg, script, b')).toHaveCount(0);
  expect(await popup.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  await popup.page.getByRole('button', { name: 'Search help' }).click();
  await expect(popup.page.getByRole('region', { name: 'Search syntax' })).toContainText('author:vinyals');
  const axe = await new AxeBuilder({ page: popup.page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('the popup paints the newest saves before React loads, and keeps what was typed meanwhile', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  // The hostile paper is the newest: it is on the first screen, written without React.
  const newest = Date.now() + 60_000;
  await seedLibrary(popup.page, [...generateLibrary(500), { ...hostilePaper(), savedAt: newest, updatedAt: newest }]);
  await popup.page.addInitScript(() => {
    const w = window as { __firstRows?: { rows: number; title: string | null; react: number }; __typed?: boolean };
    new MutationObserver(() => {
      const rows = document.querySelectorAll('li.paper a.paper-title');
      if (rows.length && !w.__firstRows) w.__firstRows = { rows: rows.length, title: rows[0]!.textContent, react: document.getElementById('root')?.childElementCount ?? -1 };
      // Typed as soon as a search box is there: before React has loaded.
      const input = document.querySelector<HTMLInputElement>('input.search');
      if (w.__firstRows && input && !w.__typed) {
        w.__typed = true;
        input.focus();
        input.value = 'netwrok prunning';
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await popup.page.reload();
  await expect(popup.items().first()).toContainText('Rethinking the Value of Network Pruning');
  const first = await popup.page.evaluate(() => (window as { __firstRows?: unknown }).__firstRows);
  // The first rows were in the page while React's root was still empty: a page of the newest
  // saves, the newest first, its markup as text.
  expect(first).toEqual({ rows: LIST_PAGE, title: HOSTILE_TITLE, react: 0 });
  // One popup, React's: the box kept what was typed and the focus.
  await expect(popup.search).toHaveCount(1);
  await expect(popup.search).toHaveValue('netwrok prunning');
  await expect(popup.search).toBeFocused();
  await expect(popup.page.locator('main')).toHaveCount(1);
  expect(await popup.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // Back to the newest saves: the hostile paper's markup is text, as it was on the first paint.
  await popup.search.press('Escape');
  await expect(popup.items().first()).toContainText(HOSTILE_TITLE);
  await expect(popup.results.locator('img, svg, script, b')).toHaveCount(0);
});

test('Enter pressed before React loads opens the best match for what was typed', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  const library = generateLibrary(500);
  await seedLibrary(popup.page, library);
  const wanted = library.find((p) => p.title === 'Rethinking the Value of Network Pruning')!;
  await popup.page.addInitScript(() => {
    const w = window as { __entered?: { react: number } };
    new MutationObserver(() => {
      // As soon as the first paint shows rows (its script has run): what a user could first see.
      const input = document.querySelector<HTMLInputElement>('#first-paint input.search');
      if (!input || !document.querySelector('#first-paint li.paper') || w.__entered) return;
      input.focus();
      input.value = 'netwrok prunning';
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      w.__entered = { react: document.getElementById('root')?.childElementCount ?? -1 };
    }).observe(document, { childList: true, subtree: true });
  });
  const opened = context.waitForEvent('page');
  await popup.page.reload();
  const tab = await opened;
  await expect.poll(() => tab.url()).toBe(wanted.url);
  // Typed and entered while React's root was still empty.
  expect(await popup.page.evaluate(() => (window as { __entered?: unknown }).__entered)).toEqual({ react: 0 });
});

test('the row the pointer is on before React loads is the one selected, with its actions', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  await seedLibrary(popup.page, generateLibrary(100));
  await popup.page.addInitScript(() => {
    const w = window as { __pointed?: { title: string | null; react: number } };
    new MutationObserver(() => {
      const row = document.querySelectorAll('#first-paint li.paper')[2];
      if (!row || w.__pointed) return;
      row.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
      w.__pointed = { title: row.querySelector('.paper-title')!.textContent, react: document.getElementById('root')?.childElementCount ?? -1 };
    }).observe(document, { childList: true, subtree: true });
  });
  await popup.page.reload();
  await popup.answered();
  const pointed = (await popup.page.evaluate(() => (window as { __pointed?: { title: string; react: number } }).__pointed))!;
  expect(pointed.react).toBe(0);
  const third = popup.items().nth(2);
  await expect(third).toContainText(pointed.title);
  await expect(third).toHaveAttribute('aria-current', 'true');
  await expect(third.getByRole('button', { name: 'Reading status' })).toBeVisible();
});


test('what is typed before the popup has loaded is answered by the resident search, which follows the library', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  // Written behind the extension's back (no change logged), as a restore by hand would be.
  await seedLibrary(popup.page, generateLibrary(300));

  // A popup whose modules never load: only its first paint runs, and only the resident search
  // (the offscreen document) can answer what is typed.
  const early = await context.newPage();
  await early.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const shell = document.getElementById('first-paint');
      if (!shell) return;
      observer.disconnect();
      delete shell.dataset.entry;
    }).observe(document, { childList: true, subtree: true });
  });
  await early.goto(`chrome-extension://${extensionId}/popup.html`);
  const search = early.getByRole('searchbox', { name: 'Search papers' });
  const rows = early.getByRole('list', { name: 'Results' }).getByRole('listitem');
  const answered = (text: string) => expect(early.locator('#first-paint')).toHaveAttribute('data-answered', text);
  // The resident search answers at once from what it holds, then checks for writes that
  // logged nothing: the next answer has them.
  await search.fill('rethinking');
  await answered('rethinking');
  await search.fill('rethinking netwrok prunning');
  await expect(rows.first()).toContainText('Rethinking the Value of Network Pruning');
  await expect(rows.first().locator('mark').first()).toHaveText('Rethinking');
  await expect(early.getByRole('status')).toHaveText(/^[\d,]+ papers? match$/);
  await expect(early.locator('#root')).toBeEmpty();

  // Removed in the popup (a logged change): the next answer no longer has it.
  await popup.page.reload();
  await popup.search.fill('netwrok prunning');
  const row = popup.item('Rethinking the Value of Network Pruning');
  await row.hover();
  await row.getByRole('button', { name: 'Remove' }).click();
  await expect(row).toHaveCount(0);
  await search.fill('rethinking value network pruning');
  await answered('rethinking value network pruning');
  await expect(rows.filter({ hasText: 'Rethinking the Value of Network Pruning' })).toHaveCount(0);
  // Cleared: the newest saves again.
  await search.fill('');
  await expect(rows).not.toHaveCount(0);
  await expect(early.locator('.status')).toHaveText('Searching…');
});

test('an older version of a paper restored behind the extension’s back is found once the popup has checked, in a worker', async ({ context, extensionId }) => {
  const library = generateLibrary(300);
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  await seedLibrary(popup.page, library);
  await popup.page.reload();
  await expect(popup.page.getByText('300 papers, newest first')).toBeVisible({ timeout: 15_000 });

  // Same count, same newest change: only the fingerprint of every updatedAt tells.
  const older = library.find((p) => p.updatedAt < Math.max(...library.map((q) => q.updatedAt)))!;
  await seedLibrary(popup.page, [{ ...older, title: 'Quokka Behaviour in Restored Backups', updatedAt: older.updatedAt - 1 }]);
  const workers: string[] = [];
  popup.page.on('worker', (worker) => workers.push(worker.url()));
  await popup.page.reload();
  await popup.search.fill('quokka');
  await expect(popup.items().first()).toContainText('Quokka Behaviour in Restored Backups');
  // The popup's own check starts at its first quiet moment, which may come after the resident
  // search (which checks too) has answered.
  await expect.poll(() => workers.some((url) => /fingerprint-worker/.test(url)), { timeout: 10_000 }).toBe(true);
});
