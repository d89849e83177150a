import { describe, expect, it } from 'vitest';
import { seenPaperSchema } from '@/utils/paper/schema';
import { arxivApiUrl, parseArxivFeed } from '@/utils/sites/arxiv-api';
import { readFixture } from '../fixtures';

const feed = (name: string) => parseArxivFeed(readFixture('arxiv-api', `${name}.xml`));

describe('arXiv API responses (saved real responses, both formats)', () => {
  it('reads one paper by id (2026 format)', () => {
    expect(feed('api-id-1605.08386')).toEqual({
      totalResults: 1,
      papers: [
        {
          arxivId: '1605.08386',
          version: 1,
          title: 'Heat-bath random walks with Markov bases',
          authors: ['Caprice Stanley', 'Tobias Windisch'],
          abstract: expect.stringMatching(/^Graphs on lattice points are studied .* is an expander in fixed dimension\.$/),
          published: '2016-05-26',
          updated: '2016-05-26',
          categories: ['math.CO', 'math.ST'],
        },
      ],
    });
  });

  it('reads an old-style id with its version, without the leading spaces of the summary', () => {
    const [paper] = feed('api-id-quant-ph_0201082v1').papers;
    expect(paper).toMatchObject({ arxivId: 'quant-ph/0201082', version: 1, categories: ['quant-ph', 'cs.PL'], published: '2002-01-18' });
    expect(paper?.abstract).toMatch(/^We show a representation/);
  });

  it('reads the pre-2026 format: per-element namespaces, line-wrapped text, primary category first', () => {
    const { papers, totalResults } = feed('api-legacy-format-search-cs.RO');
    expect(totalResults).toBe(5619);
    expect(papers.map((p) => p.arxivId)).toEqual(['2510.14968', '2510.14827']);
    expect(papers[0]?.title).toBe('RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks');
    expect(papers[0]?.abstract).toMatch(/^To tackle long-horizon tasks, recent hierarchical vision-language-action \(VLAs\) frameworks/);
    expect(papers[0]?.abstract).not.toMatch(/\n| {2}/);
    expect(papers[0]?.categories?.[0]).toBe('cs.RO');
  });

  it('reads every entry of a search, each a valid paper', () => {
    const { papers } = feed('api-search-transformer-cs.LG');
    expect(papers).toHaveLength(5);
    for (const paper of papers) expect(seenPaperSchema.parse(paper)).toEqual(paper);
    expect(papers[3]?.authors).toHaveLength(7);
  });

  it('tells an unknown id (no entries) from an error entry (HTTP 400)', () => {
    expect(feed('api-id-0000.0000-empty')).toEqual({ totalResults: 0, papers: [] });
    expect(feed('api-id-abc-error-400')).toEqual({ totalResults: 1, papers: [], error: 'incorrect id format for abc' });
  });

  it('throws on what is not an Atom feed', () => {
    expect(() => parseArxivFeed('<html><body>Rate exceeded.</body></html>')).toThrow(/Atom/);
    expect(() => parseArxivFeed('Rate exceeded.')).toThrow();
    // A response cut off mid-way is not a feed either.
    expect(() => parseArxivFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Cut')).toThrow();
  });

  it('asks for the latest versions of a batch', () => {
    expect(arxivApiUrl(['2401.12345', 'hep-th/9901001'])).toBe(
      'https://export.arxiv.org/api/query?id_list=2401.12345%2Chep-th%2F9901001&max_results=2',
    );
  });
});
