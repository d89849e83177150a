import type { PaperInput, PaperUpdate } from '@/utils/paper/schema';

/** A complete paper as the background saves it; tests override what they look at. */
export function paperInput(overrides: Partial<PaperUpdate> = {}): PaperUpdate & { source: PaperInput['source'] } {
  const arxivId = overrides.arxivId ?? '1810.05270';
  return {
    arxivId,
    version: 1,
    title: 'Rethinking the Value of Network Pruning',
    authors: ['Zhuang Liu', 'Mingjie Sun', 'Tinghui Zhou', 'Gao Huang', 'Trevor Darrell'],
    abstract: 'Network pruning is widely used for reducing the heavy inference cost of deep models.',
    published: '2018-10-11',
    updated: '2018-10-11',
    url: `https://arxiv.org/abs/${arxivId}`,
    pdfUrl: `https://arxiv.org/pdf/${arxivId}`,
    categories: ['cs.LG'],
    source: 'arxiv',
    ...overrides,
  };
}
