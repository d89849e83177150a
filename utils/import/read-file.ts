import { readBibtex } from './bibtex';
import { readCsv } from './csv';
import { readJson } from './json';
import { checkSize, ImportError, type ImportFile, type Progress } from './types';

/**
 * Reading an import file (pure): a Paperdex JSON backup (this and any later format version), a
 * Paperdex CSV export, or BibTeX (entries with an arXiv eprint, an arXiv URL or arXiv's DOI).
 * Every entry becomes a valid record or a line in `invalid` saying why; imported text is data,
 * never markup, and never trusted for links (they are rebuilt from the arXiv id).
 */
export function readImportFile(name: string, text: string, now = Date.now(), progress?: Progress): ImportFile {
  // The page checks the file's size before reading it; this guards callers that pass text (a
  // character is at least one byte, so the length never overstates the size).
  checkSize(text.length);
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed) throw new ImportError(`${name} is empty. Nothing was imported.`);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return readJson(name, trimmed, progress);
  if (/^[^\n]*\barxivId\b/.test(trimmed)) return readCsv(name, trimmed, now, progress);
  if (/@\s*[a-zA-Z]+\s*[{(]/.test(trimmed)) return readBibtex(name, trimmed, now, progress);
  throw new ImportError(`${name} is not a Paperdex backup, a Paperdex CSV or a BibTeX file. Nothing was imported.`);
}
