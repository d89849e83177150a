import { defineConfig } from '@playwright/test';

/** `npm run bench` (browser part): numbers against budgets, printed, never asserted. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  timeout: 15 * 60_000,
  reporter: [['list']],
});
