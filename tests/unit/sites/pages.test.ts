// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { seenPaperSchema, type SeenPaper } from '@/utils/paper/schema';
import { parseArxivPage } from '@/utils/sites/arxiv-page';
import { parseListingPage } from '@/utils/sites/arxiv-listing';
import { embeddedPapers, parseHfListPage, parseHfPage } from '@/utils/sites/huggingface';
import { pageCases } from '../fixtures';

interface Expected {
  url: string;
  papers: SeenPaper[];
}

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const sites = { arxiv: parseArxivPage, huggingface: parseHfPage } as const;

describe.each(Object.entries(sites))('%s pages (saved real pages and documented minimal pages)', (site, parse) => {
  const cases = pageCases<Expected>(site);

  it('has saved pages to test against', () => {
    expect(cases.length).toBeGreaterThan(1);
  });

  for (const c of cases) {
    it(`${c.name}: finds exactly the expected papers, each beside its title`, () => {
      const result = parse(load(c.html), new URL(c.expected.url));
      expect(result?.problems).toEqual([]);
      expect(result?.papers.map((p) => p.paper)).toEqual(c.expected.papers);
      for (const { paper, anchor, slot, entry } of result!.papers) {
        expect(seenPaperSchema.parse(paper)).toEqual(paper);
        // The anchor is the title's own element, so the button sits beside the title.
        expect(anchor.textContent?.replace(/\s+/g, ' ')).toContain(paper.title);
        expect(anchor.textContent!.length).toBeLessThan(paper.title!.length + 40);
        // The button joins a line of the paper's own entry (the title, the id line, the card's
        // row), never a line of its own after the title, which would push the page down.
        expect(entry.some((e) => e.contains(slot.parent))).toBe(true);
        expect(slot.parent === anchor.parentElement && slot.before === anchor.nextSibling).toBe(false);
      }
    });
  }
});

describe('page parsers on unexpected markup', () => {
  it('report a listing entry they cannot read instead of skipping it silently', () => {
    const doc = load('<dl><dt><a href="/abs/2401.12345">arXiv:2401.12345</a></dt><dd><div class="list-title"></div></dd><dt>[2]</dt><dd></dd></dl>');
    const result = parseListingPage(doc);
    expect(result.papers).toEqual([]);
    expect(result.problems.map((p) => p.reason)).toEqual(['no title for 2401.12345', 'an entry without an arXiv identifier']);
  });

  it('read a Hugging Face card whose data is not embedded by its title alone', () => {
    const doc = load('<article><h3><a href="/papers/2401.12345">A card added by scrolling</a></h3></article>');
    const result = parseHfListPage(doc);
    expect(result.papers.map((p) => p.paper)).toEqual([{ arxivId: '2401.12345', title: 'A card added by scrolling' }]);
  });

  it('survive embedded JSON that is broken or of another shape', () => {
    const doc = load(
      `<div data-target="DailyPapers" data-props="{not json"></div><div data-target="X" data-props='{"a":[{"paper":{"id":"hep-th/9901001"}}]}'></div>`,
    );
    expect(embeddedPapers(doc).size).toBe(0);
    expect(parseHfPage(doc, new URL('https://huggingface.co/papers/2401.12345'))?.papers.map((p) => p.paper)).toEqual([
      { arxivId: '2401.12345' },
    ]);
  });

  it('take a Hugging Face paper page whose data belongs to another paper by its heading', () => {
    const doc = load(
      `<title>Paper page - Old</title><div data-target="PaperContent" data-props='{"paper":{"id":"2401.00001","title":"Old","authors":[]}}'></div><h1>New paper</h1>`,
    );
    expect(parseHfPage(doc, new URL('https://huggingface.co/papers/2401.12345'))?.papers[0]?.paper).toEqual({
      arxivId: '2401.12345',
      title: 'New paper',
    });
  });

  it('leave pages they do not handle alone', () => {
    const doc = load('<p>hello</p>');
    expect(parseArxivPage(doc, new URL('https://arxiv.org/help/api'))).toBeNull();
    expect(parseHfPage(doc, new URL('https://huggingface.co/models'))).toBeNull();
  });
});

describe('withdrawn papers', () => {
  it('are told by arXiv comments that say so, not by comments that mention a withdrawal', async () => {
    const { isWithdrawnComment } = await import('@/utils/sites/common');
    for (const yes of [
      'This paper has been withdrawn by the author due to a crucial sign error in equation 1',
      'Comments: Withdrawn',
      'withdrawn due to an error in the proof',
      'The paper was withdrawn by the authors.',
    ]) {
      expect(isWithdrawnComment(yes), yes).toBe(true);
    }
    for (const no of ['v2: withdrawn Fig. 3 replaced', 'supersedes the withdrawn arXiv:1901.00001', '12 pages, 3 figures']) {
      expect(isWithdrawnComment(no), no).toBe(false);
    }
  });

  it('are marked from the abstract page when the version shown is a withdrawal', () => {
    const [abs] = pageCases<Expected>('arxiv').filter((c) => c.name.startsWith('abs-'));
    const doc = load(abs!.html);
    const history = doc.querySelector('div.submission-history')!;
    history.append(doc.createTextNode(' [v2] Thu, 10 Sep 2026 08:00:00 UTC (1 KB) (withdrawn)'));
    const paper = parseArxivPage(doc, new URL(`${abs!.expected.url}v2`))!.papers[0]!.paper;
    expect(paper).toMatchObject({ version: 2, withdrawn: true });
  });
});
