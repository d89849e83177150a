import { defineConfig } from '@playwright/test';

export default defineConfig({
  testMatch: '**/*.spec.ts',
  // Each test launches its own browser with the extension; two cores run one at a time best.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    // Debian's Chromium, through Playwright (tests/e2e/fixtures.ts).
    { name: 'chromium', testDir: 'tests/e2e', snapshotPathTemplate: '{testDir}/__screenshots__/{arg}{ext}' },
    // Debian's firefox-esr, through puppeteer-core over WebDriver BiDi (tests/firefox/fixtures.ts):
    // a Firefox starts in 6-9 s, and a test may start two.
    { name: 'firefox', testDir: 'tests/firefox', timeout: 90_000 },
  ],
});
