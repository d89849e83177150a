import type { SeenPaper } from '@/utils/paper/schema';
import { arxivApiUrl, parseArxivFeed } from '@/utils/sites/arxiv-api';
import { hfApiUrl, hfPaper } from '@/utils/sites/huggingface';

export type LookupFailureReason = 'offline' | 'rate-limited' | 'not-found' | 'rejected' | 'server';
export type LookupResult = { ok: true; paper: SeenPaper } | { ok: false; reason: LookupFailureReason; message: string };

export interface LookupDeps {
  fetch: (url: string) => Promise<Response>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /**
   * Called every 20 s while lookups wait: an MV3 service worker idle for 30 s is stopped, and
   * any extension API call counts as activity.
   */
  keepAlive?: () => void;
  /**
   * arXiv's rate limit outlives the worker: the time before which no request may be made is
   * kept (storage.session) and read back by a worker that starts again.
   */
  loadNotBefore?: () => Promise<number>;
  storeNotBefore?: (time: number) => Promise<void>;
}

export const defaultLookupDeps: LookupDeps = {
  fetch: (url) => fetch(url, { credentials: 'omit', headers: { Accept: 'application/atom+xml, application/json' } }),
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const KEEP_ALIVE_MS = 20_000;

export interface ArxivLookupOptions {
  /** arXiv asks API clients for at most one request every 3 seconds. */
  intervalMs: number;
  /** Ids per request: arXiv answers a comma-separated id_list in one feed. */
  batchSize: number;
  /** Further tries after HTTP 429 or 503, each waiting longer (or as long as Retry-After says). */
  retries: number;
}

/** Nobody waits long for a button: a longer Retry-After ends the tries at once. */
const MAX_BACKOFF_MS = 20_000;

const ARXIV_DEFAULTS: ArxivLookupOptions = { intervalMs: 3000, batchSize: 20, retries: 3 };

/**
 * Fetches papers' metadata from the arXiv API: lookups made close together share one request,
 * requests are at least `intervalMs` apart, and a 429 or 503 is retried with backoff. Every
 * lookup resolves (never rejects) with the paper or a reason a user can read.
 */
export function createArxivLookup(deps: LookupDeps = defaultLookupDeps, options: Partial<ArxivLookupOptions> = {}) {
  const { intervalMs, batchSize, retries } = { ...ARXIV_DEFAULTS, ...options };
  const waiting = new Map<string, ((result: LookupResult) => void)[]>();
  /** No request before this time: the interval after the last one, or a backoff. */
  let notBefore = Number.NEGATIVE_INFINITY;
  let loaded = !deps.loadNotBefore;
  let running = false;

  async function hold(time: number): Promise<void> {
    notBefore = Math.max(notBefore, time);
    await deps.storeNotBefore?.(notBefore).catch((e: unknown) => console.warn('[paperdex:lookup] could not keep the rate limit', e));
  }

  async function spaced(): Promise<void> {
    if (!loaded) {
      loaded = true;
      notBefore = Math.max(notBefore, await deps.loadNotBefore!().catch(() => Number.NEGATIVE_INFINITY));
    }
    const wait = notBefore - deps.now();
    if (wait > 0) await deps.sleep(wait);
    await hold(deps.now() + intervalMs);
  }

  async function request(ids: string[]): Promise<Map<string, LookupResult>> {
    const all = (result: LookupResult) => new Map(ids.map((id) => [id, result]));
    for (let attempt = 0; ; attempt++) {
      await spaced();
      let response: Response;
      try {
        response = await deps.fetch(arxivApiUrl(ids));
      } catch {
        return all({ ok: false, reason: 'offline', message: "arXiv can't be reached: check your connection." });
      }
      if (response.status === 429 || response.status === 503) {
        const retryAfter = Number(response.headers.get('Retry-After'));
        const backoff = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : intervalMs * 2 ** attempt;
        if (attempt < retries && backoff <= MAX_BACKOFF_MS) {
          await hold(deps.now() + backoff);
          continue;
        }
        return all({
          ok: false,
          reason: 'rate-limited',
          message: `arXiv is busy (HTTP ${response.status}) and stayed busy after ${attempt + 1} ${attempt ? 'tries' : 'try'}. Try again in a minute.`,
        });
      }
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
  }

  async function requestEach(ids: string[]): Promise<Map<string, LookupResult>> {
    const results = new Map<string, LookupResult>();
    for (const id of ids) results.set(id, (await request([id])).get(id)!);
    return results;
  }

  async function run(): Promise<void> {
    running = true;
    const alive = deps.keepAlive ? setInterval(deps.keepAlive, KEEP_ALIVE_MS) : undefined;
    try {
      // Lookups asked for in the same moment (a burst of clicks, several links) share a request.
      await deps.sleep(0);
      while (waiting.size) {
        const ids = [...waiting.keys()].slice(0, batchSize);
        const results = await request(ids);
        for (const id of ids) {
          const resolvers = waiting.get(id) ?? [];
          waiting.delete(id);
          for (const resolve of resolvers) resolve(results.get(id)!);
        }
      }
    } finally {
      running = false;
      clearInterval(alive);
    }
  }

  return {
    /** The latest version of one paper (id without version). */
    lookup(arxivId: string): Promise<LookupResult> {
      return new Promise((resolve) => {
        const list = waiting.get(arxivId) ?? [];
        list.push(resolve);
        waiting.set(arxivId, list);
        if (!running) void run();
      });
    },
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
