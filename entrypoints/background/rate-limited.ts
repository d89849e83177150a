/**
 * Asking a web service politely, whatever the service: requests spaced as it asks (the spacing
 * kept across service-worker restarts), HTTP 429 and 503 retried with backoff or as long as
 * Retry-After says, lookups made in the same moment sent as one batch, and the worker kept
 * alive while they wait. arXiv, Semantic Scholar, DBLP and Hugging Face lookups all go through
 * these.
 */

export type LookupFailureReason = 'offline' | 'rate-limited' | 'not-found' | 'rejected' | 'server';
export type LookupFailure = { ok: false; reason: LookupFailureReason; message: string };

/** Failures a later attempt can overcome: the connection, the service's load or its errors. */
export function isTransient(result: { ok: boolean; reason?: LookupFailureReason }): boolean {
  return !result.ok && (result.reason === 'offline' || result.reason === 'rate-limited' || result.reason === 'server');
}

export interface GateDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /**
   * A service's rate limit outlives the worker: the time before which no request may be made is
   * kept (storage.session) and read back by a worker that starts again.
   */
  loadNotBefore?: () => Promise<number>;
  storeNotBefore?: (time: number) => Promise<void>;
}

/** Requests to one service, at least `intervalMs` apart, and held back further after a 429. */
export function createRateGate(deps: GateDeps, intervalMs: number) {
  /** No request before this time: the interval after the last one, or a backoff. */
  let notBefore = Number.NEGATIVE_INFINITY;
  let loaded = !deps.loadNotBefore;

  async function hold(time: number): Promise<void> {
    notBefore = Math.max(notBefore, time);
    await deps.storeNotBefore?.(notBefore).catch((e: unknown) => console.warn('[paperdex:lookup] could not keep the rate limit', e));
  }

  /** The kept time, read back once by a worker that starts again. */
  async function load(): Promise<void> {
    if (loaded) return;
    loaded = true;
    notBefore = Math.max(notBefore, await deps.loadNotBefore!().catch(() => Number.NEGATIVE_INFINITY));
  }

  async function take(): Promise<void> {
    await load();
    const wait = notBefore - deps.now();
    if (wait > 0) await deps.sleep(wait);
    await hold(deps.now() + intervalMs);
  }

  /** Requests waiting for their turn, one after the other: two asked together never go together. */
  let queue: Promise<void> = Promise.resolve();

  return {
    intervalMs,
    hold,
    /** Waits for this request's turn and takes it. */
    turn(): Promise<void> {
      const mine = queue.then(take);
      queue = mine.catch(() => undefined);
      return mine;
    },
    /** How long the next request would wait now (0 when it may go at once). */
    async wait(): Promise<number> {
      await load();
      return Math.max(0, notBefore - deps.now());
    },
  };
}

export type RateGate = ReturnType<typeof createRateGate>;

/** Nobody waits long for a button: a longer Retry-After ends the tries at once. */
const MAX_BACKOFF_MS = 20_000;

/**
 * One request through a gate: its response (whatever its status but 429 and 503), or why there
 * is none, in words a user can read. 429 and 503 are tried again `retries` times, each waiting
 * longer (or as long as Retry-After says, if that is short enough).
 */
export async function gatedFetch(
  gate: RateGate,
  request: () => Promise<Response>,
  {
    service,
    retries,
    now,
    patient,
  }: {
    service: string;
    retries: number;
    now: () => number;
    /**
     * For work nobody waits on (background lookups): a Retry-After too long to wait out now is
     * still kept (no request to the service before it), and a request whose turn is further
     * away than that fails at once as rate-limited, to be tried again later.
     */
    patient?: boolean;
  },
): Promise<{ ok: true; response: Response } | LookupFailure> {
  const busy = (status: number | string, tries: number): LookupFailure => ({
    ok: false,
    reason: 'rate-limited',
    message: `${service} is busy (${typeof status === 'number' ? `HTTP ${status}` : status}) and stayed busy after ${tries} ${tries === 1 ? 'try' : 'tries'}. Try again in a minute.`,
  });
  for (let attempt = 0; ; attempt++) {
    if (patient && (await gate.wait()) > MAX_BACKOFF_MS) return busy('it asked Paperdex to wait', attempt);
    await gate.turn();
    let response: Response;
    try {
      response = await request();
    } catch {
      return { ok: false, reason: 'offline', message: `${service} can't be reached: check your connection.` };
    }
    if (response.status !== 429 && response.status !== 503) return { ok: true, response };
    const retryAfter = Number(response.headers.get('Retry-After'));
    const backoff = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : gate.intervalMs * 2 ** attempt;
    if (attempt < retries && backoff <= MAX_BACKOFF_MS) {
      await gate.hold(now() + backoff);
      continue;
    }
    if (patient) await gate.hold(now() + backoff);
    return busy(response.status, attempt + 1);
  }
}

const KEEP_ALIVE_MS = 20_000;

/**
 * Runs `work` while calling `keepAlive` every 20 s: an MV3 service worker idle for 30 s is
 * stopped, and any extension API call counts as activity.
 */
export async function keptAlive<T>(keepAlive: (() => void) | undefined, work: () => Promise<T>): Promise<T> {
  const alive = keepAlive ? setInterval(keepAlive, KEEP_ALIVE_MS) : undefined;
  try {
    return await work();
  } finally {
    clearInterval(alive);
  }
}

/**
 * Lookups by id made close together (a burst of clicks, a pass of the job queue) sent as one
 * request of up to `batchSize` ids. Every lookup resolves with what `requestBatch` said of its
 * id; `requestBatch` must answer every id it is given.
 */
export function createBatcher<T>(
  batchSize: number,
  requestBatch: (ids: string[]) => Promise<Map<string, T>>,
  deps: { sleep: (ms: number) => Promise<void>; keepAlive?: () => void },
) {
  const waiting = new Map<string, ((result: T) => void)[]>();
  let running = false;

  async function run(): Promise<void> {
    running = true;
    try {
      await keptAlive(deps.keepAlive, async () => {
        // Lookups asked for in the same moment share a request.
        await deps.sleep(0);
        while (waiting.size) {
          const ids = [...waiting.keys()].slice(0, batchSize);
          const results = await requestBatch(ids);
          for (const id of ids) {
            const resolvers = waiting.get(id) ?? [];
            waiting.delete(id);
            for (const resolve of resolvers) resolve(results.get(id)!);
          }
        }
      });
    } finally {
      running = false;
      // Asked for while the last batch was being answered.
      if (waiting.size) void run();
    }
  }

  return {
    lookup(id: string): Promise<T> {
      return new Promise((resolve) => {
        const list = waiting.get(id) ?? [];
        list.push(resolve);
        waiting.set(id, list);
        if (!running) void run();
      });
    },
  };
}
