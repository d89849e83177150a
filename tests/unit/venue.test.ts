import { describe, expect, it } from 'vitest';
import { mergeVenue, isSamePaper, venueFromJournalRef, venueLabel, venueWords } from '@/utils/paper/venue';
import { pickDblpRecord, readDblpSearch } from '@/utils/sites/dblp';
import { readS2Batch } from '@/utils/sites/semantic-scholar';
import { readBibtexVenue } from '@/utils/import/bibtex';
import type { Venue } from '@/utils/paper/schema';
import { readFixture } from './fixtures';

const thesis = { title: 'Efficient Deep Neural Networks', authors: ['Bichen Wu'], published: '2019-08-23' };
const pointer = { title: 'Pointer Networks', authors: ['Oriol Vinyals', 'Meire Fortunato', 'Navdeep Jaitly'], published: '2015-06-09' };

describe('is a record found by title this paper?', () => {
  it('takes the same title by the same people, written differently', () => {
    expect(isSamePaper(pointer, { title: 'Pointer Networks.', authors: ['Oriol Vinyals', 'Meire Fortunato', 'Navdeep Jaitly'], year: 2015 })).toBe(true);
    expect(isSamePaper(pointer, { title: 'POINTER   networks', authors: ['O. Vinyals', 'M. Fortunato'], year: 2016 })).toBe(true);
    expect(isSamePaper({ ...pointer, authors: ['Wei Wang', 'Li Zhang'] }, { title: 'Pointer Networks', authors: ['Wei Wang 0001', 'Li Zhang 0003'], year: 2015 })).toBe(true);
  });

  it('refuses near-duplicates: the same title by other people, from years before, or a longer title', () => {
    expect(isSamePaper(thesis, { title: 'Efficient Deep Neural Networks.', authors: ['Marta Oliveira Braga', 'Kenji Haraguchi'], year: 2021 })).toBe(false);
    expect(isSamePaper(thesis, { title: 'Efficient Deep Neural Networks.', authors: ['Bichen Wu'], year: 2012 })).toBe(false);
    expect(isSamePaper(pointer, { title: 'Pointer Networks for Summarization', authors: ['Oriol Vinyals'], year: 2016 })).toBe(false);
    // One author of three in common: another work that shares a name.
    expect(isSamePaper(pointer, { title: 'Pointer Networks', authors: ['Oriol Vinyals', 'Ann Other', 'Someone Else', 'Yet Another'], year: 2015 })).toBe(false);
    expect(isSamePaper(pointer, { title: 'Pointer Networks', authors: [], year: 2015 })).toBe(false);
  });

  it('DBLP: the near-duplicate ranked first and the CoRR copy are both passed over', () => {
    const hits = readDblpSearch(JSON.parse(readFixture('venues', 'dblp-search-efficient-deep-neural-networks.json')));
    expect(hits[0]).toMatchObject({ key: 'journals/ijeis/BragaH21', title: 'Efficient Deep Neural Networks.' });
    expect(hits.find((h) => h.key === 'journals/corr/abs-1908-08926')?.authors).toEqual(['Bichen Wu']);
    expect(pickDblpRecord(thesis, hits)).toBeUndefined();
  });

  it('DBLP: the conference paper, not the CoRR copy, nor an earlier workshop version', () => {
    const hits = readDblpSearch(JSON.parse(readFixture('venues', 'dblp-search-pointer-networks.json')));
    expect(pickDblpRecord(pointer, hits)?.key).toBe('conf/nips/VinyalsFJ15');
    const workshop = { ...hits.find((h) => h.key === 'conf/nips/VinyalsFJ15')!, key: 'conf/iclr/VinyalsFJ15w', venue: 'ICLR (Workshop)', year: 2015 };
    expect(pickDblpRecord(pointer, [workshop, ...hits])?.key).toBe('conf/nips/VinyalsFJ15');
  });

  it('Semantic Scholar: a venue for published papers, none for a preprint or an unknown id', () => {
    const ids = ['1506.03134', '1505.07818', '2306.06955', '1908.08926', '2609.22268'];
    const found = readS2Batch(JSON.parse(readFixture('venues', 's2-batch.json')), ids);
    expect(found.get('1506.03134')).toEqual({
      venue: { name: 'Neural Information Processing Systems', short: 'NeurIPS', year: 2015, kind: 'conference', pages: '2692–2700', source: 'semanticscholar' },
      dblpKey: 'conf/nips/VinyalsFJ15',
    });
    expect(found.get('1505.07818')?.venue).toMatchObject({ kind: 'journal', name: 'Journal of machine learning research' });
    expect(found.get('2306.06955')).toEqual({});
    expect(found.get('1908.08926')?.venue).toBeUndefined();
    expect(found.get('2609.22268')).toBeNull();
    expect(() => readS2Batch({ error: 'x' }, ids)).toThrow(/cannot read/);
  });
});

describe('venues', () => {
  it("reads DBLP's BibTeX venue as text, not TeX", () => {
    const bib = readFixture('venues', 'dblp-rec-conf-nips-VinyalsFJ15.bib').replace('Montreal', "Montr{\\'{e}}al").replace('Advances in', '{ICLR} and Advances in');
    const venue = readBibtexVenue(bib, 'dblp');
    expect(venue?.name).toMatch(/^ICLR and Advances in Neural Information Processing Systems 28: .*Montréal, Quebec, Canada$/);
    expect(venue).toMatchObject({ kind: 'conference', year: 2015, pages: '2692–2700', source: 'dblp' });
  });

  it('reads arXiv journal references', () => {
    expect(venueFromJournalRef('NeurIPS 2023')).toEqual({ name: 'NeurIPS 2023', short: 'NeurIPS', year: 2023, kind: 'conference', source: 'arxiv' });
    expect(venueFromJournalRef('Phys. Rev. Lett. 120, 123401 (2018)')).toEqual({ name: 'Phys. Rev. Lett. 120, 123401 (2018)', year: 2018, kind: 'journal', source: 'arxiv' });
    expect(venueFromJournalRef('Accepted at the ICLR 2024 Workshop on Tiny Papers')).toMatchObject({ kind: 'workshop', short: 'ICLR', year: 2024 });
    expect(venueFromJournalRef('Submitted to Nature')).toBeUndefined();
    // What authors write around the venue stays out of its badge.
    expect(venueLabel(venueFromJournalRef('Published in Transactions on Machine Learning Research (TMLR) 2024')!)).toBe('TMLR 2024');
    expect(venueLabel(venueFromJournalRef('Accepted to Nature Communications')!)).toBe('Nature Communications');
    expect(venueFromJournalRef('Accepted at ACL 2023 Findings')).toMatchObject({ short: 'ACL', year: 2023, kind: 'conference' });
    expect(venueLabel({ name: 'International Journal of Computer Vision' })).toBe('International Journal of…');
    expect(venueLabel({ name: 'In Proceedings of SIGIR' })).toBe('Proceedings of SIGIR');
    // "Proceedings" of a journal is a journal; "Proc." of a conference one.
    expect(venueFromJournalRef('Proc. Natl. Acad. Sci. 117, 1234 (2020)')?.kind).toBe('journal');
    expect(venueFromJournalRef('Proceedings of the IEEE 109(5), 2021')?.kind).toBe('journal');
    expect(venueFromJournalRef('Proc. of the 40th International Conference on Machine Learning, 2023')?.kind).toBe('conference');
    expect(venueFromJournalRef('  ')).toBeUndefined();
  });

  it('names a venue on a badge, and finds it by its short name, full name, initials or other name', () => {
    expect(venueLabel({ name: 'Advances in Neural Information Processing Systems 28', short: 'NIPS', year: 2015 })).toBe('NIPS 2015');
    expect(venueLabel({ name: 'NeurIPS 2023', year: 2023 })).toBe('NeurIPS 2023');
    expect(venueLabel({ name: 'Proceedings of the 40th International Conference on Machine Learning', year: 2023 })).toBe('Proceedings of the 40th… 2023');
    const words = venueWords({ name: 'Journal of Machine Learning Research', short: 'J. Mach. Learn. Res.' });
    expect(words).toEqual(expect.arrayContaining(['jmlr', 'jmachlearnres', 'machine', 'journal']));
    expect(venueWords({ name: 'Advances in Neural Information Processing Systems 28', short: 'NIPS' })).toEqual(expect.arrayContaining(['nips', 'neurips', 'neural']));
  });

  it('merges two answers without making the venue coarser; the user’s word always wins', () => {
    const s2: Venue = { name: 'Neural Information Processing Systems', short: 'NeurIPS', year: 2015, kind: 'conference', doi: '10.1/x', source: 'semanticscholar' };
    const dblp: Venue = { name: 'Advances in NIPS 28', short: 'NIPS', year: 2015, kind: 'conference', pages: '1–9', source: 'dblp' };
    expect(mergeVenue(s2, dblp)).toEqual({ ...dblp, doi: '10.1/x' });
    expect(mergeVenue(dblp, s2)).toEqual({ ...dblp, doi: '10.1/x' });
    expect(mergeVenue(dblp, undefined)).toEqual(dblp);
    const mine: Venue = { name: 'My workshop', kind: 'workshop', source: 'user' };
    expect(mergeVenue(mine, dblp)).toEqual(mine);
    expect(mergeVenue(dblp, { name: 'arXiv says', kind: 'other', year: 2015, source: 'arxiv' })).toEqual(dblp);
    // Another year: another version of the work; the finer source's is kept whole.
    expect(mergeVenue({ ...s2, year: 2014 }, dblp)).toEqual(dblp);
    // Between two answers of the same source, an import keeps what is stored; a lookup takes the newer.
    const older: Venue = { name: 'Old workshop', kind: 'workshop', source: 'user' };
    expect(mergeVenue(mine, older, 'stored')).toEqual(mine);
    expect(mergeVenue(mine, older)).toEqual(older);
    // DBLP's record read without its BibTeX (only the short name) keeps the full name known.
    expect(mergeVenue(dblp, { name: 'NIPS', short: 'NIPS', year: 2015, kind: 'conference', source: 'dblp' })).toMatchObject({ name: 'Advances in NIPS 28', short: 'NIPS' });
  });
});
