import { describe, expect, it } from 'vitest';
import { createPublicationLookup } from '@/entrypoints/background/publication-lookup';
import type { LookupDeps } from '@/entrypoints/background/metadata-lookup';
import { mergePaper } from '@/utils/paper/merge';
import type { Paper } from '@/utils/paper/schema';
import { readFixture } from './fixtures';
import { paperInput } from './paper-factory';

/** Saved answers (tests/fixtures/venues, see its README), by the request they answer. */
const S2_IDS = ['1506.03134', '1505.07818', '2306.06955', '1908.08926', '2609.22268'];
const s2Batch = JSON.parse(readFixture('venues', 's2-batch.json')) as unknown[];
const DBLP_SEARCH: Record<string, string> = {
  'pointer networks': 'dblp-search-pointer-networks.json',
  'domain adversarial training of neural networks': 'dblp-search-domain-adversarial.json',
  'a brief review of hypernetworks in deep learning': 'dblp-search-brief-review-hypernetworks.json',
  'efficient deep neural networks': 'dblp-search-efficient-deep-neural-networks.json',
};
const DBLP_BIB: Record<string, string> = {
  'conf/nips/VinyalsFJ15': 'dblp-rec-conf-nips-VinyalsFJ15.bib',
  'journals/jmlr/GaninUAGLLML16': 'dblp-rec-journals-jmlr-GaninUAGLLML16.bib',
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Answers as the services would, from the fixtures; `override` answers first when it returns a response. */
function services(override: (url: URL) => Response | Error | undefined = () => undefined) {
  let now = 1_000_000;
  const requests: { url: string; at: number; body?: string }[] = [];
  const deps: LookupDeps = {
    now: () => now,
    sleep: async (ms) => void (now += ms),
    fetch: async (url, init) => {
      requests.push({ url, at: now, body: typeof init?.body === 'string' ? init.body : undefined });
      const u = new URL(url);
      const own = override(u);
      if (own instanceof Error) throw own;
      if (own) return own;
      if (u.hostname === 'api.semanticscholar.org') {
        const ids = (JSON.parse(String(init?.body)) as { ids: string[] }).ids.map((id) => id.replace('ARXIV:', ''));
        return json(ids.map((id) => (S2_IDS.includes(id) ? s2Batch[S2_IDS.indexOf(id)] : null)));
      }
      if (u.hostname === 'dblp.org' && u.pathname === '/search/publ/api') {
        const file = DBLP_SEARCH[u.searchParams.get('q') ?? ''];
        return file ? new Response(readFixture('venues', file)) : json({ result: { hits: { '@total': '0' } } });
      }
      if (u.hostname === 'dblp.org' && u.pathname.startsWith('/rec/')) {
        const file = DBLP_BIB[u.pathname.slice(5, -4)];
        return file ? new Response(readFixture('venues', file)) : new Response('Not found', { status: 404 });
      }
      if (u.hostname === 'huggingface.co' && u.pathname === '/api/papers/2605.06554') return new Response(readFixture('huggingface-api', 'api-papers-2605.06554.json'));
      if (u.hostname === 'huggingface.co') return json({ error: 'Paper not found' }, 404);
      throw new Error(`unexpected request ${url}`);
    },
  };
  return { deps, requests, hosts: () => requests.map((r) => new URL(r.url).hostname) };
}

function paper(arxivId: string, title: string, authors: string[], published: string): Paper {
  return mergePaper(undefined, paperInput({ arxivId, title, authors, published, updated: published }), 1);
}

const pointer = paper('1506.03134', 'Pointer Networks', ['Oriol Vinyals', 'Meire Fortunato', 'Navdeep Jaitly'], '2015-06-09');
const dann = paper('1505.07818', 'Domain-Adversarial Training of Neural Networks', ['Yaroslav Ganin', 'Evgeniya Ustinova', 'Hana Ajakan', 'Pascal Germain', 'Hugo Larochelle', 'François Laviolette', 'Mario Marchand', 'Victor Lempitsky'], '2015-05-28');
const review = paper('2306.06955', 'A Brief Review of Hypernetworks in Deep Learning', ['Vinod Kumar Chauhan', 'Jiandong Zhou', 'Ping Lu', 'Soheila Molaei', 'David A. Clifton'], '2023-06-12');
const thesis = paper('1908.08926', 'Efficient Deep Neural Networks', ['Bichen Wu'], '2019-08-23');

describe('where a paper was published (Semantic Scholar, DBLP, Hugging Face)', () => {
  it('finds a conference paper: DBLP’s record and its BibTeX’s proceedings, not the CoRR copy', async () => {
    const { deps } = services();
    const found = await createPublicationLookup(deps).check(pointer);
    expect(found).toEqual({
      ok: true,
      venue: {
        name: 'Advances in Neural Information Processing Systems 28: Annual Conference on Neural Information Processing Systems 2015, December 7-12, 2015, Montreal, Quebec, Canada',
        short: 'NIPS',
        year: 2015,
        kind: 'conference',
        pages: '2692–2700',
        url: 'https://proceedings.neurips.cc/paper/2015/hash/29921001f2f04bd3baee84a12e98098f-Abstract.html',
        dblpKey: 'conf/nips/VinyalsFJ15',
        source: 'dblp',
      },
    });
  });

  it('finds a journal article with its volume and pages, not the later book chapter', async () => {
    const { deps } = services();
    const found = await createPublicationLookup(deps).check(dann);
    expect(found).toMatchObject({ ok: true, venue: { short: 'J. Mach. Learn. Res.', year: 2016, kind: 'journal', volume: '17', dblpKey: 'journals/jmlr/GaninUAGLLML16', source: 'dblp' } });
    expect(found.ok && found.venue?.pages).toMatch(/^59:1/);
  });

  it('finds nothing for a preprint Semantic Scholar lists on arXiv only, and asks DBLP nothing', async () => {
    const { deps, hosts } = services();
    expect(await createPublicationLookup(deps).check(review)).toEqual({ ok: true });
    expect(hosts()).not.toContain('dblp.org');
  });

  it('asks lookups of the same moment in one Semantic Scholar request', async () => {
    const { deps, requests } = services();
    const lookup = createPublicationLookup(deps);
    await Promise.all([pointer, dann, review].map((p) => lookup.check(p)));
    const s2 = requests.filter((r) => r.url.includes('semanticscholar'));
    expect(s2).toHaveLength(1);
    expect(JSON.parse(s2[0]!.body!)).toEqual({ ids: ['ARXIV:1506.03134', 'ARXIV:1505.07818', 'ARXIV:2306.06955'] });
  });

  it('keeps DBLP requests a second apart', async () => {
    const { deps, requests } = services();
    const lookup = createPublicationLookup(deps);
    await Promise.all([pointer, dann].map((p) => lookup.check(p)));
    const times = requests.filter((r) => r.url.includes('dblp.org')).map((r) => r.at);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
  });

  it('never takes a same-titled paper by other people, nor the CoRR copy, when DBLP is asked by title', async () => {
    // Semantic Scholar unreachable: DBLP is asked, and its first exact-title hit is someone else's.
    const { deps, hosts } = services((url) => (url.hostname === 'api.semanticscholar.org' ? new TypeError('offline') : undefined));
    const found = await createPublicationLookup(deps).check(thesis);
    expect(hosts()).toContain('dblp.org');
    expect(found).toEqual({ ok: true, partial: "Semantic Scholar can't be reached: check your connection." });
  });

  it('retries after Semantic Scholar’s 429, then reads the answer', async () => {
    let asked = 0;
    const { deps, requests } = services((url) => (url.hostname === 'api.semanticscholar.org' && ++asked === 1 ? new Response(readFixture('venues', 's2-429.json'), { status: 429 }) : undefined));
    const found = await createPublicationLookup(deps).check(pointer);
    expect(found).toMatchObject({ ok: true, venue: { short: 'NIPS', year: 2015 } });
    const s2 = requests.filter((r) => r.url.includes('semanticscholar'));
    expect(s2).toHaveLength(2);
    expect(s2[1]!.at - s2[0]!.at).toBeGreaterThanOrEqual(1100);
  });

  it('keeps a long Retry-After: no request to that service before it, the lookups failing at once to be tried later', async () => {
    const { deps, requests } = services((url) => (url.hostname === 'api.semanticscholar.org' ? new Response('{}', { status: 429, headers: { 'Retry-After': '3600' } }) : undefined));
    const lookup = createPublicationLookup(deps);
    expect(await lookup.check(review)).toMatchObject({ ok: true, partial: expect.stringMatching(/Semantic Scholar is busy \(HTTP 429\)/) });
    const asked = requests.filter((r) => r.url.includes('semanticscholar')).length;
    expect(await lookup.check(review)).toMatchObject({ ok: true, partial: expect.stringMatching(/Semantic Scholar is busy \(it asked Paperdex to wait\)/) });
    expect(requests.filter((r) => r.url.includes('semanticscholar'))).toHaveLength(asked);
  });

  it('asks nothing once lookups are turned off, even in the middle of a pass', async () => {
    let on = true;
    const { deps, requests } = services();
    const lookup = createPublicationLookup({ ...deps, allowed: async () => on });
    on = false;
    expect(await lookup.check(pointer)).toMatchObject({ ok: false, retry: false });
    expect(requests).toEqual([]);
  });

  it('fails, to be retried, when offline', async () => {
    const { deps } = services(() => new TypeError('offline'));
    expect(await createPublicationLookup(deps).check(pointer)).toEqual({ ok: false, retry: true, message: "Semantic Scholar can't be reached: check your connection." });
  });

  it('says what it could not read instead of guessing', async () => {
    const { deps } = services((url) => (url.hostname === 'api.semanticscholar.org' ? json({ unexpected: true }) : url.hostname === 'dblp.org' ? new Response('<html>maintenance</html>') : undefined));
    expect(await createPublicationLookup(deps).check(pointer)).toEqual({ ok: false, retry: true, message: 'Semantic Scholar sent an answer Paperdex cannot read.' });
  });

  it('reads the code repository and project page from Hugging Face', async () => {
    const { deps } = services();
    const lighthouse = paper('2605.06554', 'Long Context Pre-Training with Lighthouse Attention', ['Bowen Peng', 'Subho Ghosh', 'Jeffrey Quesnelle'], '2026-05-07');
    expect(await createPublicationLookup(deps).check(lighthouse)).toEqual({
      ok: true,
      code: { repo: 'https://github.com/ighoshsubho/lighthouse-attention', projectPage: 'https://nousresearch.com/lighthouse-attention' },
    });
  });
});
