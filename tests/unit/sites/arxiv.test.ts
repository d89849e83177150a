// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { seenPaperSchema, type SeenPaper } from '@/utils/paper/schema';
import { parseArxivId } from '@/utils/paper/arxiv-id';
import { abstractPageId, matchesAbstractPage, parseAbstractPage } from '@/utils/sites/arxiv';
import { flipAuthorName } from '@/utils/sites/common';
import { pageCases } from '../fixtures';

interface Expected {
  url: string;
  papers: SeenPaper[];
}

const cases = pageCases<Expected>('arxiv').filter((c) => c.name.startsWith('abs-'));

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('arXiv abstract pages (saved real pages)', () => {
  it('has at least one saved page to test against', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(`${c.name}: reads exactly the expected record`, () => {
      const result = parseAbstractPage(load(c.html), new URL(c.expected.url));
      expect(result.problems).toEqual([]);
      expect(result.papers.map((p) => p.paper)).toEqual(c.expected.papers);
      for (const { paper } of result.papers) expect(seenPaperSchema.parse(paper)).toEqual(paper);
    });

    it(`${c.name}: anchors the button at the title heading`, () => {
      const [found] = parseAbstractPage(load(c.html), new URL(c.expected.url)).papers;
      expect(found?.anchor.tagName).toBe('H1');
      expect(found?.anchor.textContent).toContain(c.expected.papers[0]?.title);
    });

    it(`${c.name}: falls back to the visible page when the citation meta tags are missing`, () => {
      const doc = load(c.html);
      doc.querySelectorAll('meta[name^="citation_"]').forEach((m) => m.remove());
      const result = parseAbstractPage(doc, new URL(c.expected.url));
      expect(result.papers.map((p) => p.paper)).toEqual(c.expected.papers);
    });
  }

  it('reports a page without a title as unreadable instead of throwing', () => {
    const doc = load('<html><body><main><p>Service unavailable</p></main></body></html>');
    const result = parseAbstractPage(doc, new URL('https://arxiv.org/abs/2401.12345'));
    expect(result.papers).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.reason).toMatch(/title/);
    expect(result.problems[0]?.anchor.tagName).toBe('MAIN');
  });

  it('keeps LaTeX as written when MathJax has already typeset the visible page', () => {
    const [first] = cases;
    const doc = load(first!.html);
    doc.querySelectorAll('meta[name^="citation_"]').forEach((m) => m.remove());
    // What MathJax 2 leaves in a heading: a preview, the rendering, and the source script.
    doc.querySelector('h1.title')!.insertAdjacentHTML(
      'beforeend',
      ' in <span class="MathJax_Preview">O(n)</span><span class="MathJax" role="presentation">O(n)</span><script type="math/tex">O(n)</script> time',
    );
    const [found] = parseAbstractPage(doc, new URL(first!.expected.url)).papers;
    expect(found?.paper.title).toBe(`${first!.expected.papers[0]!.title} in $O(n)$ time`);
  });

  it('takes the version from a versioned URL', () => {
    const [first] = cases;
    const doc = load(first!.html);
    const url = new URL(first!.expected.url.replace(/\/abs\/(.+)$/, '/abs/$1v3'));
    expect(parseAbstractPage(doc, url).papers[0]?.paper.version).toBe(3);
  });
});

describe('abstract page URLs', () => {
  const accepted: [string, string, number | undefined][] = [
    ['https://arxiv.org/abs/2401.12345', '2401.12345', undefined],
    ['https://arxiv.org/abs/2401.12345v2', '2401.12345', 2],
    ['https://www.arxiv.org/abs/2401.12345', '2401.12345', undefined],
    ['https://export.arxiv.org/abs/2401.12345v10', '2401.12345', 10],
    ['https://arxiv.org/abs/2401.12345/', '2401.12345', undefined],
    ['https://arxiv.org/abs/2401.12345?context=cs.LG#abstract', '2401.12345', undefined],
    ['https://arxiv.org/abs/0704.0001', '0704.0001', undefined],
    ['https://arxiv.org/abs/1412.6980', '1412.6980', undefined],
    ['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001', undefined],
    ['https://arxiv.org/abs/hep-th/9901001v3', 'hep-th/9901001', 3],
    ['https://arxiv.org/abs/math.GT/0309136', 'math/0309136', undefined],
    ['https://arxiv.org/abs/cond-mat/0011092', 'cond-mat/0011092', undefined],
    ['https://arxiv.org/abs/quant-ph%2F0201082v1', 'quant-ph/0201082', 1],
    ['https://arxiv.org/abs/cond-mat.stat-mech/0001001v2', 'cond-mat/0001001', 2],
  ];
  for (const [url, id, version] of accepted) {
    it(`matches ${url}`, () => {
      expect(matchesAbstractPage(new URL(url))).toBe(true);
      expect(abstractPageId(new URL(url))).toEqual(version ? { id, version } : { id });
    });
  }

  const rejected = [
    'https://arxiv.org/',
    'https://arxiv.org/list/cs.LG/new',
    'https://arxiv.org/list/hep-th/2401',
    'https://arxiv.org/pdf/2401.12345',
    'https://arxiv.org/pdf/2401.12345v2.pdf',
    'https://arxiv.org/html/2401.12345v1',
    'https://arxiv.org/search/?query=transformer',
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/not-an-id',
    'https://arxiv.org/abs/2401.123',
    'https://arxiv.org/abs/2401.12345v0',
    'https://arxiv.org/abs/%E0%A4%A',
    'https://evil-arxiv.org/abs/2401.12345',
    'https://arxiv.org.example.com/abs/2401.12345',
    'https://huggingface.co/papers/2401.12345',
  ];
  for (const url of rejected) {
    it(`does not match ${url}`, () => {
      expect(matchesAbstractPage(new URL(url))).toBe(false);
    });
  }
});

describe('arXiv identifiers', () => {
  it('reads the forms people write', () => {
    expect(parseArxivId('arXiv:2401.12345v2')).toEqual({ id: '2401.12345', version: 2 });
    expect(parseArxivId(' 2401.12345 ')).toEqual({ id: '2401.12345' });
    expect(parseArxivId('hep-th/9901001')).toEqual({ id: 'hep-th/9901001' });
    expect(parseArxivId('2401.12345v')).toBeNull();
    expect(parseArxivId('')).toBeNull();
  });
});

describe('author names', () => {
  it('turns "Last, First" into "First Last"', () => {
    expect(flipAuthorName('Andrieux, Théo')).toBe('Théo Andrieux');
    expect(flipAuthorName('Upadhyay, Manas V.')).toBe('Manas V. Upadhyay');
    expect(flipAuthorName('van der Berg,  Anna ')).toBe('Anna van der Berg');
    expect(flipAuthorName('King, Jr., Martin')).toBe('Martin King Jr.');
    expect(flipAuthorName('ATLAS Collaboration')).toBe('ATLAS Collaboration');
  });
});
