import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '@/utils/import/read-file';
import { mergePaper, planMerge } from '@/utils/paper/merge';
import { paperInput } from '../paper-factory';

const bib = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/bibtex', name), 'utf8');

describe('BibTeX from Google Scholar, DBLP and arXiv', () => {
  it('Google Scholar: the arXiv id from "arXiv preprint arXiv:…", no journal, "and others" no author', () => {
    const { records, invalid } = readImportFile('scholar.bib', bib('google-scholar.bib'));
    expect(records.map((r) => [r.arxivId, r.title, r.authors.length, r.journalRef, r.published])).toEqual([
      ['1810.05270', 'Rethinking the value of network pruning', 5, undefined, '2018-10-01'],
      ['1812.00332', 'Proxylessnas: Direct neural architecture search on target task and hardware', 3, undefined, '2018-12-01'],
      ['2003.00982', 'Benchmarking graph neural networks', 6, undefined, '2020-03-01'],
      ['2108.07732', 'Program synthesis with large language models', 10, undefined, '2021-08-01'],
    ]);
    expect(records[0]!.authors).toEqual(['Zhuang Liu', 'Mingjie Sun', 'Tinghui Zhou', 'Gao Huang', 'Trevor Darrell']);
    expect(records[3]!.authors).not.toContain('others');
    // No abstract, a year alone, a list cut short: incomplete, so that they never replace finer data.
    expect(records.every((r) => r.incomplete)).toBe(true);
    expect(invalid).toEqual([{ where: '@article{vinyals2015pointer}', reason: 'no arXiv eprint, arXiv URL or arXiv DOI' }]);
  });

  it('DBLP: CoRR volumes and eprint fields name the paper; case protection is dropped; venue versions are skipped', () => {
    const { records, invalid } = readImportFile('dblp.bib', bib('dblp.bib'));
    expect(records.map((r) => [r.arxivId, r.title, r.authors, r.journalRef])).toEqual([
      ['1810.05270', 'Rethinking the Value of Network Pruning', ['Zhuang Liu', 'Mingjie Sun', 'Tinghui Zhou', 'Gao Huang', 'Trevor Darrell'], undefined],
      ['1506.03134', 'Pointer Networks', ['Oriol Vinyals', 'Meire Fortunato', 'Navdeep Jaitly'], undefined],
      ['2003.00982', 'Benchmarking Graph Neural Networks', ['Vijay Prakash Dwivedi', 'Chaitanya K. Joshi', 'Thomas Laurent', 'Yoshua Bengio', 'Xavier Bresson'], undefined],
    ]);
    expect(invalid.map((p) => p.where)).toEqual(['@inproceedings{DBLP:conf/iclr/CaiZH19}', '@article{DBLP:journals/jmlr/GaninUAGLLML16}']);
  });

  it("arXiv's own export: eprint, class and accents", () => {
    const { records, invalid } = readImportFile('arxiv.bib', bib('arxiv.bib'));
    expect(invalid).toEqual([]);
    expect(records.map((r) => [r.arxivId, r.title, r.categories])).toEqual([
      ['1810.05270', 'Rethinking the Value of Network Pruning', ['cs.LG']],
      ['1409.3215', 'Sequence to Sequence Learning with Neural Networks', ['cs.CL']],
      ['1505.07818', 'Domain-Adversarial Training of Neural Networks', ['stat.ML']],
    ]);
    expect(records[2]!.authors).toContain('François Laviolette');
  });

  it('never makes a saved paper worse: each file imported over the complete record changes nothing', () => {
    const saved = mergePaper(
      undefined,
      paperInput({ arxivId: '1810.05270', version: 2, published: '2018-10-11', updated: '2019-03-05', categories: ['cs.LG', 'cs.CV'] }),
      1000,
    );
    const library = new Map([[saved.id, { ...saved, readingStatus: 'read' as const, tags: ['pruning'] }]]);
    for (const file of ['google-scholar.bib', 'dblp.bib', 'arxiv.bib']) {
      const plan = planMerge(readImportFile(file, bib(file), 5000).records, library, 5000);
      expect(plan.changes, file).toEqual([]);
      expect(plan.unchanged, file).toBe(1);
    }
  });
});
