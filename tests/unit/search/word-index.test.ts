import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '@/utils/search/edit-distance';
import { highlight, snippet } from '@/utils/search/highlight';
import { parseQuery } from '@/utils/search/query';
import { WordIndex, type IndexablePaper } from '@/utils/search/word-index';

function paper(id: string, fields: Partial<IndexablePaper>): IndexablePaper {
  return {
    id,
    title: '',
    authors: [],
    tags: [],
    abstract: '',
    notes: '',
    published: '2020-01-01',
    sources: ['arxiv'],
    savedAt: 0,
    updatedAt: 0,
    ...fields,
  };
}

const papers = [
  paper('a', { title: 'Grad-CAM: Visual Explanations', authors: ['Ramprasaath Selvaraju'], savedAt: 1, published: '2017-03-01', readingStatus: 'read' }),
  paper('b', { title: 'Pointer Networks', authors: ['Oriol Vinyals'], tags: ['to-read'], savedAt: 2, published: '2015-06-09', sources: ['huggingface'], readingStatus: 'reading', incomplete: true }),
  paper('c', { title: 'Optimization of networks', abstract: 'We study network pruning.', notes: 'compare with lottery tickets', savedAt: 3, published: '2019-01-01' }),
];
const ids = (index: WordIndex, q: string) => index.match(parseQuery(q)).ids;

describe('word index', () => {
  const index = WordIndex.build(papers);

  it('matches exact words, prefixes of the word being typed, and typos', () => {
    expect(ids(index, 'pointer')).toEqual(['b']);
    expect(ids(index, 'poin')).toEqual(['b']);
    expect(ids(index, 'pointre')).toEqual(['b']);
    expect([...ids(index, 'netwrok')].sort()).toEqual(['b', 'c']);
    expect(ids(index, 'optimisation')).toEqual(['c']);
  });

  it('joins hyphenated words, so "gradcam" finds Grad-CAM', () => {
    expect(ids(index, 'gradcam')).toEqual(['a']);
    expect(ids(index, 'grad cam')).toEqual(['a']);
  });

  it('needs every word, in any field, in any order', () => {
    expect(ids(index, 'lottery pruning')).toEqual(['c']);
    expect(ids(index, 'vinyals pointer')).toEqual(['b']);
    expect(ids(index, 'vinyals pruning')).toEqual([]);
  });

  it('ranks a title match above an abstract match, and a recent save first among equals', () => {
    const both = WordIndex.build([
      paper('abstract', { abstract: 'about pruning', savedAt: 10 }),
      paper('title', { title: 'Pruning', savedAt: 1 }),
      paper('title-new', { title: 'Pruning', savedAt: 5 }),
    ]);
    expect(ids(both, 'pruning')).toEqual(['title-new', 'title', 'abstract']);
  });

  it('applies author, tag, year, source filters and exclusions', () => {
    expect(ids(index, 'author:vinyals')).toEqual(['b']);
    expect(ids(index, 'author:vinyals networks')).toEqual(['b']);
    expect(ids(index, 'tag:to-read')).toEqual(['b']);
    expect(ids(index, 'tag:to')).toEqual([]);
    expect(ids(index, 'year:>2016')).toEqual(['c', 'a']);
    expect(ids(index, 'year:2015')).toEqual(['b']);
    expect(ids(index, 'source:hf')).toEqual(['b']);
    expect(ids(index, 'networks -pointer')).toEqual(['c']);
  });

  it('filters by reading status and by the incomplete and withdrawn marks, and by their absence', () => {
    expect(ids(index, 'status:read')).toEqual(['a']);
    expect(ids(index, 'status:reading networks')).toEqual(['b']);
    expect(ids(index, 'status:none')).toEqual(['c']);
    expect(ids(index, '-status:read')).toEqual(['c', 'b']);
    expect(ids(index, 'is:incomplete')).toEqual(['b']);
    expect(ids(index, '-is:incomplete networks')).toEqual(['c']);
    expect(ids(index, 'is:withdrawn')).toEqual([]);
    // Typed words never match the marks.
    expect(ids(index, 'status')).toEqual([]);
    expect(ids(index, 'incomplete')).toEqual([]);
  });

  it('filters by venue (short name, full name, initials, other name), by being published, and by having code', () => {
    const library = WordIndex.build([
      ...papers,
      paper('d', { title: 'Domain adversarial training', savedAt: 4, venue: { name: 'Journal of Machine Learning Research', short: 'J. Mach. Learn. Res.', year: 2016, kind: 'journal', source: 'dblp' } }),
      paper('e', { title: 'Lighthouse attention', savedAt: 5, code: { repo: 'https://github.com/x/y', source: 'huggingface' } }),
      paper('f', { title: 'Pointer networks again', savedAt: 6, venue: { name: 'Advances in Neural Information Processing Systems 28', short: 'NIPS', year: 2015, kind: 'conference', source: 'dblp' } }),
    ]);
    expect(ids(library, 'is:published')).toEqual(['f', 'd']);
    expect(ids(library, 'venue:jmlr')).toEqual(['d']);
    expect(ids(library, 'venue:"machine learning"')).toEqual(['d']);
    expect(ids(library, 'venue:neurips')).toEqual(['f']);
    expect(ids(library, 'venue:nips networks')).toEqual(['f']);
    expect(ids(library, 'has:code')).toEqual(['e']);
    expect(ids(library, '-is:published -has:code attention')).toEqual([]);
    expect(ids(library, '-is:published attention')).toEqual(['e']);
    expect(ids(library, '-venue:nips networks')).toEqual(['c', 'b']);
    // Typed words never match the marks: "published" and "code" are text.
    expect(ids(library, 'published')).toEqual([]);
  });

  it('negates filters and excludes compounds as a whole', () => {
    expect(ids(index, 'networks -author:vinyals')).toEqual(['c']);
    expect(ids(index, 'networks -tag:to-read')).toEqual(['c']);
    expect(ids(index, 'networks -source:hf')).toEqual(['c']);
    expect(ids(index, 'networks -year:2015')).toEqual(['c']);
    const compounds = WordIndex.build([
      paper('x', { title: 'Self-attention everywhere', savedAt: 1 }),
      paper('y', { title: 'Attention and self-supervision', savedAt: 2 }),
    ]);
    expect(ids(compounds, 'attention -self-attention')).toEqual(['y']);
    expect(ids(compounds, 'attention -"supervision attention"')).toEqual(['x']);
  });

  it('matches a quoted word exactly, a short word as a stem, and an arXiv id', () => {
    const acronyms = WordIndex.build([
      paper('arxiv:2401.00001', { title: 'LLMs as tool-using agents', savedAt: 1 }),
      paper('arxiv:2401.00002', { title: 'BART denoising', savedAt: 2 }),
      paper('arxiv:2401.00003', { title: 'BERT pretraining', savedAt: 3 }),
    ]);
    expect(ids(acronyms, 'llm agents')).toEqual(['arxiv:2401.00001']);
    expect(ids(acronyms, '"bart"')).toEqual(['arxiv:2401.00002']);
    expect(ids(acronyms, '2401.00003')).toEqual(['arxiv:2401.00003']);
  });

  it('keeps the best match when more papers match than asked for', () => {
    const many = WordIndex.build([
      paper('best', { title: 'BART', savedAt: 0 }),
      ...Array.from({ length: 50 }, (_, i) => paper(`tie${i}`, { abstract: 'about bart and more', savedAt: 100 + i })),
    ]);
    const result = many.match(parseQuery('bart'), 10);
    expect(result.total).toBe(51);
    expect(result.ids).toHaveLength(10);
    expect(result.ids[0]).toBe('best');
  });

  it('highlights typo matches only when the word itself is nowhere', () => {
    const terms = index.match(parseQuery('pointer ')).terms;
    expect([...terms]).toEqual(['pointer']);
    expect([...index.match(parseQuery('pointre ')).terms]).toEqual(['pointer']);
  });

  it('lists every paper newest first for an empty query', () => {
    expect(ids(index, '')).toEqual(['c', 'b', 'a']);
  });

  it('follows upserts and removals, and survives a snapshot round trip', () => {
    const live = WordIndex.build(papers);
    live.upsert({ ...papers[1]!, title: 'Pointer Networks revisited', tags: [], updatedAt: 9 });
    live.remove('a');
    live.upsert(paper('d', { title: 'Hopfield networks', savedAt: 4, updatedAt: 4 }));
    expect(live.size).toBe(3);
    expect(live.maxUpdatedAt).toBe(9);
    expect(live.fingerprint).toBe(9 + 0 + 4);
    expect(ids(live, 'gradcam')).toEqual([]);
    expect(ids(live, 'tag:to-read')).toEqual([]);
    expect(ids(live, 'revisited')).toEqual(['b']);
    const reloaded = WordIndex.fromSnapshot(live.toSnapshot());
    expect(reloaded.pending).toBe(0);
    for (const q of ['networks', 'revisited', 'hopfeld', '', 'year:2020']) expect(ids(reloaded, q)).toEqual(ids(live, q));
  });

  it("holds what a library row shows of each paper, through changes and a snapshot's round trip", () => {
    const venue = { name: 'Advances in Neural Information Processing Systems', short: 'NeurIPS', year: 2015, kind: 'conference' as const, source: 'dblp' as const };
    const full = paper('v', {
      title: 'Pointer\u001eNetworks',
      // A name written surname first keeps its comma: the row lists the authors as saved.
      authors: ['Vinyals, Oriol', 'Meire Fortunato', 'Navdeep Jaitly'],
      tags: ['seq2seq', 'to read, later'],
      published: '2015-06-09',
      readingStatus: 'reading',
      withdrawn: true,
      venue,
      code: { repo: 'https://github.com/vinyals/pointer', source: 'huggingface' },
    });
    const live = WordIndex.build([full, paper('plain', { title: 'Plain', published: '' }), { ...paper('gone', { title: 'Unsound' }), hidden: true }]);
    // The authors and tags as saved, the title's stray separator a space, the year alone.
    const { authors, tags, readingStatus, withdrawn } = full;
    // A badge needs only the venue's names, year and kind.
    const badge = { name: venue.name, short: 'NeurIPS', year: 2015, kind: 'conference' };
    const expected = { id: 'v', title: 'Pointer Networks', authors, tags, published: '2015', readingStatus, withdrawn, venue: badge, code: { repo: 'https://github.com/vinyals/pointer' } };
    expect(live.summary('v')).toEqual(expected);
    // The same object while the paper is unchanged: a row that is memoised renders nothing new.
    expect(live.summary('v')).toBe(live.summary('v'));
    expect(live.summary('plain')).toEqual({ id: 'plain', title: 'Plain', authors: [], tags: [], published: '' });
    live.upsert({ ...full, id: 'detailed', venue: { ...venue, url: 'https://papers.nips.cc/paper/5866', dblpKey: 'conf/nips/VinyalsFJ15' } });
    expect(live.summary('detailed')?.venue).toEqual(badge);
    expect(live.summary('gone')).toBeUndefined();
    expect(live.summary('missing')).toBeUndefined();
    // Ranking still reads the authors and tags as one text each.
    expect(live.rankText('v')).toMatchObject({ authors: 'Vinyals, Oriol, Meire Fortunato, Navdeep Jaitly', tags: 'seq2seq, to read, later' });

    const reloaded = WordIndex.fromSnapshot(live.toSnapshot());
    expect(reloaded.summary('v')).toEqual(expected);
    reloaded.upsert({ ...full, readingStatus: undefined, withdrawn: undefined, incomplete: true, venue: undefined, code: undefined, tags: [] });
    expect(reloaded.summary('v')).toEqual({ id: 'v', title: 'Pointer Networks', authors, tags: [], published: '2015', incomplete: true });
    reloaded.remove('v');
    expect(reloaded.summary('v')).toBeUndefined();
  });

  it('keeps a record in another shape (a restored backup) without throwing or shifting the others', () => {
    const live = WordIndex.build([paper('first', { title: 'First' })]);
    const odd = { ...paper('odd', { title: 'Odd', tags: [''] }), code: { repo: 42 }, venue: { name: 'X', kind: 'poster' }, readingStatus: 'x\u001fy' } as unknown as IndexablePaper;
    live.upsert(odd);
    live.upsert(paper('last', { title: 'Last', authors: ['A. Author'] }));
    expect(live.summary('odd')).toEqual({ id: 'odd', title: 'Odd', authors: [], tags: [''], published: '2020' });
    expect(live.summary('last')).toMatchObject({ title: 'Last', authors: ['A. Author'] });
    expect(live.rankText('first')?.title).toBe('First');
  });

  it('refuses a snapshot of another format', () => {
    expect(() => WordIndex.fromSnapshot({ ...WordIndex.build([]).toSnapshot(), format: 999 })).toThrow(/format/);
  });
});

describe('edit distance', () => {
  it('counts a swap of neighbours as one edit and stops past the budget', () => {
    expect(boundedEditDistance('netwrok', 'network', 2)).toBe(1);
    expect(boundedEditDistance('prunning', 'pruning', 2)).toBe(1);
    expect(boundedEditDistance('colour', 'color', 1)).toBe(1);
    expect(boundedEditDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedEditDistance('kitten', 'sitting', 2)).toBe(3);
    expect(boundedEditDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('highlighting', () => {
  const terms = new Set(['gradcam', 'visual']);
  it('marks matched words, compounds included, keeping the text intact', () => {
    const segments = highlight('Grad-CAM: Visual <b>Explanations</b>', terms);
    expect(segments.map((s) => s.text).join('')).toBe('Grad-CAM: Visual <b>Explanations</b>');
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['Grad', 'CAM', 'Visual']);
  });

  it('marks the same way whether the terms or the text have more words, and keeps texts and terms apart', () => {
    const text = 'State-space-model encoder/decoder: a state space model, and a model-based encoder';
    const hits = (t: ReadonlySet<string>) => highlight(text, t).filter((s) => s.hit).map((s) => s.text);
    // Fewer terms than the text's words.
    expect(hits(new Set(['statespacemodel', 'encoder']))).toEqual(['State', 'space', 'model', 'encoder', 'encoder']);
    // More terms than the text's words (a short prefix standing for many).
    const many = new Set(['model', ...Array.from({ length: 40 }, (_, i) => `mod${i}`)]);
    expect(hits(many)).toEqual(['model', 'model', 'model']);
    // The same text with other terms, and the same terms on another text.
    expect(hits(new Set(['decoder']))).toEqual(['decoder']);
    expect(highlight('A model of models', many).filter((s) => s.hit).map((s) => s.text)).toEqual(['model']);
  });

  it('marks accented and upper-case words by their folded form, in place', () => {
    const text = 'ÜBER-Net by Schäfl‐Müller, and GRAD-cam';
    const hits = highlight(text, new Set(['ubernet', 'schafl', 'gradcam'])).filter((s) => s.hit).map((s) => s.text);
    expect(hits).toEqual(['ÜBER', 'Net', 'Schäfl', 'GRAD', 'cam']);
  });

  it('cuts a snippet around the densest stretch of matches', () => {
    const text = `${'filler words here '.repeat(30)}the visual explanation of gradcam maps ${'more filler '.repeat(30)}`;
    const segments = snippet(text, terms, 80);
    const joined = segments.map((s) => s.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['visual', 'gradcam']);
  });

  it('marks whole words only: not inside a longer word, digits and overlaps included', () => {
    const hits = (text: string, terms: string[]) => highlight(text, new Set(terms)).filter((s) => s.hit).map((s) => s.text);
    expect(hits('Aaa aa AA, aaaa: a-aa', ['aa'])).toEqual(['aa', 'AA', 'aa']);
    expect(hits('GPT4 and GPT 4 in 2024, v2.0', ['4', '2024', 'gpt4', '0'])).toEqual(['GPT4', '4', '2024', '0']);
    expect(hits('Networks of networking networks', ['network'])).toEqual([]);
    // An empty term stands for nothing (and is never looked for forever).
    expect(hits('Any text', [''])).toEqual([]);
    expect(snippet('Any text', new Set(['']))).toEqual([{ text: 'Any text', hit: false }]);
  });

  it('cuts a snippet around a compound, and at the start of a text holding no term', () => {
    const text = `${'filler words here '.repeat(30)}a state-space model ${'more filler '.repeat(30)}`;
    // Only the compound matches: "statespace" is in no word of the text.
    const around = snippet(text, new Set(['statespace']), 80);
    expect(around.filter((s) => s.hit).map((s) => s.text)).toEqual(['state', 'space']);
    expect(around[0]!.text).toBe('…');
    // No term in the text: its start, as with no terms at all.
    expect(snippet(text, new Set(['transformer', 'spacestate']), 80)).toEqual(snippet(text, new Set(), 80));
    expect(snippet(text, new Set(), 80).map((s) => s.text).join('')).toMatch(/^filler words here .*…$/);
  });

  it('never hides a paper behind a prefix that stands for more words than are looked at', () => {
    // 200 common words beginning with "con" (each in two papers) and one rare one.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = (n: number) => `con${letters[Math.floor(n / 26) % 26]}${letters[n % 26]}x`;
    const common = Array.from({ length: 400 }, (_, i) => paper(`p${i}`, { title: `Graph ${word(i % 200)}`, savedAt: i + 10 }));
    const rare = paper('rare', { title: 'Graph conformal', savedAt: 1 });
    const big = WordIndex.build([...common, rare]);
    // "con" is cut at the cap and required nothing; "conf" begins only the rare word.
    expect(big.match(parseQuery('graph con')).ids).toContain('rare');
    expect(big.match(parseQuery('graph conf')).ids[0]).toBe('rare');
    // A prefix the cap does not cut still decides: "conaa" begins one word, in two papers.
    const narrowed = big.match(parseQuery('graph conaa')).ids;
    expect(narrowed.slice(0, 2).sort()).toEqual(['p0', 'p200']);
    expect(narrowed).not.toContain('rare');
  });
});
