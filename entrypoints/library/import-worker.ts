/**
 * The library page's worker for work on the whole library (it has the record's schema; the
 * page does not load it). An import, off the main thread: reads the file (a 10,000-entry BibTeX file is
 * 6.5 MB of text to parse), checks every entry, plans the merge against the library, and on
 * confirmation writes it in one transaction. The page stays responsive throughout and can stop
 * it at any point before the write (it ends this worker; a write cut off is rolled back whole).
 * Also the health check: every stored record checked against the record format, and repairs.
 */
import { repository } from '@/utils/db/repository';
import { readImportFile } from '@/utils/import/read-file';
import { checkSize, ImportError } from '@/utils/import/types';
import { createLibraryWrites } from '@/utils/library-writes';
import { planMerge } from '@/utils/paper/merge';
import { repairRecord } from '@/utils/paper/repair';
import { paperRecordSchema, type Paper } from '@/utils/paper/schema';
import { errorText } from '@/utils/result';
import type { ImportRequest, ImportUpdate, RecordProblem } from '@/utils/import/worker-protocol';

const post = (update: ImportUpdate) => self.postMessage(update);

/** Writes as the pages do; the page tells the background (a worker has no extension APIs). */
const writes = createLibraryWrites(repository, async (written) => post({ type: 'written', written }));

let records: Paper[] = [];

async function read(file: File, now: number): Promise<void> {
  try {
    checkSize(file.size);
    post({ type: 'progress', label: `Reading ${file.name}…`, done: 0 });
    const text = await file.text();
    let last = 0;
    const read = readImportFile(file.name, text, now, (done) => {
      // A message every few per cent is plenty for a progress bar.
      if (done - last >= 0.02 || done === 1) post({ type: 'progress', label: `Checking ${file.name}…`, done: (last = done) });
    });
    if (!read.records.length) {
      const why = read.invalid[0]?.reason ?? 'no entries';
      post({ type: 'failed', message: `${file.name} holds no paper Paperdex can import (${read.invalid.length} skipped: ${why}). Nothing was imported.` });
      return;
    }
    post({ type: 'progress', label: 'Comparing with your library…', done: 1 });
    // Only the papers already in the library are read: an import into a new profile reads none.
    const stored = await repository.getPapers(await repository.existingIds(read.records.map((r) => r.id)));
    const existing = new Map(stored.filter((p): p is Paper => p !== undefined).map((p) => [p.id, p]));
    const plan = planMerge(read.records, existing, now);
    records = read.records;
    post({
      type: 'preview',
      preview: {
        fileName: file.name,
        additions: plan.additions.length,
        updates: plan.updates.length,
        unchanged: plan.unchanged,
        changes: plan.changes,
        invalid: read.invalid,
        lenient: read.lenient,
        bytes: file.size,
      },
    });
  } catch (e) {
    const message = e instanceof ImportError ? e.message : `${file.name} could not be read (${(e as Error).message}). Nothing was imported.`;
    post({ type: 'failed', message });
  }
}

async function commit(): Promise<void> {
  // Merged again inside the transaction: edits and saves made since the preview are kept.
  post({ type: 'done', result: await writes.bringIn(records, 'nothing was imported and your library is unchanged') });
}

/** What a stored record that does not validate needs: the first problem, and what a repair would do. */
function diagnose(raw: unknown): RecordProblem | null {
  const parsed = paperRecordSchema.safeParse(raw);
  if (parsed.success) return null;
  const r = (raw ?? {}) as { id?: unknown; title?: unknown };
  const { value, fixes } = repairRecord(raw);
  const repairable = fixes.length > 0 && paperRecordSchema.safeParse(value).success;
  return {
    id: String(r.id),
    ...(typeof r.title === 'string' && r.title.trim() ? { title: r.title } : {}),
    problem: [...new Set(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`))].slice(0, 4).join('; '),
    fixes: repairable ? fixes : [],
  };
}

async function check(after: string | null, limit: number): Promise<void> {
  try {
    const { papers, next } = await repository.papersAfter(after, limit);
    const problems = papers.map(diagnose).filter((p): p is RecordProblem => p !== null);
    post({ type: 'checked', problems, next });
  } catch (error) {
    post({ type: 'failed', message: errorText(error) });
  }
}

async function repair(ids: string[]): Promise<void> {
  const repaired = (await repository.getPapers(ids)).flatMap((raw) => {
    const parsed = paperRecordSchema.safeParse(repairRecord(raw).value);
    return parsed.success ? [parsed.data] : [];
  });
  post({ type: 'repaired', result: await writes.repair(repaired) });
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'read') void read(request.file, request.now);
  else if (request.type === 'commit') void commit();
  else if (request.type === 'check') void check(request.after, request.limit);
  else if (request.type === 'repair') void repair(request.ids);
};
