import { describe, expect, it } from 'vitest';
import { createArxivLookup, lookupHuggingFace, type LookupDeps } from '@/entrypoints/background/metadata-lookup';
import { readFixture } from './fixtures';

type Answer = Response | Error;

/** A clock that moves only when the code under test sleeps, and a server that records when it was asked. */
function fakeNetwork(answer: (url: string, n: number) => Answer) {
  let now = 1_000_000;
  const requests: { url: string; at: number }[] = [];
  const deps: LookupDeps = {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    fetch: async (url) => {
      requests.push({ url, at: now });
      const a = answer(url, requests.length);
      if (a instanceof Error) throw a;
      return a;
    },
  };
  return { deps, requests };
}

const xml = (name: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(readFixture('arxiv-api', `${name}.xml`), { status, headers: { 'Content-Type': 'application/atom+xml', ...headers } });
const idsOf = (url: string) => new URL(url).searchParams.get('id_list')?.split(',');

describe('arXiv API lookups', () => {
  it('asks once for lookups made in the same moment', async () => {
    const { deps, requests } = fakeNetwork(() => xml('api-search-transformer-cs.LG'));
    const lookup = createArxivLookup(deps);
    const results = await Promise.all(['2606.13677', '2606.13591'].map((id) => lookup.lookup(id)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(requests.map((r) => idsOf(r.url))).toEqual([['2606.13677', '2606.13591']]);
  });

  it('asks for each id on its own when arXiv rejects a batch', async () => {
    const { deps, requests } = fakeNetwork((url) => (idsOf(url)!.length > 1 ? xml('api-id-abc-error-400', 400) : idsOf(url)![0] === '1605.08386' ? xml('api-id-1605.08386') : xml('api-id-abc-error-400', 400)));
    const lookup = createArxivLookup(deps);
    const [good, bad] = await Promise.all([lookup.lookup('1605.08386'), lookup.lookup('0000.00000')]);
    expect(good.ok).toBe(true);
    expect(bad).toMatchObject({ ok: false, reason: 'rejected' });
    expect(requests.map((r) => idsOf(r.url))).toEqual([['1605.08386', '0000.00000'], ['1605.08386'], ['0000.00000']]);
  });

  it('finds a paper by id', async () => {
    const { deps } = fakeNetwork(() => xml('api-id-1605.08386'));
    const result = await createArxivLookup(deps).lookup('1605.08386');
    expect(result).toMatchObject({ ok: true, paper: { arxivId: '1605.08386', title: 'Heat-bath random walks with Markov bases' } });
  });

  it('asks once for lookups made together and keeps requests 3 s apart', async () => {
    const { deps, requests } = fakeNetwork(() => xml('api-search-transformer-cs.LG'));
    const lookup = createArxivLookup(deps);
    const first = lookup.lookup('2606.13677');
    // Asked for while the first request is out: they wait for the interval and go together.
    await Promise.resolve();
    await Promise.resolve();
    const rest = ['2606.13591', '2606.13568', '2606.13515'].map((id) => lookup.lookup(id));
    const results = await Promise.all([first, ...rest]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(requests.map((r) => idsOf(r.url))).toEqual([['2606.13677'], ['2606.13591', '2606.13568', '2606.13515']]);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(3000);
    // A later lookup waits for the interval too.
    await lookup.lookup('2606.13501');
    expect(requests[2]!.at - requests[1]!.at).toBeGreaterThanOrEqual(3000);
  });

  it('retries after HTTP 429, waiting as long as Retry-After says, then succeeds', async () => {
    const { deps, requests } = fakeNetwork((_, n) => (n === 1 ? new Response('Rate exceeded.', { status: 429, headers: { 'Retry-After': '10' } }) : xml('api-id-1605.08386')));
    const result = await createArxivLookup(deps).lookup('1605.08386');
    expect(result.ok).toBe(true);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.at - requests[0]!.at).toBe(10_000);
  });

  it('backs off on 503 and gives up after the retries with a message', async () => {
    const { deps, requests } = fakeNetwork(() => new Response('busy', { status: 503 }));
    const result = await createArxivLookup(deps, { retries: 3 }).lookup('1605.08386');
    expect(result).toEqual({ ok: false, reason: 'rate-limited', message: expect.stringMatching(/busy \(HTTP 503\).*4 tries/) });
    expect(requests).toHaveLength(4);
    const gaps = requests.slice(1).map((r, i) => r.at - requests[i]!.at);
    expect(gaps).toEqual([3000, 6000, 12000]);
  });

  it('reports being offline', async () => {
    const { deps } = fakeNetwork(() => new TypeError('Failed to fetch'));
    expect(await createArxivLookup(deps).lookup('1605.08386')).toMatchObject({ ok: false, reason: 'offline', message: expect.stringMatching(/can't be reached/) });
  });

  it('reports an unknown id and a rejected one (HTTP 400 with an error entry)', async () => {
    const empty = fakeNetwork(() => xml('api-id-0000.0000-empty'));
    expect(await createArxivLookup(empty.deps).lookup('0000.0000')).toMatchObject({ ok: false, reason: 'not-found', message: 'arXiv has no paper 0000.0000.' });
    const bad = fakeNetwork(() => xml('api-id-abc-error-400', 400));
    expect(await createArxivLookup(bad.deps).lookup('abc')).toMatchObject({ ok: false, reason: 'rejected', message: expect.stringMatching(/incorrect id format for abc/) });
  });

  it('reports a response that is not a feed (an HTML error page) without throwing', async () => {
    const { deps } = fakeNetwork(() => new Response('<html><body>Oops</body></html>', { status: 200 }));
    expect(await createArxivLookup(deps).lookup('1605.08386')).toMatchObject({ ok: false, reason: 'server' });
  });

  it('keeps working after a failed batch', async () => {
    const { deps } = fakeNetwork((_, n) => (n === 1 ? new TypeError('offline') : xml('api-id-1605.08386')));
    const lookup = createArxivLookup(deps);
    expect((await lookup.lookup('1605.08386')).ok).toBe(false);
    expect((await lookup.lookup('1605.08386')).ok).toBe(true);
  });
});

describe('Hugging Face API lookups', () => {
  const json = () => new Response(readFixture('huggingface-api', 'api-papers-2605.06554.json'), { headers: { 'Content-Type': 'application/json' } });

  it('reads the paper object', async () => {
    const { deps, requests } = fakeNetwork(json);
    expect(await lookupHuggingFace('2605.06554', deps)).toEqual({
      ok: true,
      paper: {
        arxivId: '2605.06554',
        title: 'Long Context Pre-Training with Lighthouse Attention',
        authors: ['Bowen Peng', 'Subho Ghosh', 'Jeffrey Quesnelle'],
        abstract: expect.stringMatching(/^Training causal transformers at extreme sequence lengths/),
        published: '2026-05-07',
      },
    });
    expect(requests[0]?.url).toBe('https://huggingface.co/api/papers/2605.06554');
  });

  it('reports missing papers, rate limits, odd answers and being offline', async () => {
    expect(await lookupHuggingFace('2605.06554', fakeNetwork(() => new Response('{}', { status: 404 })).deps)).toMatchObject({ reason: 'not-found' });
    expect(await lookupHuggingFace('2605.06554', fakeNetwork(() => new Response('', { status: 429 })).deps)).toMatchObject({ reason: 'rate-limited' });
    expect(await lookupHuggingFace('2605.06554', fakeNetwork(() => new Response('<html>', { status: 200 })).deps)).toMatchObject({ reason: 'server' });
    expect(await lookupHuggingFace('2605.06554', fakeNetwork(() => new TypeError('offline')).deps)).toMatchObject({ reason: 'offline' });
    // An answer about another paper is not this paper.
    expect(await lookupHuggingFace('2605.00001', fakeNetwork(json).deps)).toMatchObject({ ok: false, reason: 'server' });
  });
});

describe('arXiv API lookups asked to wait long', () => {
  it('give up at once when Retry-After asks for more than a minute', async () => {
    const { deps, requests } = fakeNetwork(() => new Response('', { status: 429, headers: { 'Retry-After': '3600' } }));
    expect(await createArxivLookup(deps).lookup('1605.08386')).toMatchObject({ ok: false, reason: 'rate-limited', message: expect.stringMatching(/1 try/) });
    expect(requests).toHaveLength(1);
  });
});
