import { join } from 'node:path';
import { expect, fixtureText, test } from '../../tests/e2e/fixtures';
import { PopupPage } from '../../tests/e2e/pages/popup';
import { realPapers, seedLibrary } from '../../tests/e2e/seed';

const OUT = import.meta.dirname;
const ABS = 'https://arxiv.org/abs/2609.22268';

test('README screenshots', async ({ context, extensionId, routes }) => {
  routes.set(ABS, { body: fixtureText('arxiv', 'abs-2609.22268', 'page.html') });

  const arxiv = await context.newPage();
  await arxiv.setViewportSize({ width: 1000, height: 700 });
  await arxiv.goto(ABS);
  const save = arxiv.getByRole('button', { name: /^Save/ });
  await expect(save).toHaveAccessibleName('Save to Paperdex');
  await arxiv.locator('#abs').screenshot({ path: join(OUT, 'save-button.png') });

  const popup = await PopupPage.open(context, extensionId);
  await popup.page.setViewportSize({ width: 460, height: 600 });
  await expect(popup.page.getByText('Your library is empty.')).toBeVisible();
  await seedLibrary(popup.page, realPapers(12, Date.now() - 3_600_000));
  await save.click();
  await expect(save).toHaveAccessibleName('Saved in Paperdex');
  await popup.page.reload();
  await popup.search.fill('languge modl annotaton');
  await expect(popup.items().first()).toContainText('LLM');
  await popup.page.locator('main').screenshot({ path: join(OUT, 'popup.png') });

  // The listing: a button beside every paper.
  const LIST = 'https://arxiv.org/list/cond-mat.mtrl-sci/new';
  routes.set(LIST, { body: fixtureText('arxiv', 'list-new-cond-mat.mtrl-sci-2026-09-22', 'page.html') });
  const list = await context.newPage();
  await list.setViewportSize({ width: 1000, height: 900 });
  await list.goto(LIST);
  await expect(list.getByRole('button', { name: /^Save/ })).toHaveCount(3);
  await expect(list.getByRole('button', { name: /^Save/ }).first()).toHaveAccessibleName('Saved in Paperdex');
  await list.locator('dl#articles').screenshot({ path: join(OUT, 'listing.png') });

  // The library page, a paper open.
  const library = await context.newPage();
  await library.setViewportSize({ width: 1280, height: 800 });
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  await expect(library.getByRole('heading', { name: 'Paperdex library' })).toBeVisible();
  await library.getByRole('list', { name: 'Papers' }).getByRole('listitem').nth(1).getByRole('button').click();
  await expect(library.getByRole('region', { name: 'Paper details' })).toBeVisible();
  await library.screenshot({ path: join(OUT, 'library.png') });
});
