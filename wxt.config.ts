import { defineConfig } from 'wxt';
import { contentScriptCompileHints } from './scripts/build/compile-hints';
import { popupFirstPaintHtml } from './scripts/build/popup-html';
import { HOST_PERMISSIONS, LOOKUP_PERMISSIONS } from './utils/sites/hosts';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  // SOURCEMAP=1 npm run build: source maps, for bundle analysis (which module costs what);
  // MINIFY=0: readable function names in CPU profiles.
  vite: () => ({
    build: { sourcemap: process.env.SOURCEMAP === '1', minify: process.env.MINIFY !== '0' },
    plugins: [popupFirstPaintHtml(), contentScriptCompileHints()],
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Paperdex',
    description:
      'Save arXiv and Hugging Face papers with their abstracts to a local library, find them with typo-tolerant search, export BibTeX.',
    // contextMenus: "Save paper to Paperdex" on links, "Open library" on the toolbar button;
    // notifications: how a save from a link or the keyboard went; activeTab: the address of the
    // tab the popup or the shortcut acts on; downloads + alarms + storage + offscreen: daily
    // backups into the downloads folder (the offscreen document makes the file; it also holds
    // the resident search the popup asks as it opens), their settings, and the alarm that
    // wakes the worker for work it owes; unlimitedStorage: the
    // library is the user's data, not a cache: without it Chrome counts it against the shared
    // quota and may evict it under memory or disk pressure.
    // offscreen is Chrome's alone: Firefox has none, and its background page makes the file itself.
    permissions: ['contextMenus', 'notifications', 'activeTab', 'downloads', 'alarms', 'storage', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: HOST_PERMISSIONS,
    // Semantic Scholar and DBLP: asked for only when the user turns on venue lookups (Settings).
    // MV2 (Firefox) lists optional hosts among its optional permissions.
    ...(manifestVersion === 2 ? { optional_permissions: LOOKUP_PERMISSIONS } : { optional_host_permissions: LOOKUP_PERMISSIONS }),
    // Type "pd" and a space in the address bar to search the library.
    omnibox: { keyword: 'pd' },
    commands: {
      // Ctrl+Shift+S is Zotero Connector's: Paperdex stays off it.
      // MV2 (Firefox) opens the toolbar popup with _execute_browser_action, MV3 with _execute_action.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open the Paperdex search',
      },
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the paper in this tab (abstract page, PDF, HTML view, Hugging Face)',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // A fixed id: AMO needs one, and storage and the moz-extension:// origin stay the same across updates.
          id: 'paperdex@paperdex.app',
          // The Firefox tested (Debian's firefox-esr); data_collection_permissions is read from 140 on.
          strict_min_version: '140.0',
          // Paperdex collects nothing: the library stays on the user's machine.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});