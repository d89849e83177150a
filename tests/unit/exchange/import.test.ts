import { describe, expect, it } from 'vitest';
import { libraryToJson } from '@/utils/export/json';
import { readImportFile } from '@/utils/import/read-file';
import { checkSize, ImportError, MAX_IMPORT_BYTES } from '@/utils/import/types';
import { mergeImported, mergePaper, planMerge } from '@/utils/paper/merge';
import type { Paper } from '@/utils/paper/schema';
import { paperInput } from '../paper-factory';

const paper = (overrides: Partial<Paper> = {}): Paper => ({ ...mergePaper(undefined, paperInput(), 1000), ...overrides });

describe('reading import files', () => {
  it('refuses corrupt, truncated, wrong-format and oversized files with a clear message', () => {
    const backup = libraryToJson([paper()]);
    const cases: [string, string, RegExp][] = [
      ['cut.json', backup.slice(0, backup.length / 2), /not valid JSON .*cut off/],
      ['other.json', '{"items": []}', /not a Paperdex backup/],
      ['old.json', '{"format":"paperdex","papers":{}}', /damaged Paperdex backup/],
      ['photo.jpg', '\u00ff\u00d8\u00ff\u00e0 JFIF binary', /not a Paperdex backup, a Paperdex CSV or a BibTeX file/],
      ['empty.bib', '   \n', /empty/],
      ['other.csv', 'name,email\nx,y\n', /not a Paperdex backup, a Paperdex CSV or a BibTeX file/],
    ];
    for (const [name, text, message] of cases) {
      expect(() => readImportFile(name, text), name).toThrow(ImportError);
      expect(() => readImportFile(name, text), name).toThrow(message);
    }
    expect(() => checkSize(100 * 1024 * 1024)).toThrow(/This file is 100 MB; Paperdex imports files up to 80 MB/);
    expect(() => checkSize(MAX_IMPORT_BYTES)).not.toThrow();
  });

  it('reads backups of later format versions, ignoring fields it does not know', () => {
    const later = JSON.stringify({ format: 'paperdex', version: 7, exportedAt: '2031-01-01T00:00:00Z', papers: [{ ...paper(), rating: 5 }] });
    expect(readImportFile('later.json', later).records).toEqual([paper()]);
  });

  it('lists invalid records with where and why, and keeps the valid ones', () => {
    const file = JSON.stringify({
      format: 'paperdex',
      version: 1,
      papers: [paper(), { ...paper({ arxivId: '1506.03134', id: 'arxiv:1506.03134' }), url: 'javascript:alert(1)' }, { id: 'arxiv:x' }],
    });
    const { records, invalid } = readImportFile('mixed.json', file);
    expect(records).toHaveLength(1);
    expect(invalid.map((i) => i.where)).toEqual(['entry 2 (arxiv:1506.03134)', 'entry 3 (arxiv:x)']);
    expect(invalid[0]!.reason).toMatch(/url/);
  });

  it('reads BibTeX entries with an arXiv eprint, URL or DOI, and skips the others with the reason', () => {
    const bib = `
@article{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  journal = {arXiv preprint arXiv:1706.03762},
  year = {2017}
}
@misc{he2016, title={Deep Residual Learning}, author={He, Kaiming}, year={2015}, month={dec}, url={https://arxiv.org/abs/1512.03385v1}}
@misc{doi, title={By DOI}, author={A, B}, year={2022}, doi={10.48550/arXiv.2203.02155}}
@book{knuth, title={The Art of Computer Programming}, author={Knuth, Donald}, year={1968}}
@article{nature, title={A journal paper}, author={X, Y}, year={2020}, doi={10.1038/s41586-020-2649-2}}
`;
    const { records, invalid } = readImportFile('refs.bib', bib);
    expect(records.map((r) => [r.arxivId, r.title, r.authors, r.published])).toEqual([
      // A year alone: the month the id was issued, closer to v1 than January.
      ['1706.03762', 'Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer'], '2017-06-01'],
      ['1512.03385', 'Deep Residual Learning', ['Kaiming He'], '2015-12-01'],
      ['2203.02155', 'By DOI', ['B A'], '2022-03-01'],
    ]);
    // Without an abstract the records say they are incomplete, as a save from a page would.
    expect(records.every((r) => r.incomplete)).toBe(true);
    expect(invalid).toEqual([
      { where: '@book{knuth}', reason: 'no arXiv eprint, arXiv URL or arXiv DOI' },
      { where: '@article{nature}', reason: expect.stringMatching(/DOI 10.1038\/s41586-020-2649-2 is not an arXiv paper/) },
    ]);
  });

  it('makes imported tags editable tags ("a, b" is two) and reads CSV formula cells back as text', async () => {
    const backup = JSON.stringify({ format: 'paperdex', version: 1, papers: [paper({ tags: ['a, b', ' c '] })] });
    expect(readImportFile('t.json', backup).records[0]?.tags).toEqual(['a', 'b', 'c']);
    const { libraryToCsv } = await import('@/utils/export/csv');
    const csv = libraryToCsv([paper({ title: '=HYPERLINK("http://evil.example","click")', notes: "'quoted" })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(readImportFile('t.csv', csv).records[0]).toMatchObject({ title: '=HYPERLINK("http://evil.example","click")', notes: "'quoted" });
  });

  it('keeps imported text as data: markup in a title is a title', () => {
    const bib = '@misc{x, title={\\textless{}img src=x onerror=alert(1)\\textgreater{}}, eprint={2401.12345}, archivePrefix={arXiv}, year={2024}}';
    expect(readImportFile('x.bib', bib).records[0]?.title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('lenient where the meaning is clear, strict where it is not', () => {
  it('reads timestamps as days, time text as times, tags in one text or differing only in case, and says which it did', () => {
    const base = paper({ tags: [] });
    const file = JSON.stringify({
      format: 'paperdex',
      version: 1,
      papers: [
        { ...base, published: '2018-10-11T09:30:00Z', tags: ['ML', 'ml', ' to  read', 'To read'] },
        { ...paper({ arxivId: '1506.03134', id: 'arxiv:1506.03134', url: 'https://arxiv.org/abs/1506.03134', pdfUrl: 'https://arxiv.org/pdf/1506.03134' }), savedAt: '2026-05-22T10:00:00.000Z', tags: 'vision, to cite' },
        { ...paper({ arxivId: '1409.3215', id: 'arxiv:1409.3215', url: 'https://arxiv.org/abs/1409.3215', pdfUrl: 'https://arxiv.org/pdf/1409.3215' }), published: 'May 2014' },
      ],
    });
    const read = readImportFile('lenient.json', file);
    expect(read.records.map((r) => [r.id, r.published, r.tags, r.savedAt])).toEqual([
      ['arxiv:1810.05270', '2018-10-11', ['ML', 'to read'], base.savedAt],
      ['arxiv:1506.03134', base.published, ['vision', 'to cite'], Date.parse('2026-05-22T10:00:00.000Z')],
    ]);
    expect(read.lenient).toEqual(
      expect.arrayContaining([
        { fix: 'timestamp-as-day', count: 1 },
        { fix: 'tags-merged', count: 1 },
        { fix: 'date-text-as-time', count: 1 },
        { fix: 'tags-from-text', count: 1 },
      ]),
    );
    // "May 2014" could be the 1st or any day: refused, with why.
    expect(read.invalid).toEqual([{ where: 'entry 3 (arxiv:1409.3215)', reason: expect.stringMatching(/^published: expected a date that exists, as YYYY-MM-DD/) }]);
  });

  it('unites tags that differ only in case with the ones you have, in your spelling', () => {
    const stored = paper({ tags: ['Transformers'] });
    expect(mergeImported(stored, paper({ tags: ['transformers', 'NLP'] }), 5000).tags).toEqual(['Transformers', 'NLP']);
  });
});

describe('planning an import', () => {
  it('counts new papers, updates and unchanged ones', () => {
    const stored = new Map([
      ['arxiv:1810.05270', paper()],
      ['arxiv:1506.03134', paper({ id: 'arxiv:1506.03134', arxivId: '1506.03134', url: 'https://arxiv.org/abs/1506.03134', pdfUrl: 'https://arxiv.org/pdf/1506.03134' })],
    ]);
    const incoming = [
      paper(),
      { ...stored.get('arxiv:1506.03134')!, tags: ['seq2seq'] },
      paper({ id: 'arxiv:1706.03762', arxivId: '1706.03762', url: 'https://arxiv.org/abs/1706.03762', pdfUrl: 'https://arxiv.org/pdf/1706.03762' }),
    ];
    const plan = planMerge(incoming, stored, 5000);
    expect(plan.additions.map((p) => p.id)).toEqual(['arxiv:1706.03762']);
    expect(plan.updates.map((p) => [p.id, p.tags])).toEqual([['arxiv:1506.03134', ['seq2seq']]]);
    expect(plan.unchanged).toBe(1);
  });

  it('merges: tags united, existing notes kept and different ones appended, newer metadata wins', () => {
    const existing = paper({ tags: ['pruning'], notes: 'Read for the group.', readingStatus: 'reading', savedAt: 500 });
    const incoming = paper({ version: 2, title: 'Rethinking (v2)', tags: ['iclr', 'pruning'], notes: 'Compare with lottery tickets.', readingStatus: 'read', savedAt: 900 });
    const merged = mergeImported(existing, incoming, 5000);
    expect(merged).toMatchObject({
      version: 2,
      title: 'Rethinking (v2)',
      tags: ['pruning', 'iclr'],
      notes: 'Read for the group.\n\nCompare with lottery tickets.',
      readingStatus: 'reading',
      savedAt: 500,
    });
    // Notes that merely contain the imported words still get them: only equal paragraphs are skipped.
    expect(mergeImported(paper({ notes: 'Re-read section 3 later.' }), paper({ notes: 'section 3' }), 1).notes).toBe('Re-read section 3 later.\n\nsection 3');
    // Importing the same notes again adds nothing; older metadata does not win.
    const again = mergeImported(merged, paper({ version: 1, title: 'Old', notes: 'Compare with lottery tickets.' }), 6000);
    expect(again.notes).toBe(merged.notes);
    expect(again.title).toBe('Rethinking (v2)');
  });
});
