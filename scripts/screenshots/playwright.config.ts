import { defineConfig } from '@playwright/test';

/** `npm run screenshots`: README pictures taken from the built extension in Chromium. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.shots.ts',
  workers: 1,
  reporter: [['list']],
});
