import type { SeenPaper } from '@/utils/paper/schema';
import { arxivApiUrl, parseArxivFeed } from '@/utils/sites/arxiv-api';
import { hfApiUrl, hfPaper } from '@/utils/sites/huggingface';
import { createBatcher, createRateGate, gatedFetch, type GateDeps, type LookupFailure } from './rate-limited';

export type { LookupFailureReason } from './rate-limited';
export type LookupResult = { ok: true; paper: SeenPaper } | LookupFailure;

export interface LookupDeps extends GateDeps {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /**
   * Called every 20 s while lookups wait: an MV3 service worker idle for 30 s is stopped, and
   * any extension API call counts as activity.
   */
  keepAlive?: () => void;
}

export const defaultLookupDeps: LookupDeps = {
  fetch: (url, init) => fetch(url, { credentials: 'omit', ...init, headers: { Accept: 'application/atom+xml, application/json', ...init?.headers } }),
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface ArxivLookupOptions {
  /** arXiv asks API clients for at most one request every 3 seconds. */
  intervalMs: number;
  /** Ids per request: arXiv answers a comma-separated id_list in one feed. */
  batchSize: number;
  /** Further tries after HTTP 429 or 503, each waiting longer (or as long as Retry-After says). */
  retries: number;
}

const ARXIV_DEFAULTS: ArxivLookupOptions = { intervalMs: 3000, batchSize: 20, retries: 3 };

/**
 * Fetches papers' metadata from the arXiv API: lookups made close together share one request,
 * requests are at least `intervalMs` apart, and a 429 or 503 is retried with backoff. Every
 * lookup resolves (never rejects) with the paper or a reason a user can read.
 */
export function createArxivLookup(deps: LookupDeps = defaultLookupDeps, options: Partial<ArxivLookupOptions> = {}) {
  const { intervalMs, batchSize, retries } = { ...ARXIV_DEFAULTS, ...options };
  const gate = createRateGate(deps, intervalMs);

  async function request(ids: string[]): Promise<Map<string, LookupResult>> {
    const all = (result: LookupResult) => new Map(ids.map((id) => [id, result]));
    const fetched = await gatedFetch(gate, () => deps.fetch(arxivApiUrl(ids)), { service: 'arXiv', retries, now: deps.now });
    if (!fetched.ok) return all(fetched);
    const { response } = fetched;
    let body: string;
    try {
      body = await response.text();
    } catch {
      return all({ ok: false, reason: 'offline', message: 'The connection to arXiv broke off. Try again.' });
    }
    if (!response.ok && response.status !== 400) {
      return all({ ok: false, reason: 'server', message: `arXiv answered with an error (HTTP ${response.status}).` });
    }
    let feed;
    try {
      feed = parseArxivFeed(body);
    } catch (error) {
      return all({ ok: false, reason: 'server', message: `${(error as Error).message}.` });
    }
    if (feed.error || response.status === 400) {
      // One id arXiv rejects fails the whole batch: ask for each on its own.
      if (ids.length > 1) return requestEach(ids);
      return all({ ok: false, reason: 'rejected', message: `arXiv rejected the request: ${feed.error ?? `HTTP ${response.status}`}.` });
    }
    const found = new Map(feed.papers.map((p) => [p.arxivId, p]));
    return new Map(
      ids.map((id): [string, LookupResult] => {
        const paper = found.get(id);
        return [id, paper ? { ok: true, paper } : { ok: false, reason: 'not-found', message: `arXiv has no paper ${id}.` }];
      }),
    );
  }

  async function requestEach(ids: string[]): Promise<Map<string, LookupResult>> {
    const results = new Map<string, LookupResult>();
    for (const id of ids) results.set(id, (await request([id])).get(id)!);
    return results;
  }

  const batcher = createBatcher(batchSize, request, deps);
  return {
    /** The latest version of one paper (id without version). */
    lookup: (arxivId: string): Promise<LookupResult> => batcher.lookup(arxivId),
  };
}

/** One paper from the Hugging Face API (new-style ids only): the fallback when arXiv fails. */
export async function lookupHuggingFace(arxivId: string, deps: LookupDeps = defaultLookupDeps): Promise<LookupResult> {
  let response: Response;
  try {
    response = await deps.fetch(hfApiUrl(arxivId));
  } catch {
    return { ok: false, reason: 'offline', message: "Hugging Face can't be reached: check your connection." };
  }
  if (response.status === 404) return { ok: false, reason: 'not-found', message: `Hugging Face has no paper ${arxivId}.` };
  if (response.status === 429) return { ok: false, reason: 'rate-limited', message: 'Hugging Face is rate-limiting requests. Try again in a minute.' };
  if (!response.ok) return { ok: false, reason: 'server', message: `Hugging Face answered with an error (HTTP ${response.status}).` };
  try {
    const paper = hfPaper(await response.json());
    if (paper?.arxivId === arxivId) return { ok: true, paper };
  } catch {
    // fall through: not the JSON we expect
  }
  return { ok: false, reason: 'server', message: 'Hugging Face sent a response Paperdex cannot read.' };
}

export type ArxivLookup = ReturnType<typeof createArxivLookup>;
