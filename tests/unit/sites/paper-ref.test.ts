import { describe, expect, it } from 'vitest';
import { paperRefFromUrl } from '@/utils/sites/paper-ref';

describe('the paper an address names', () => {
  const table: [string, ReturnType<typeof paperRefFromUrl>][] = [
    ['https://arxiv.org/abs/2401.12345', { arxivId: '2401.12345', source: 'arxiv' }],
    ['https://arxiv.org/abs/2401.12345v2?context=cs#x', { arxivId: '2401.12345', version: 2, source: 'arxiv' }],
    ['https://arxiv.org/pdf/2401.12345', { arxivId: '2401.12345', source: 'arxiv' }],
    ['https://arxiv.org/pdf/2401.12345v3', { arxivId: '2401.12345', version: 3, source: 'arxiv' }],
    ['https://arxiv.org/pdf/2401.12345v3.pdf', { arxivId: '2401.12345', version: 3, source: 'arxiv' }],
    ['https://www.arxiv.org/pdf/2401.12345.pdf', { arxivId: '2401.12345', source: 'arxiv' }],
    ['http://export.arxiv.org/pdf/hep-th/9901001v1', { arxivId: 'hep-th/9901001', version: 1, source: 'arxiv' }],
    ['https://arxiv.org/pdf/math.GT/0309136.pdf', { arxivId: 'math/0309136', source: 'arxiv' }],
    ['https://arxiv.org/html/2609.22268v1', { arxivId: '2609.22268', version: 1, source: 'arxiv' }],
    ['https://arxiv.org/html/2609.22268v1/#S2', { arxivId: '2609.22268', version: 1, source: 'arxiv' }],
    ['https://arxiv.org/html/2609.22268v1/x1.png', { arxivId: '2609.22268', version: 1, source: 'arxiv' }],
    ['https://huggingface.co/papers/2605.06554', { arxivId: '2605.06554', source: 'huggingface' }],
    ['https://huggingface.co/papers/2605.06554#community', { arxivId: '2605.06554', source: 'huggingface' }],
    ['https://huggingface.co/papers/date/2026-02-20', null],
    ['https://huggingface.co/papers', null],
    ['https://arxiv.org/list/cs.LG/new', null],
    ['https://arxiv.org/pdf/', null],
    ['https://arxiv.org/abs/2401.1234', null],
    ['https://evil.example/abs/2401.12345', null],
    ['javascript:alert(1)//arxiv.org/abs/2401.12345', null],
    ['not a url', null],
  ];
  for (const [url, expected] of table) {
    it(`${url} → ${expected ? expected.arxivId : 'none'}`, () => {
      expect(paperRefFromUrl(url)).toEqual(expected);
    });
  }
  it('no address at all', () => expect(paperRefFromUrl(undefined)).toBeNull());
});
