import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryToBibtex } from '@/utils/export/bibtex';
import { libraryToCsv } from '@/utils/export/csv';
import { libraryToJson } from '@/utils/export/json';
import { escapeTex } from '@/utils/export/tex';
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

  it('BibTeX: a real parser reads every entry, the import reads back every field BibTeX carries, and a re-export is the same file', () => {
    fc.assert(
      // An empty file is refused as such: a BibTeX library has at least one entry.
      fc.property(libraryArbitrary(12, 1), (library) => {
        const bib = libraryToBibtex(library);
        // Unknown commands are TeX as the authors wrote it, not a syntax error.
        const parsed = parseBibtex(bib, { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore' });
        expect(parsed.errors).toEqual([]);
        expect(parsed.entries).toHaveLength(library.length);
        expect(new Set(parsed.entries.map((e) => e.key)).size).toBe(library.length);
        parsed.entries.forEach((entry, i) => {
          expect(entry.fields.eprint).toBe(library[i]!.arxivId);
          expect(entry.fields.year).toBe(library[i]!.published.slice(0, 4));
        });

        const back = new Map(importIntoEmpty('library.bib', bib).map((p) => [p.id, p]));
        const again = library.map((paper) => back.get(paper.id)!);
        for (const [i, paper] of library.entries()) {
          const carried = (p: Paper) => ({
            arxivId: p.arxivId,
            version: p.version,
            authors: p.authors,
            // An incomplete record is dated to the month in BibTeX.
            date: paper.incomplete ? p.published.slice(0, 7) : p.published,
            primaryClass: p.categories[0],
            doi: p.doi?.startsWith('10.48550/') ? undefined : p.doi,
            journalRef: p.journalRef && escapeTex(p.journalRef),
            withdrawn: p.withdrawn,
            // BibTeX keywords are a set: parsers give them back sorted.
            tags: [...p.tags].sort(),
          });
          expect(carried(again[i]!)).toEqual(carried(paper));
          // Incomplete when it was, or when BibTeX lacks what a complete record needs.
          expect(Boolean(again[i]!.incomplete)).toBe(Boolean(paper.incomplete || !paper.authors.length || !paper.abstract));
          // Text comes back as the TeX it was written as: the same title and abstract to LaTeX.
          expect(escapeTex(again[i]!.abstract)).toBe(escapeTex(paper.abstract));
        }
        // BibTeX → import → BibTeX is a fixed point.
        expect(libraryToBibtex(again)).toBe(bib);
      }),
      RUNS,
    );
  }, 120_000);

  it('importing any export of a library into that same library changes nothing', () => {
    const formats: [string, (papers: Paper[]) => string][] = [
      ['library.json', (p) => libraryToJson(p)],
      ['library.csv', libraryToCsv],
      ['library.bib', libraryToBibtex],
    ];
    fc.assert(
      fc.property(libraryArbitrary(12, 1), fc.constantFrom(...formats), (library, [name, write]) => {
        const stored = new Map(library.map((p) => [p.id, p]));
        const plan = planMerge(readImportFile(name, write(library), Date.parse('2031-01-01')).records, stored, Date.parse('2031-01-01'));
        expect(plan.additions).toEqual([]);
        expect(plan.changes).toEqual([]);
        expect(plan.unchanged).toBe(library.length);
      }),
      RUNS,
    );
  }, 120_000);
});
