import { join } from 'node:path';
import { test } from '../../tests/e2e/fixtures';
import { SCENES, type Shot } from '../../tests/e2e/scenes';

/**
 * `npm run screenshots`: the README's pictures (light and dark) and the welcome page's, taken
 * from the built extension in Chromium. The scenes are the visual regression tests' own
 * (tests/e2e/scenes.ts), so the pictures show what the tests check.
 */
const README = import.meta.dirname;
const WELCOME = join(import.meta.dirname, '../../public/welcome');
/** The welcome page shows three of the scenes, light. */
const ON_WELCOME: Record<string, string> = { 'arxiv-button': 'arxiv.png', 'huggingface-button': 'huggingface.png', 'popup-results': 'popup.png' };

async function save(shot: Shot, path: string) {
  if (shot.element) await shot.element.screenshot({ path, animations: 'disabled', caret: 'hide' });
  else await shot.page.screenshot({ path, animations: 'disabled', caret: 'hide', ...(shot.clip ? { clip: shot.clip } : {}) });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`pictures (${scheme})`, async ({ context, extensionId, routes }) => {
    test.setTimeout(120_000);
    for (const scene of SCENES) {
      if (scene.name === 'welcome') continue; // it shows the others
      if (scheme === 'dark' && scene.name.startsWith('arxiv')) continue; // arXiv has no dark theme
      const shot = await scene.show(context, extensionId, routes, scheme);
      await save(shot, join(README, `${scene.name}-${scheme}.png`));
      if (scheme === 'light' && ON_WELCOME[scene.name]) await save(shot, join(WELCOME, ON_WELCOME[scene.name]!));
      await shot.page.close();
    }
  });
}
