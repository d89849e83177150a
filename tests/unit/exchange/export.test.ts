import { describe, expect, it } from 'vitest';
import { baseKey, citationKeys, libraryToBibtex } from '@/utils/export/bibtex';
import { libraryToCslJson } from '@/utils/export/csl';
import { exportFileName } from '@/utils/export/formats';
import { readImportFile } from '@/utils/import/read-file';
import { libraryToRis } from '@/utils/export/ris';
import { libraryToMarkdown } from '@/utils/export/markdown';
import { escapeTex } from '@/utils/export/tex';
import { mergePaper } from '@/utils/paper/merge';
import type { Paper } from '@/utils/paper/schema';
import { normalizeTags } from '@/utils/paper/tags';
import { collapseWhitespace } from '@/utils/paper/text';
import { paperInput } from '../paper-factory';

const attention: Paper = {
  ...mergePaper(undefined, paperInput({ arxivId: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], published: '2017-06-12', categories: ['cs.CL', 'cs.LG'] }), 1),
  tags: ['transformers'],
  notes: 'The transformer paper.',
};

describe('published papers', () => {
  const pointer: Paper = {
    ...attention,
    venue: { name: 'Advances in Neural Information Processing Systems 30', short: 'NeurIPS', year: 2017, kind: 'conference', pages: '5998–6008', source: 'dblp', dblpKey: 'conf/nips/VaswaniSPUJGKP17' },
  };

  it('BibTeX cites a published paper as @inproceedings in its proceedings, the arXiv fields kept; or as the preprint when asked', () => {
    const bib = libraryToBibtex([pointer]);
    expect(bib).toMatch(/^@inproceedings\{vaswani2017attention,/);
    expect(bib).toContain('booktitle = {Advances in Neural Information Processing Systems 30}');
    expect(bib).toContain('pages = {5998--6008}');
    expect(bib).toContain('year = {2017}');
    expect(bib).not.toContain('month =');
    expect(bib).toContain('eprint = {1706.03762}');
    expect(bib).toContain('archivePrefix = {arXiv}');
    expect(libraryToBibtex([pointer], { asPublished: false })).toMatch(/^@misc\{vaswani2017attention,[^]*version = \{1\}/);
    // A journal: @article with volume, number and the journal's DOI.
    const journal = libraryToBibtex([{ ...pointer, venue: { name: 'J. Mach. Learn. Res.', year: 2016, kind: 'journal', volume: '17', number: '59', pages: '1–35', doi: '10.5555/1', source: 'semanticscholar' } }]);
    expect(journal).toMatch(/^@article\{/);
    expect(journal).toContain('journal = {J. Mach. Learn. Res.}');
    expect(journal).toContain('volume = {17}');
    expect(journal).toContain('doi = {10.5555/1}');
  });

  it('a BibTeX export of a published paper imports back with its venue', () => {
    const [again] = readImportFile('library.bib', libraryToBibtex([pointer]), 5).records;
    expect(again!.venue).toEqual({ name: 'Advances in Neural Information Processing Systems 30', year: 2017, kind: 'conference', pages: '5998–6008', source: 'import' });
  });

  it("a journal reference that names a conference stays arXiv's journal reference through BibTeX", () => {
    const refOnly = mergePaper(undefined, paperInput({ arxivId: '1706.03762', journalRef: 'ACL 2020' }), 1);
    expect(refOnly.venue).toMatchObject({ short: 'ACL', kind: 'conference', source: 'arxiv' });
    const bib = libraryToBibtex([refOnly]);
    const [again] = readImportFile('library.bib', bib, 5).records;
    expect(again!.venue).toMatchObject({ source: 'arxiv' });
    expect(libraryToBibtex([again!])).toBe(bib);
  });

  it('Markdown names the venue and links the code', () => {
    const md = libraryToMarkdown([{ ...pointer, code: { repo: 'https://github.com/tensorflow/tensor2tensor', source: 'huggingface' } }]);
    expect(md).toContain('· NeurIPS 2017 ·');
    expect(md).toContain('[Code](https://github.com/tensorflow/tensor2tensor)');
  });
});

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

  it('BibTeX is @misc with the eprint fields of both styles, @article when arXiv lists a journal', () => {
    const bib = libraryToBibtex([attention, { ...attention, id: 'x', doi: '10.5555/3295222', journalRef: 'NeurIPS 2017' }]);
    expect(bib).toContain('@misc{vaswani2017attention,\n  title = {{Attention Is All You Need}},\n  author = {Vaswani, Ashish and Shazeer, Noam},');
    expect(bib).toContain('  year = {2017},\n  month = jun,\n  date = {2017-06-12},\n  version = {1},');
    expect(bib).toMatch(/eprint = \{1706\.03762\},\n {2}archivePrefix = \{arXiv\},\n {2}primaryClass = \{cs\.CL\},\n {2}eprinttype = \{arxiv\},\n {2}eprintclass = \{cs\.CL\}/);
    // arXiv's own DOI when the authors gave none; the journal's when they did.
    expect(bib).toContain('doi = {10.48550/arXiv.1706.03762}');
    expect(bib).toContain('@article{vaswani2017attentionb,');
    expect(bib).toContain('journal = {NeurIPS 2017}');
    expect(bib).toContain('doi = {10.5555/3295222}');
  });

  it('BibTeX keeps TeX as written and escapes only what would break a .bib or a LaTeX run', () => {
    expect(escapeTex('On $\\alpha$-divergence, 50\\% of $\\mathcal{O}(n)$')).toBe('On $\\alpha$-divergence, 50\\% of $\\mathcal{O}(n)$');
    expect(escapeTex('50% of C# & R_2 ~100x, a^b <c>, a lone $ here')).toBe(
      '50\\% of C\\# \\& R\\_2 \\textasciitilde{}100x, a\\textasciicircum{}b \\textless{}c\\textgreater{}, a lone \\$ here',
    );
    // Math keeps _ and ^; a brace without a partner becomes text.
    expect(escapeTex('$x_i^2$ } and { \\{')).toBe('$x_i^2$ \\textbraceright{} and \\textbraceleft{} \\textbraceleft{}');
    expect(escapeTex('Fig.~1 and a trailing \\')).toBe('Fig.~1 and a trailing \\textbackslash{}');
    // Escaping escaped text changes nothing.
    const once = escapeTex('50% of {BERT} $a_b$ } ^ ~x');
    expect(escapeTex(once)).toBe(once);
  });

  it('BibTeX names: particles, suffixes and institutions where BibTeX looks for them', () => {
    const bib = libraryToBibtex([
      { ...attention, authors: ['Jan van der Berg', 'Martin Luther King Jr.', 'Marcelo Lopes Pereira Junior', 'The LIGO Scientific Collaboration', '山田 太郎'] },
    ]);
    expect(bib).toContain('author = {van der Berg, Jan and King, Jr., Martin Luther and Pereira, Junior, Marcelo Lopes and {The LIGO Scientific Collaboration} and 山田, 太郎}');
    // The key is the family name's, not the suffix's or the particle's.
    expect(bib).toContain('@misc{berg2017attention,');
  });

  it('file names carry the day', () => {
    expect(exportFileName('bibtex', new Date(2026, 10, 26, 23, 59))).toBe('paperdex-2026-11-26.bib');
    expect(exportFileName('csl', new Date(2026, 0, 2))).toBe('paperdex-2026-01-02.csl.json');
  });

  it('RIS, CSL-JSON and Markdown carry the paper', () => {
    expect(libraryToRis([attention])).toContain('TY  - RPRT\r\nTI  - Attention Is All You Need\r\nAU  - Vaswani, Ashish\r\nAU  - Shazeer, Noam');
    expect(libraryToRis([attention])).toContain('PB  - arXiv\r\nSN  - arXiv:1706.03762\r\nM3  - Preprint\r\nAN  - arXiv:1706.03762');
    expect(libraryToRis([{ ...attention, journalRef: 'NeurIPS 2017' }])).toContain('TY  - JOUR');
    expect(JSON.parse(libraryToCslJson([attention]))[0]).toMatchObject({
      id: 'vaswani2017attention',
      type: 'article',
      title: 'Attention Is All You Need',
      author: [{ family: 'Vaswani', given: 'Ashish' }, { family: 'Shazeer', given: 'Noam' }],
      issued: { 'date-parts': [[2017, 6, 12]] },
      number: 'arXiv:1706.03762',
      publisher: 'arXiv',
      DOI: '10.48550/arXiv.1706.03762',
    });
    const md = libraryToMarkdown([{ ...attention, title: 'A *bold* [claim]', readingStatus: 'to-read' }]);
    expect(md).toContain('- [ ] **[A \\*bold\\* \\[claim\\]](https://arxiv.org/abs/1706.03762)** — *To read*');
    expect(md).toContain('  > The transformer paper.');
  });

  it('tags are split and cleaned as typed', () => {
    expect(normalizeTags(' vision,  to   cite ; {x}, vision ')).toEqual(['vision', 'to cite', 'x']);
  });
});

describe('whitespace', () => {
  it('is collapsed to single spaces whatever its kind, and text already tidy comes back as it is', () => {
    expect(collapseWhitespace(' Attention\tis\u00a0all  you\r\nneed\u2003\u3000\ufeff ')).toBe('Attention is all you need');
    expect(collapseWhitespace('  leading and trailing ')).toBe('leading and trailing');
    const tidy = 'A title with single spaces';
    expect(collapseWhitespace(tidy)).toBe(tidy);
    // The same as collapsing every run of \s, over strings of every mix (seeded).
    const pieces = [' ', '  ', '\n', '\t', '\u00a0', 'a', 'b c', '\u2003', '\r\n', '\ufeff', '\u3000', '\u200b'];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });
});
