import { expect, test } from './fixtures';
import { SCENES, type Shot } from './scenes';

/**
 * Visual regression: the popup (empty, results, a selected row, the help), the library page, the
 * welcome page and the in-page buttons on arXiv and Hugging Face, light and dark, against the
 * committed baselines in tests/e2e/__screenshots__ (`npx playwright test visual
 * --update-snapshots=all` after a deliberate change). The thresholds leave room for font
 * anti-aliasing on another machine (1.5 % of the pixels); they catch a change of look (colours,
 * type, a restyled or rearranged element), not a border moved over blank space: the layout-shift,
 * alignment and font-size tests measure those.
 */
const TOLERANCE = { maxDiffPixelRatio: 0.015, threshold: 0.1, animations: 'disabled', caret: 'hide' } as const;

async function compare(shot: Shot, name: string) {
  if (shot.element) await expect(shot.element).toHaveScreenshot(name, TOLERANCE);
  else await expect(shot.page).toHaveScreenshot(name, { ...TOLERANCE, ...(shot.clip ? { clip: shot.clip } : {}) });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`what people see matches the baselines (${scheme})`, async ({ context, extensionId, routes }) => {
    test.setTimeout(90_000);
    for (const scene of SCENES) {
      const shot = await scene.show(context, extensionId, routes, scheme);
      await compare(shot, `${scene.name}-${scheme}.png`);
      await shot.page.close();
    }
  });
}
