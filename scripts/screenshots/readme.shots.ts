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
});
