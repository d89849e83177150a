import type { Paper } from '../paper/schema';
import { libraryToBibtex } from './bibtex';
import type { CiteOptions } from './citation';
import { libraryToCslJson } from './csl';
import { libraryToCsv } from './csv';
import type { ExportFormat } from './formats';
import { libraryToJson } from './json';
import { libraryToMarkdown } from './markdown';
import { libraryToRis } from './ris';

/** The writer of every format (see formats.ts): loaded when an export runs. */
export const EXPORT_WRITERS: Record<ExportFormat, (papers: readonly Paper[], options: CiteOptions) => string> = {
  bibtex: libraryToBibtex,
  json: (p) => libraryToJson(p),
  csv: (p) => libraryToCsv(p),
  markdown: (p) => libraryToMarkdown(p),
  ris: libraryToRis,
  csl: libraryToCslJson,
};
