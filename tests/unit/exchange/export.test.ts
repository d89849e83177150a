import { describe, expect, it } from 'vitest';
import { baseKey, citationKeys, libraryToBibtex } from '@/utils/export/bibtex';
import { libraryToCslJson } from '@/utils/export/csl';
import { exportFileName } from '@/utils/export/formats';
import { libraryToRis } from '@/utils/export/ris';
import { libraryToMarkdown } from '@/utils/export/markdown';
import { mergePaper } from '@/utils/paper/merge';
import type { Paper } from '@/utils/paper/schema';
import { normalizeTags } from '@/utils/paper/tags';
import { paperInput } from '../paper-factory';

const attention: Paper = {
  ...mergePaper(undefined, paperInput({ arxivId: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], published: '2017-06-12', categories: ['cs.CL', 'cs.LG'] }), 1),
  tags: ['transformers'],
  notes: 'The transformer paper.',
};

describe('exports', () => {
  it('BibTeX keys are human, stable and unique', () => {
    expect(baseKey(attention)).toBe('vaswani2017attention');
    expect(baseKey({ ...attention, authors: ['Jürgen Schmidhuber'], title: 'On the Deep Learning' })).toBe('schmidhuber2017deep');
    expect(baseKey({ ...attention, authors: [] })).toBe('anon2017attention');
    const later = { ...attention, arxivId: '1706.09999' };
    const earlier = { ...attention, arxivId: '1706.00001' };
    expect(citationKeys([attention, later, earlier])).toEqual(['vaswani2017attentionb', 'vaswani2017attentionc', 'vaswani2017attention']);
    // The same keys whatever the order of the export.
    expect(citationKeys([later, earlier, attention])).toEqual(['vaswani2017attentionc', 'vaswani2017attention', 'vaswani2017attentionb']);
    expect(baseKey({ ...attention, authors: ['Hans Christian Ørsted'] })).toBe('orsted2017attention');
  });

  it('BibTeX is @misc with the eprint fields, @article when a journal or DOI is known', () => {
    const bib = libraryToBibtex([attention, { ...attention, id: 'x', doi: '10.5555/3295222', journalRef: 'NeurIPS 2017' }]);
    expect(bib).toContain('@misc{vaswani2017attention,\n  title = {{Attention Is All You Need}},\n  author = {{Vaswani}, Ashish and {Shazeer}, Noam},');
    expect(bib).toMatch(/eprint = \{1706\.03762\},\n {2}archivePrefix = \{arXiv\},\n {2}primaryClass = \{cs\.CL\}/);
    expect(bib).toContain('@article{vaswani2017attentionb,');
    expect(bib).toContain('journal = {NeurIPS 2017}');
    expect(bib).toContain('doi = {10.5555/3295222}');
  });

  it('file names carry the day', () => {
    expect(exportFileName('bibtex', new Date(2026, 10, 26, 23, 59))).toBe('paperdex-2026-11-26.bib');
    expect(exportFileName('csl', new Date(2026, 0, 2))).toBe('paperdex-2026-01-02.csl.json');
  });

  it('RIS, CSL-JSON and Markdown carry the paper', () => {
    expect(libraryToRis([attention])).toContain('TY  - PREPRINT\r\nTI  - Attention Is All You Need\r\nAU  - Vaswani, Ashish\r\nAU  - Shazeer, Noam');
    expect(JSON.parse(libraryToCslJson([attention]))[0]).toMatchObject({
      type: 'article',
      title: 'Attention Is All You Need',
      author: [{ family: 'Vaswani', given: 'Ashish' }, { family: 'Shazeer', given: 'Noam' }],
      issued: { 'date-parts': [[2017, 6, 12]] },
      number: 'arXiv:1706.03762',
    });
    const md = libraryToMarkdown([{ ...attention, title: 'A *bold* [claim]', readingStatus: 'to-read' }]);
    expect(md).toContain('- [ ] **[A \\*bold\\* \\[claim\\]](https://arxiv.org/abs/1706.03762)** — *To read*');
    expect(md).toContain('  > The transformer paper.');
  });

  it('tags are split and cleaned as typed', () => {
    expect(normalizeTags(' vision,  to   cite ; {x}, vision ')).toEqual(['vision', 'to cite', 'x']);
  });
});
