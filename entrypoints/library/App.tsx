import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { BackupPanel } from '@/components/library/BackupPanel';
import { ExportDialog, type ExportScope } from '@/components/library/ExportDialog';
import { ImportPreview } from '@/components/library/ImportPreview';
import { PaperDetails } from '@/components/library/PaperDetails';
import { PaperTable } from '@/components/library/PaperTable';
import { StatusSelect } from '@/components/library/StatusSelect';
import { useLibrarySearch } from '@/hooks/useLibrarySearch';
import { SORTS, useSortedIds, type Sort } from '@/hooks/useSortedIds';
import { repository } from '@/utils/db/repository';
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from '@/utils/export/formats';
import { planImport, type ImportPlan } from '@/utils/import/plan';
import { checkSize, ImportError, readImportFile } from '@/utils/import/read-file';
import { BACKUP_SETTINGS_KEY, sendMessage, type BackupStatus, type Result } from '@/utils/messaging';
import { paperCount, type Paper } from '@/utils/paper';
import type { PaperChange } from '@/utils/paper-change';
import { normalizeTags } from '@/utils/tags';

/** Every match, not only the best screenful: this page lists the whole library. */
const ALL = Number.MAX_SAFE_INTEGER;

type Notice = { kind: 'error' | 'info'; text: string } | null;
type Progress = { label: string } | null;

/** An IndexedDB failure in words a user can act on; the transaction wrote nothing. */
function storageMessage(error: unknown, outcome: string): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name ?? '';
  if (name === 'QuotaExceededError') return `Your browser's storage for Paperdex is full: ${outcome}. Free some disk space and try again.`;
  return `The library could not be written (${name || String(error)}): ${outcome}.`;
}

const n = paperCount;

/** Lets the browser paint (a progress bar) before a long synchronous step. */
const paint = () => new Promise((resolve) => setTimeout(resolve, 0));

export function LibraryApp() {
  const [query, setQuery] = useState('');
  const [sortChoice, setSortChoice] = useState<Sort>('saved');
  const { engine, result, recent, revision, error } = useLibrarySearch(query, ALL);
  const ids = useMemo(() => result?.ids ?? recent?.map((p) => p.id) ?? [], [result, recent]);
  const sort: Sort = !query.trim() && sortChoice === 'relevance' ? 'saved' : sortChoice;
  const sorted = useSortedIds(engine, ids, sort, revision);
  const knownTags = useLiveQuery(() => repository.allTags(), [], [] as string[]);
  const total = useLiveQuery(() => repository.countPapers(), [], 0);

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  /** The paper last ticked: a Shift-click selects the range from it, in the current order. */
  const anchor = useRef<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const focusedPaper = useLiveQuery(() => (focused ? repository.getPaper(focused) : Promise.resolve(undefined)), [focused]);

  const [notice, setNotice] = useState<Notice>(null);
  const [undo, setUndo] = useState<{ papers: Paper[]; text: string } | null>(null);
  const [progress, setProgress] = useState<Progress>(null);
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState<{ fileName: string; plan: ImportPlan; records: Paper[] } | null>(null);
  const [backup, setBackup] = useState<BackupStatus | null>(null);
  const [bulkTags, setBulkTags] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  // The backup status, kept current: the background writes backups while this page is open.
  useEffect(() => {
    const load = () =>
      sendMessage('getBackupStatus', undefined).then(
        (r) => r.ok && setBackup(r.value),
        () => setNotice({ kind: 'error', text: "Paperdex's background isn't responding: backups can't be shown. Reload this page." }),
      );
    void load();
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && BACKUP_SETTINGS_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);

  /** Runs a write through the background and turns its failure into a visible message. */
  const write = useCallback(async <T,>(send: () => Promise<Result<T>>, done?: (value: T) => string | void): Promise<T | undefined> => {
    try {
      const r = await send();
      if (!r.ok) {
        setNotice({ kind: 'error', text: r.message });
        return undefined;
      }
      const text = done?.(r.value);
      if (text) setNotice({ kind: 'info', text });
      return r.value;
    } catch {
      setNotice({ kind: 'error', text: "Paperdex's background isn't responding. Reload this page and try again; nothing was changed." });
      return undefined;
    }
  }, []);

  const change = (targets: string[], c: PaperChange, text?: string) =>
    write(() => sendMessage('updatePapers', { ids: targets, change: c }), (count) => text?.replace('{n}', n(count)));

  const toggle = useCallback(
    (index: number, event: MouseEvent) => {
      const id = sorted[index];
      if (!id) return;
      // Read now: the updater runs later, after the anchor has moved to this row.
      const anchorIndex = event.shiftKey && anchor.current ? sorted.indexOf(anchor.current) : -1;
      const from0 = anchorIndex >= 0 ? anchorIndex : null;
      setSelected((current) => {
        const next = new Set(current);
        const on = !current.has(id);
        if (from0 !== null) {
          const [from, to] = [Math.min(from0, index), Math.max(from0, index)];
          for (const other of sorted.slice(from, to + 1)) {
            if (on) next.add(other);
            else next.delete(other);
          }
        } else if (on) next.add(id);
        else next.delete(id);
        return next;
      });
      anchor.current = id;
    },
    [sorted],
  );

  // What is selected and still in view: papers deleted elsewhere or filtered out are not acted on.
  const selection = useMemo(() => (selected.size ? sorted.filter((id) => selected.has(id)) : []), [sorted, selected]);
  const allSelected = sorted.length > 0 && selection.length === sorted.length;
  const relaxed = Boolean(query.trim() && result?.relaxed);

  /** Tells the background that this page wrote papers, so that open pages and backups follow. */
  function told(ids: string[]) {
    sendMessage('papersChanged', ids).catch((e: unknown) => console.warn('[paperdex:library] open pages were not told about the change', e));
  }

  /**
   * Deletes the selection in one transaction and keeps the records for Undo. The page writes
   * itself: a whole library does not fit in a message.
   */
  async function remove() {
    const targets = selection;
    if (!targets.length) return;
    try {
      const removed = await repository.removePapers(targets);
      told(targets);
      setSelected(new Set());
      if (focused && targets.includes(focused)) setFocused(null);
      setNotice(null);
      setUndo({ papers: removed, text: `Deleted ${n(removed.length)}.` });
    } catch (e) {
      setNotice({ kind: 'error', text: storageMessage(e, 'nothing was deleted') });
    }
  }

  /** Puts deleted papers back, merged with anything saved since; Undo stays offered if it fails. */
  async function restore() {
    if (!undo) return;
    try {
      await repository.importPapers(undo.papers);
      told(undo.papers.map((p) => p.id));
      setNotice({ kind: 'info', text: `Restored ${n(undo.papers.length)}.` });
      setUndo(null);
    } catch (e) {
      setNotice({ kind: 'error', text: storageMessage(e, 'nothing was restored; Undo is still available') });
    }
  }

  /**
   * The library, read while the export dialog is open (reading 10,000 records takes a few
   * hundred milliseconds); read again at export time if anything changed meanwhile.
   */
  const prepared = useRef<Promise<{ seq: number; papers: Paper[] }> | null>(null);
  function openExport() {
    prepared.current = Promise.all([repository.lastChangeSeq(), repository.listPapers()]).then(([seq, papers]) => ({ seq, papers }));
    prepared.current.catch(() => undefined);
    setExporting(true);
  }

  async function libraryNow(): Promise<Paper[]> {
    const ready = await prepared.current?.catch(() => null);
    if (ready && ready.seq === (await repository.lastChangeSeq())) return ready.papers;
    return repository.listPapers();
  }

  async function exportPapers(format: ExportFormat, scope: ExportScope) {
    setProgress({ label: 'Preparing the export…' });
    await paint();
    try {
      const library = await libraryNow();
      let papers: Paper[];
      if (scope.kind === 'all') papers = library;
      else if (scope.kind === 'tag') papers = library.filter((p) => p.tags.includes(scope.tag));
      else {
        const byId = new Map(library.map((p) => [p.id, p]));
        papers = (scope.kind === 'search' ? sorted : selection).flatMap((id) => byId.get(id) ?? []);
      }
      const { mime } = EXPORT_FORMATS[format];
      const blob = new Blob([EXPORT_FORMATS[format].write(papers)], { type: `${mime};charset=utf-8` });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = exportFileName(format);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setExporting(false);
      setNotice({ kind: 'info', text: `Exported ${n(papers.length)} as ${link.download}.` });
    } catch (e) {
      setNotice({ kind: 'error', text: `The export failed: ${(e as Error).message}. Your library is unchanged.` });
    } finally {
      setProgress(null);
    }
  }

  async function chooseImport(file: File) {
    setNotice(null);
    setImporting(null);
    setProgress({ label: `Reading ${file.name}…` });
    await paint();
    try {
      checkSize(file.size);
      const text = await file.text();
      setProgress({ label: `Checking ${file.name}…` });
      await paint();
      const read = readImportFile(file.name, text);
      // Only the papers already in the library are read: an import into a new profile reads none.
      const stored = await repository.getPapers(await repository.existingIds(read.records.map((r) => r.id)));
      const existing = new Map(stored.filter((p): p is Paper => p !== undefined).map((p) => [p.id, p]));
      const plan = planImport(read, existing);
      if (!read.records.length) {
        setNotice({ kind: 'error', text: `${file.name} holds no paper Paperdex can import (${read.invalid.length} skipped: ${read.invalid[0]?.reason ?? 'no entries'}). Nothing was imported.` });
      } else setImporting({ fileName: file.name, plan, records: read.records });
    } catch (e) {
      const text = e instanceof ImportError ? e.message : `${file.name} could not be read (${(e as Error).message}). Nothing was imported.`;
      setNotice({ kind: 'error', text });
    } finally {
      setProgress(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  async function confirmImport() {
    if (!importing) return;
    const { plan, fileName } = importing;
    setProgress({ label: `Importing ${n(plan.additions.length + plan.updates.length)}…` });
    await paint();
    // The page writes the import itself, in one transaction: the records were validated when
    // the file was read (this page is the extension's own), and handing 15 MB to the background
    // first would double the wait. The background is then told, to update open pages' buttons
    // and schedule a backup.
    try {
      // Merged again inside the transaction: edits and saves made since the preview are kept.
      const { added, updated } = await repository.importPapers(importing.records);
      told(importing.records.map((r) => r.id));
      setImporting(null);
      setNotice({ kind: 'info', text: `Imported ${n(added + updated)} from ${fileName}: ${added.toLocaleString('en')} new, ${updated.toLocaleString('en')} updated.` });
    } catch (e) {
      setNotice({ kind: 'error', text: storageMessage(e, 'nothing was imported and your library is unchanged') });
    } finally {
      setProgress(null);
    }
  }

  const bulkTagList = normalizeTags(bulkTags);

  return (
    <div className="library">
      <header className="library-header">
        <h1>Paperdex library</h1>
        <p className="count">{n(total)}</p>
        <div className="header-actions">
          <button type="button" onClick={openExport} disabled={!total}>
            Export
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import
          </button>
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            aria-label="Choose a file to import"
            tabIndex={-1}
            accept=".json,.bib,.bibtex,.csv,application/json,text/csv,application/x-bibtex,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void chooseImport(file);
            }}
          />
        </div>
      </header>
      <main className="library-body">
      {progress && (
        <div className="progress" role="status">
          <span>{progress.label}</span> <progress aria-label={progress.label} />
        </div>
      )}
      {(notice || error) && (
        <div role={notice?.kind === 'info' ? 'status' : 'alert'} className={`banner ${notice?.kind === 'info' ? 'banner-info' : 'banner-error'}`}>
          {notice?.text ?? `Search is unavailable: ${error?.message}. Your saved papers are untouched.`}
          <button type="button" className="link-button" onClick={() => setNotice(null)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
      {undo && (
        <div role="status" className="banner banner-info">
          {undo.text}{' '}
          <button type="button" onClick={() => void restore()}>
            Undo
          </button>
        </div>
      )}
      {exporting && (
        <ExportDialog
          counts={{ all: total, search: query.trim() ? sorted.length : null, selection: selection.length }}
          tags={knownTags}
          busy={progress !== null}
          onExport={(f, s) => void exportPapers(f, s)}
          onClose={() => setExporting(false)}
        />
      )}
      {importing && (
        <ImportPreview fileName={importing.fileName} plan={importing.plan} busy={progress !== null} onConfirm={() => void confirmImport()} onCancel={() => setImporting(null)} />
      )}

      <div className="toolbar">
        <input
          className="search"
          type="search"
          aria-label="Search papers"
          placeholder="Search titles, authors, abstracts, tags, notes…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            if (e.target.value.trim() && !query.trim()) setSortChoice('relevance');
          }}
        />
        <label>
          Sort by{' '}
          <select value={sort} onChange={(e) => setSortChoice(e.target.value as Sort)}>
            {(Object.keys(SORTS) as Sort[])
              .filter((s) => s !== 'relevance' || query.trim())
              .map((s) => (
                <option key={s} value={s}>
                  {SORTS[s]}
                </option>
              ))}
          </select>
        </label>
        <span className="count">{query.trim() ? `${n(sorted.length)} match` : ''}</span>
      </div>

      {relaxed && (
        <p className="status" role="status">
          No paper has every word; these match all but one. “Select all” selects them all.
        </p>
      )}
      <div className="bulk" role="group" aria-label="Selection">
        <label>
          <input type="checkbox" checked={allSelected} disabled={!sorted.length} onChange={() => setSelected(allSelected ? new Set() : new Set(sorted))} /> Select all{' '}
          {query.trim() ? 'matching' : ''} ({n(sorted.length)})
        </label>
        <span className="count">{selection.length ? `${n(selection.length)} selected` : 'Tick papers (Shift-click for a range) to act on several.'}</span>
        {selection.length > 0 && (
          <>
            <label className="visually-hidden" htmlFor="bulk-tags">
              Tags for the selected papers
            </label>
            <input id="bulk-tags" list="known-tags" className="tag-input" placeholder="tags…" value={bulkTags} onChange={(e) => setBulkTags(e.target.value)} />
            <datalist id="known-tags">
              {knownTags.slice(0, 200).map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
            <button type="button" disabled={!bulkTagList.length} onClick={() => void change(selection, { addTags: bulkTagList }, `Tagged {n}.`).then(() => setBulkTags(''))}>
              Add tag
            </button>
            <button type="button" disabled={!bulkTagList.length} onClick={() => void change(selection, { removeTags: bulkTagList }, `Untagged {n}.`).then(() => setBulkTags(''))}>
              Remove tag
            </button>
            <StatusSelect label="Set status" value={undefined} onChange={(readingStatus) => void change(selection, { readingStatus }, `Status set for {n}.`)} />
            <button type="button" onClick={openExport}>
              Export selection
            </button>
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete
            </button>
          </>
        )}
      </div>

      <div className="library-main">
        {total === 0 && !progress ? (
          <div className="empty">
            <p>
              <strong>Your library is empty.</strong>
            </p>
            <p>Save papers from arXiv or Hugging Face, or import a Paperdex backup, a BibTeX file or a Paperdex CSV with Import.</p>
          </div>
        ) : (
          <PaperTable engine={engine} ids={sorted} revision={revision} selected={selected} focused={focused} onToggle={toggle} onFocus={setFocused} />
        )}
        {focusedPaper && (
          <PaperDetails
            key={focusedPaper.id}
            paper={focusedPaper}
            knownTags={knownTags}
            onChange={(c) => void change([focusedPaper.id], c)}
            onCopied={(text) => setNotice({ kind: 'info', text })}
          />
        )}
      </div>

      <BackupPanel
        status={backup}
        busy={progress !== null}
        onChange={(settings) => void write(() => sendMessage('setBackupSettings', settings), (s) => void setBackup(s))}
        onBackupNow={() => {
          setProgress({ label: 'Writing a backup…' });
          void write(() => sendMessage('backupNow', undefined), (s) => {
            setBackup(s);
            return s.lastError ? undefined : 'Backup written.';
          }).finally(() => setProgress(null));
        }}
      />
      </main>
    </div>
  );
}
