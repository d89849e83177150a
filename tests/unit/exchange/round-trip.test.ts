import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryToBibtex } from '@/utils/export/bibtex';
import { libraryToCsv } from '@/utils/export/csv';
import { libraryToJson } from '@/utils/export/json';
import { readImportFile } from '@/utils/import/read-file';
import { planMerge } from '@/utils/paper/merge';
import type { Paper } from '@/utils/paper/schema';
import { libraryArbitrary } from '../../support/arbitrary-paper';

/** Importing a file into an empty library: what would be stored. */
function importIntoEmpty(name: string, text: string): Paper[] {
  const file = readImportFile(name, text);
  const plan = planMerge(file.records, new Map());
  expect(file.invalid).toEqual([]);
  expect(plan.updates).toEqual([]);
  return plan.additions;
}

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) };

describe('export → import round trips (property tests)', () => {
  it('JSON: any library comes back identical', () => {
    fc.assert(
      fc.property(libraryArbitrary(), (library) => {
        expect(importIntoEmpty('backup.json', libraryToJson(library))).toEqual(library);
      }),
      RUNS,
    );
  });

  it('CSV: any library comes back identical', () => {
    fc.assert(
      fc.property(libraryArbitrary(), (library) => {
        expect(importIntoEmpty('library.csv', libraryToCsv(library))).toEqual(library);
      }),
      RUNS,
    );
  });

  it('BibTeX: a real parser reads back every field BibTeX carries, and so does the import', () => {
    fc.assert(
      // An empty file is refused as such: a BibTeX library has at least one entry.
      fc.property(libraryArbitrary(12, 1), (library) => {
        const bib = libraryToBibtex(library);
        const parsed = parseBibtex(bib, { english: false, sentenceCase: false, caseProtection: false });
        expect(parsed.errors).toEqual([]);
        expect(parsed.entries).toHaveLength(library.length);
        expect(new Set(parsed.entries.map((e) => e.key)).size).toBe(library.length);
        parsed.entries.forEach((entry, i) => {
          const paper = library[i]!;
          expect(entry.fields.title).toBe(paper.title);
          expect(entry.fields.eprint).toBe(paper.arxivId);
          expect(entry.fields.year).toBe(paper.published.slice(0, 4));
          expect(entry.fields.abstract ?? '').toBe(paper.abstract);
        });

        const back = new Map(importIntoEmpty('library.bib', bib).map((p) => [p.id, p]));
        for (const paper of library) {
          const got = back.get(paper.id)!;
          const carried = (p: Paper) => ({
            arxivId: p.arxivId,
            title: p.title,
            authors: p.authors,
            abstract: p.abstract,
            month: p.published.slice(0, 7),
            primaryClass: p.categories[0],
            doi: p.doi,
            journalRef: p.journalRef,
            withdrawn: p.withdrawn,
            // BibTeX keywords are a set: parsers give them back sorted.
            tags: [...p.tags].sort(),
          });
          expect(carried(got)).toEqual(carried(paper));
        }
      }),
      RUNS,
    );
  }, 120_000);
});
