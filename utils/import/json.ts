import { BACKUP_FORMAT } from '../export/json';
import { describeIssue, paperRecordSchema, type Paper } from '../paper/schema';
import { repairRecord } from '../paper/repair';
import { fixTally, ImportError, type ImportFile, type ImportProblem, type Progress } from './types';

/** A Paperdex JSON backup, this format version or any later one; every record validated. */
export function readJson(name: string, text: string, progress?: Progress): ImportFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`${name} is not valid JSON (${(error as Error).message}); it may be cut off. Nothing was imported.`);
  }
  const backup = data as { format?: unknown; version?: unknown; papers?: unknown };
  if (!backup || typeof backup !== 'object' || Array.isArray(backup) || backup.format !== BACKUP_FORMAT) {
    throw new ImportError(`${name} is JSON but not a Paperdex backup (it has no "format": "paperdex"). Nothing was imported.`);
  }
  if (typeof backup.version !== 'number' || backup.version < 1 || !Array.isArray(backup.papers)) {
    throw new ImportError(`${name} is a damaged Paperdex backup (no format version or no papers list). Nothing was imported.`);
  }
  const records: Paper[] = [];
  const invalid: ImportProblem[] = [];
  const lenient = fixTally();
  const papers = backup.papers;
  papers.forEach((raw, i) => {
    const { value, fixes } = repairRecord(raw);
    const parsed = paperRecordSchema.safeParse(value);
    if (parsed.success) lenient.add(fixes);
    const label = `entry ${i + 1}${typeof (raw as { id?: unknown })?.id === 'string' ? ` (${(raw as { id: string }).id})` : ''}`;
    if (parsed.success) records.push(parsed.data);
    else invalid.push({ where: label, reason: describeIssue(parsed.error) });
    if (i % 1000 === 999) progress?.(i / papers.length);
  });
  return { format: 'json', records, invalid, lenient: lenient.list() };
}
