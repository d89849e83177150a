import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergePaper } from '../../utils/paper/merge';
import type { Paper, PaperMetadata } from '../../utils/paper/schema';
import { absUrl, pdfUrl } from '../../utils/paper/urls';

/**
 * A library to export and read back with readers Paperdex did not write: the 94 real corpus
 * papers (their own titles, abstracts and authors; ids and dates made up, in arXiv's forms) and
 * edge cases a real library meets: math, every BibTeX special, unbalanced braces, particles,
 * suffixes, collaborations, CJK, a thousand authors, old-style ids, DOIs and journal
 * references, a withdrawn and an incomplete paper.
 */

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const NOW = Date.UTC(2026, 10, 20);

function paper(arxivId: string, fields: Partial<PaperMetadata> & Pick<PaperMetadata, 'title'>, user: Partial<Paper> = {}): Paper {
  const metadata: PaperMetadata = {
    arxivId,
    version: 1,
    authors: ['Ada Lovelace'],
    abstract: 'An abstract.',
    published: '2024-03-15',
    updated: '2024-03-15',
    url: absUrl(arxivId),
    pdfUrl: pdfUrl(arxivId),
    categories: ['cs.LG'],
    ...fields,
  };
  return { ...mergePaper(undefined, { ...metadata, source: 'arxiv' }, NOW), ...user };
}

export function corpusPapers(): Paper[] {
  const seeds = JSON.parse(readFileSync(join(CORPUS, 'seed-papers.json'), 'utf8')) as { title: string; abstract: string }[];
  const authors = JSON.parse(readFileSync(join(CORPUS, 'authors.json'), 'utf8')) as Record<string, string[]>;
  return seeds.map((s, i) => {
    const month = (i % 12) + 1;
    const day = (i % 27) + 1;
    const id = `${20 + (i % 6)}${String(month).padStart(2, '0')}.${String(10000 + i * 37).padStart(5, '0')}`;
    const published = `20${20 + (i % 6)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return paper(id, {
      title: s.title.replace(/\s+/g, ' ').trim(),
      abstract: s.abstract.replace(/\s+/g, ' ').trim(),
      authors: authors[s.title] ?? ['Anonymous Author'],
      published,
      updated: published,
      version: (i % 3) + 1,
      categories: [['cs.LG', 'cs.CL', 'cs.CV', 'stat.ML'][i % 4]!],
    });
  });
}

export const EDGE_CASES: Paper[] = [
  paper('2401.00001', {
    title: 'On $\\alpha$-divergence and $\\mathcal{O}(n \\log n)$ bounds for $f$-GANs',
    abstract: 'We show $\\|x\\|_2^2 \\le \\epsilon$ for all $x \\in \\mathbb{R}^d$, with \\emph{tight} constants; 50\\% fewer steps. Display: $$\\sum_{i=1}^n x_i$$ and \\(a^2\\).',
    authors: ['Jan van der Berg', 'Martin Luther King Jr.', 'Marcelo Lopes Pereira Junior'],
  }),
  paper('2401.00002', {
    title: 'Specials: 50% of C# & R_2 ~100x cheaper, a^b, <tags>, a lone $ sign, \\ and `quotes\'',
    abstract: 'Costs $5 and $6 in 2024; 100% of {BERT} {unbalanced and } more } braces { here; a_b^c; #1; x & y.',
    authors: ['Ludwig van Beethoven', 'Charles de Gaulle', 'Jean le Rond d\'Alembert', 'Ed Witten III'],
  }),
  paper('2401.00003', {
    title: 'Observation of Gravitational Waves from a Binary Black Hole Merger',
    authors: ['The LIGO Scientific Collaboration', 'The Virgo Collaboration', 'B. P. Abbott'],
    doi: '10.1103/PhysRevLett.116.061102',
    journalRef: 'Phys. Rev. Lett. 116, 061102 (2016)',
    published: '2016-02-11',
    updated: '2016-02-11',
    categories: ['gr-qc', 'astro-ph.HE'],
  }),
  paper('2401.00004', {
    title: '大規模言語モデルの評価 (Evaluating Large Language Models): 中文 and 한국어',
    abstract: '本研究では、言語モデルを評価する。Ünïcödé ąccents: Gödel, Erdős, Øresund, Łódź.',
    authors: ['山田 太郎', 'Łukasz Kaiser', 'Zoë Ørsted-Müller', 'Søren Kierkegaard'],
  }),
  paper('2401.00005', {
    title: 'A Paper with a Thousand Authors',
    authors: Array.from({ length: 1000 }, (_, i) => `Author${String.fromCharCode(65 + (i % 26))} Number${i + 1}`),
  }),
  paper('hep-th/9901001', {
    title: 'Large N Field Theories, String Theory and Gravity',
    authors: ['Ofer Aharony', 'Steven S. Gubser', 'Juan Maldacena', 'Hirosi Ooguri', 'Yaron Oz'],
    published: '1999-01-05',
    updated: '1999-06-19',
    version: 3,
    categories: ['hep-th'],
  }),
  paper('math/0309136', {
    title: 'Ricci flow with surgery on three-manifolds',
    authors: ['Grisha Perelman'],
    published: '2003-03-10',
    updated: '2003-03-10',
    categories: ['math.DG'],
  }),
  paper('2401.00006', { title: 'A Withdrawn Result', withdrawn: true, version: 2 }),
  paper('2401.00007', { title: 'An Incomplete Record, Saved from a Listing', abstract: '', authors: ['Grace Hopper'], published: '2024-01-01', updated: '2024-01-01', incomplete: true }),
  paper('2401.00008', { title: 'Notes and Tags', doi: '10.5555/abc-123' }, { tags: ['to cite', 'C#', '50%'], notes: 'Line one.\nissued: 1850\nDOI: 10.9999/fake\nER  - not the end\n\nLast line.', readingStatus: 'read' }),
];
