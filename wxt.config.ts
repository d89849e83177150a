import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS } from './utils/sites/hosts';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  manifest: {
    name: 'Paperdex',
    description:
      'Save arXiv and Hugging Face papers with their abstracts to a local library, find them with typo-tolerant search, export BibTeX.',
    // contextMenus: "Save paper to Paperdex" on links, "Open library" on the toolbar button;
    // notifications: how a save from a link or the keyboard went; activeTab: the address of the
    // tab the popup or the shortcut acts on; downloads + alarms + storage + offscreen: daily
    // backups into the downloads folder (the offscreen document makes the file), their
    // settings, and the alarm that wakes the worker for work it owes; unlimitedStorage: the
    // library is the user's data, not a cache: without it Chrome counts it against the shared
    // quota and may evict it under memory or disk pressure.
    permissions: ['contextMenus', 'notifications', 'activeTab', 'downloads', 'alarms', 'storage', 'unlimitedStorage', 'offscreen'],
    host_permissions: HOST_PERMISSIONS,
    // Type "pd" and a space in the address bar to search the library.
    omnibox: { keyword: 'pd' },
    commands: {
      // Ctrl+Shift+S is Zotero Connector's: Paperdex stays off it.
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open the Paperdex search',
      },
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the paper in this tab (abstract page, PDF, HTML view, Hugging Face)',
      },
    },
  },
});
