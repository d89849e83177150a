import type { Paper } from '../paper/schema';
import { libraryToBibtex } from './bibtex';
import { libraryToCslJson } from './csl';
import { libraryToCsv } from './csv';
import type { ExportFormat } from './formats';
import { libraryToJson } from './json';
import { libraryToMarkdown } from './markdown';
import { libraryToRis } from './ris';

/** The writer of every format (see formats.ts): loaded when an export runs. */
export const EXPORT_WRITERS: Record<ExportFormat, (papers: readonly Paper[]) => string> = {
  bibtex: (p) => libraryToBibtex(p),
  json: (p) => libraryToJson(p),
  csv: libraryToCsv,
  markdown: (p) => libraryToMarkdown(p),
  ris: libraryToRis,
  csl: (p) => libraryToCslJson(p),
};
