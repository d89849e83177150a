import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useState } from 'react';
import { Mark, SettingsIcon } from '@/components/icons';
import { BulkActions } from '@/components/library/BulkActions';
import { PaperTable } from '@/components/library/PaperTable';
import { ProgressBar } from '@/components/library/ProgressBar';
import { SearchToolbar } from '@/components/library/SearchToolbar';
import { Sidebar } from '@/components/library/Sidebar';
import { Toasts } from '@/components/Toasts';
import { useBackupStatus } from '@/hooks/useBackupStatus';
import { useExport } from '@/hooks/useExport';
import { useImport } from '@/hooks/useImport';
import { useLibraryHealth } from '@/hooks/useLibraryHealth';
import { useLibraryView } from '@/hooks/useLibraryView';
import { useLookupSettings } from '@/hooks/useLookupSettings';
import { useNotice } from '@/hooks/useNotice';
import { useProgress } from '@/hooks/useProgress';
import { useSelection } from '@/hooks/useSelection';
import { useToasts } from '@/hooks/useToasts';
import { useUndo } from '@/hooks/useUndo';
import { repository } from '@/utils/db/repository';
import { libraryWrites } from '@/utils/page-writes';
import type { PaperChange } from '@/utils/paper/change';
import { paperCount } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import { ImportButton } from './ImportButton';

// What opens on a click (dialogs, a paper's details) loads then, not with the first screen.
const ExportDialog = lazy(() => import('@/components/library/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const ImportPreview = lazy(() => import('@/components/library/ImportPreview').then((m) => ({ default: m.ImportPreview })));
const PaperDetails = lazy(() => import('@/components/library/PaperDetails').then((m) => ({ default: m.PaperDetails })));
const SettingsDialog = lazy(() => import('@/components/library/SettingsDialog').then((m) => ({ default: m.SettingsDialog })));

/** Imports and the health check run in a worker, so that a large file never freezes the page. */
const startLibraryWorker = () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'paperdex-library' });

/** The full-page library: browse, filter, search, edit, select, import, export, back up. */
export function LibraryApp() {
  // Rows paint from IndexedDB directly; the search engine (with Fuse.js) loads after them.
  const view = useLibraryView();
  const selection = useSelection(view.ids);
  const toasts = useToasts();
  const notices = useNotice(toasts);
  const progress = useProgress();
  const undo = useUndo(toasts);
  const exporter = useExport(notices, progress);
  const importer = useImport(startLibraryWorker, notices);
  const backups = useBackupStatus(notices, progress);
  const health = useLibraryHealth(startLibraryWorker, notices);
  const lookups = useLookupSettings(notices);
  const knownTags = useLiveQuery(() => repository.allTags(), [], [] as string[]);
  // Until Dexie counts, the count read with the first screen (so its rows show at once).
  const counted = useLiveQuery(() => repository.countPapers(), []);
  const total = counted ?? view.initialCount;
  const [focused, setFocused] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const focusedPaper = useLiveQuery(() => (focused ? repository.getPaper(focused) : Promise.resolve(undefined)), [focused]);
  const busy = progress.label !== null || importer.progress !== null;

  /** One paper's change (the details panel): no Undo, it is what the user is typing. */
  const change = async (ids: readonly string[], c: PaperChange) => notices.report(await libraryWrites.edit(ids, c));

  /** A change to the selection, offered back with Undo (and Ctrl/⌘+Z). */
  async function bulkChange(c: PaperChange, done: string) {
    const targets = selection.inView;
    const before = (await repository.getPapers(targets)).filter((p): p is Paper => p !== undefined);
    const changed = notices.report(await libraryWrites.edit(targets, c));
    if (!changed) return;
    undo.offer(done.replace('{n}', paperCount(changed.length)), async () => Boolean(notices.report(await libraryWrites.restoreUserFields(before), () => `Undone: ${done.replace('{n}', paperCount(changed.length)).toLowerCase()}`)));
  }

  /** Deletes papers (the selection) in one transaction and offers them back. */
  async function remove(targets: readonly string[] = selection.inView) {
    if (!targets.length) return;
    const removed = notices.report(await libraryWrites.remove(targets));
    if (!removed) return;
    selection.clear();
    if (focused && targets.includes(focused)) setFocused(null);
    undo.offer(`Deleted ${paperCount(removed.length)}.`, async () =>
      Boolean(notices.report(await libraryWrites.bringIn(removed, 'nothing was restored; Undo is still available'), () => `Restored ${paperCount(removed.length)}.`)),
    );
  }

  /** A sidebar filter goes into the search text, or out of it. */
  function toggleFilter(filter: string) {
    const parts = view.query.split(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/).filter(Boolean);
    const next = parts.includes(filter) ? parts.filter((p) => p !== filter) : [...parts, filter];
    view.setQuery(next.join(' ') + (next.length ? ' ' : ''));
  }

  const attention = [
    ...(health.waiting ? [`${paperCount(health.waiting)} waiting for arXiv`] : []),
    ...(health.failed.length ? [`${paperCount(health.failed.length)} could not be completed`] : []),
    ...(health.problems?.length ? [`${health.problems.length} ${health.problems.length === 1 ? 'record needs' : 'records need'} attention`] : []),
  ].map((text) => ({ text, onOpen: () => setSettingsOpen(true) }));

  const noMatch = view.searching && view.ids.length === 0 && view.engine !== null;

  return (
    <div className="library">
      <header className="library-header">
        <h1 className="brand">
          <Mark size={26} />
          Paperdex library
        </h1>
        <p className="count">{total === undefined ? '' : paperCount(total)}</p>
        <div className="header-actions">
          <ImportButton onImport={importer.choose} />
          <button type="button" onClick={exporter.open} disabled={!total}>
            Export
          </button>
          <button type="button" onClick={() => setSettingsOpen(true)}>
            <SettingsIcon size={15} />
            Settings
          </button>
        </div>
      </header>
      <div className="library-layout">
        <Sidebar engine={view.engine} revision={view.revision} tags={knownTags} query={view.query} onToggleFilter={toggleFilter} attention={attention} />
        <main className="library-body">
          <SearchToolbar query={view.query} onQuery={view.setQuery} sort={view.sort} onSort={view.setSort} matches={view.ids.length} />
          {view.error && (
            <div role="alert" className="banner banner-error">
              Search is unavailable: {view.error.message}. Your saved papers are untouched.
            </div>
          )}
          <BulkActions
            selection={selection}
            inView={view.ids.length}
            searching={view.searching}
            relaxed={view.relaxed}
            knownTags={knownTags}
            onChange={bulkChange}
            onExport={exporter.open}
            onDelete={() => void remove()}
          />
          <div className="library-main">
            {total === 0 && !busy ? (
              <div className="empty">
                <p>
                  <strong>Your library is empty.</strong>
                </p>
                <p>Save papers with the Save to Paperdex button on arXiv or Hugging Face, or bring a BibTeX file or a backup in with Import.</p>
              </div>
            ) : noMatch ? (
              <div className="empty" role="status">
                <p>
                  <strong>No paper matches “{view.query.trim()}”.</strong>
                </p>
                <p>Check the words, or take a filter away (the sidebar shows the ones in use).</p>
              </div>
            ) : (
              <PaperTable engine={view.engine} ids={view.ids} preloaded={view.recent} selected={selection.selected} focused={focused} onToggle={selection.toggle} onFocus={setFocused} />
            )}
            {focusedPaper && (
              <Suspense fallback={null}>
                <PaperDetails
                  key={focusedPaper.id}
                  paper={focusedPaper}
                  knownTags={knownTags}
                  onChange={(c) => void change([focusedPaper.id], c)}
                  onCopied={(text) => notices.show('info', text)}
                  onClose={() => setFocused(null)}
                  lookupsOn={Boolean(lookups.settings?.enabled && lookups.settings.granted)}
                  onCheckNow={() => lookups.checkNow([focusedPaper.id])}
                />
              </Suspense>
            )}
          </div>
        </main>
      </div>

      <Suspense fallback={null}>
        {exporter.isOpen && (
          <ExportDialog
            counts={{ all: total ?? 0, search: view.searching ? view.ids.length : null, selection: selection.inView.length }}
            tags={knownTags}
            busy={busy}
            onExport={(format, scope, options) => void exporter.run(format, scope, view.ids, selection.inView, options)}
            onClose={exporter.close}
          />
        )}
        {importer.preview && (
          <ImportPreview preview={importer.preview} spaceLeft={health.storage && health.storage.quota - health.storage.usage} busy={busy} onConfirm={importer.confirm} onCancel={importer.cancel} />
        )}
        {settingsOpen && <SettingsDialog backups={backups} health={health} lookups={lookups} busy={busy} onDelete={(ids) => void remove(ids)} onClose={() => setSettingsOpen(false)} />}
      </Suspense>
      <ProgressBar progress={importer.progress ?? (progress.label ? { label: progress.label, done: null } : null)} />
      <Toasts state={toasts} />
    </div>
  );
}
