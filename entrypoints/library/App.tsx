import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { BackupPanel } from '@/components/library/BackupPanel';
import { BulkActions } from '@/components/library/BulkActions';
import { ExportDialog } from '@/components/library/ExportDialog';
import { ImportPreview } from '@/components/library/ImportPreview';
import { LibraryHeader } from '@/components/library/LibraryHeader';
import { Notices } from '@/components/library/Notices';
import { PaperDetails } from '@/components/library/PaperDetails';
import { PaperTable } from '@/components/library/PaperTable';
import { SearchToolbar } from '@/components/library/SearchToolbar';
import { StorageSection } from '@/components/library/StorageSection';
import { useBackupStatus } from '@/hooks/useBackupStatus';
import { useExport } from '@/hooks/useExport';
import { useImport } from '@/hooks/useImport';
import { useLibraryHealth } from '@/hooks/useLibraryHealth';
import { useLibraryView } from '@/hooks/useLibraryView';
import { useNotice } from '@/hooks/useNotice';
import { useProgress } from '@/hooks/useProgress';
import { useSelection } from '@/hooks/useSelection';
import { useUndo } from '@/hooks/useUndo';
import { repository } from '@/utils/db/repository';
import { libraryWrites } from '@/utils/page-writes';
import type { PaperChange } from '@/utils/paper/change';
import { paperCount } from '@/utils/paper/display';

/** Imports run in a worker, so that a large file never freezes the page. */
const startImportWorker = () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'paperdex-import' });

/** The full-page library: browse, search, edit, select, import, export, back up. */
export function LibraryApp() {
  const view = useLibraryView();
  const selection = useSelection(view.ids);
  const notices = useNotice();
  const progress = useProgress();
  const undo = useUndo(libraryWrites, notices);
  const exporter = useExport(notices, progress);
  const importer = useImport(startImportWorker, notices);
  const backups = useBackupStatus(notices, progress);
  const health = useLibraryHealth(startImportWorker, notices);
  const knownTags = useLiveQuery(() => repository.allTags(), [], [] as string[]);
  const total = useLiveQuery(() => repository.countPapers(), [], 0);
  const [focused, setFocused] = useState<string | null>(null);
  const focusedPaper = useLiveQuery(() => (focused ? repository.getPaper(focused) : Promise.resolve(undefined)), [focused]);
  const busy = progress.label !== null || importer.progress !== null;

  const change = async (ids: readonly string[], c: PaperChange, done?: string) =>
    notices.report(await libraryWrites.edit(ids, c), (changed) => done?.replace('{n}', paperCount(changed.length)));

  /** Deletes papers (the selection) in one transaction and keeps the records for Undo. */
  async function remove(targets: readonly string[] = selection.inView) {
    if (!targets.length) return;
    const removed = notices.report(await libraryWrites.remove(targets));
    if (!removed) return;
    selection.clear();
    if (focused && targets.includes(focused)) setFocused(null);
    notices.clear();
    undo.remember(removed, `Deleted ${paperCount(removed.length)}.`);
  }

  return (
    <div className="library">
      <LibraryHeader total={total} onExport={exporter.open} onImport={importer.choose} />
      <main className="library-body">
        <Notices
          progress={importer.progress ?? (progress.label ? { label: progress.label, done: null } : null)}
          notice={notices.notice}
          searchError={view.error}
          onDismiss={notices.clear}
          undo={undo.offer && { text: undo.offer.text, onUndo: () => void undo.restore() }}
        />
        {exporter.isOpen && (
          <ExportDialog
            counts={{ all: total, search: view.searching ? view.ids.length : null, selection: selection.inView.length }}
            tags={knownTags}
            busy={busy}
            onExport={(format, scope) => void exporter.run(format, scope, view.ids, selection.inView)}
            onClose={exporter.close}
          />
        )}
        {importer.preview && (
          <ImportPreview preview={importer.preview} spaceLeft={health.storage && health.storage.quota - health.storage.usage} busy={busy} onConfirm={importer.confirm} onCancel={importer.cancel} />
        )}

        <SearchToolbar query={view.query} onQuery={view.setQuery} sort={view.sort} onSort={view.setSort} matches={view.ids.length} />
        {view.relaxed && (
          <p className="status" role="status">
            No paper has every word; these match all but one. “Select all” selects them all.
          </p>
        )}
        <BulkActions
          selection={selection}
          inView={view.ids.length}
          searching={view.searching}
          knownTags={knownTags}
          onChange={(c, done) => change(selection.inView, c, done)}
          onExport={exporter.open}
          onDelete={() => void remove()}
        />

        <div className="library-main">
          {total === 0 && !busy ? (
            <div className="empty">
              <p>
                <strong>Your library is empty.</strong>
              </p>
              <p>Save papers from arXiv or Hugging Face, or import a Paperdex backup, a BibTeX file or a Paperdex CSV with Import.</p>
            </div>
          ) : (
            <PaperTable engine={view.engine} ids={view.ids} revision={view.revision} selected={selection.selected} focused={focused} onToggle={selection.toggle} onFocus={setFocused} />
          )}
          {focusedPaper && (
            <PaperDetails
              key={focusedPaper.id}
              paper={focusedPaper}
              knownTags={knownTags}
              onChange={(c) => void change([focusedPaper.id], c)}
              onCopied={(text) => notices.show('info', text)}
            />
          )}
        </div>

        <StorageSection health={health} onDelete={(ids) => void remove(ids)} />
        <BackupPanel status={backups.status} busy={busy} onChange={backups.configure} onBackupNow={backups.backupNow} />
      </main>
    </div>
  );
}
