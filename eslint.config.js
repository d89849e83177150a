import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The architecture, enforced (README "Architecture"): which part may import which. A zone says
 * that files under `target` may not import files under `from`; paths are resolved, so a relative
 * import and an `@/` import of the same file are the same import.
 */
const CONTENT_SIDE = ['./entrypoints/arxiv.content', './entrypoints/huggingface.content', './utils/content', './utils/sites'];
const PURE = ['./utils/paper', './utils/sites', './utils/export', './utils/import'];
const zones = [
  {
    target: './utils',
    from: ['./entrypoints', './components', './hooks'],
    message: 'utils/ is the bottom layer: it never imports entrypoints, components or hooks.',
  },
  { target: ['./components', './hooks'], from: './entrypoints', message: 'Shared UI never imports an entrypoint.' },
  { target: './hooks', from: './components', message: 'Hooks hold state, components render it: a hook never imports a component.' },
  {
    target: CONTENT_SIDE,
    from: ['./utils/db', './utils/search', './utils/export', './utils/import', './utils/backup', './utils/library-writes.ts', './utils/page-writes.ts'],
    message: "Content scripts run on the sites' origins: they never open IndexedDB and stay small. Ask the background.",
  },
  {
    target: PURE,
    from: ['./utils/db', './utils/messaging.ts', './utils/library-writes.ts', './utils/page-writes.ts', './utils/content', './utils/backup', './utils/search'],
    message: 'Records, parsers and formats are pure functions of their input: no storage, no messages.',
  },
  {
    target: './utils/db',
    from: ['./utils/import', './utils/export', './utils/sites', './utils/messaging.ts', './utils/backup', './utils/library-writes.ts', './utils/page-writes.ts'],
    message: 'The store knows records, not formats or messages.',
  },
  { target: ['./utils/paper', './utils/export', './utils/import'], from: './utils/sites', message: 'Site parsers use the record, not the other way round.' },
  { target: ['./utils/paper'], from: ['./utils/export', './utils/import'], message: 'The record knows no file format.' },
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Build and CI scripts run in Node.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only utils/db/ talks to IndexedDB: call the repository instead.' }],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Page and user text goes in as text nodes, never as HTML.' },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    // Content scripts are injected into every matched page: no zod, no storage, no UI framework.
    // Types from the record's schema are fine (they are erased when built).
    files: [...CONTENT_SIDE.map((dir) => `${dir.slice(2)}/**`)],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Content scripts never open IndexedDB.' },
            { name: 'zod', message: 'Content scripts stay small: the background validates what they send.' },
            { name: 'react', message: 'Content scripts stay small: plain DOM in a shadow root.' },
          ],
          patterns: [
            {
              regex: '(^|/)paper/schema$',
              allowTypeImports: true,
              message: 'Content scripts import only types from the schema: its values bring zod along.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure modules: no browser APIs, no UI framework.
    files: PURE.map((dir) => `${dir.slice(2)}/**`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Only utils/db/ talks to IndexedDB.' },
            { name: 'wxt/browser', message: 'Records, parsers and formats are pure: no browser APIs.' },
            { name: 'react', message: 'Records, parsers and formats are pure: no UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['utils/db/**', 'tests/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Playwright fixtures take an (empty) object pattern as their first argument.
    files: ['tests/e2e/**', 'tests/firefox/**'],
    rules: { 'no-empty-pattern': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
);
