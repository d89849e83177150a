import { readBibtexVenue } from '@/utils/import/bibtex';
import type { CodeLinks, Paper, Venue } from '@/utils/paper/schema';
import { mergeVenue } from '@/utils/paper/venue';
import { dblpBibUrl, dblpSearchUrl, pickDblpRecord, readDblpSearch, venueFromDblp, type DblpHit } from '@/utils/sites/dblp';
import { hfApiUrl, hfCodeLinks } from '@/utils/sites/huggingface';
import { readS2Batch, S2_BATCH, s2BatchRequest, type S2Finding } from '@/utils/sites/semantic-scholar';
import type { LookupDeps } from './metadata-lookup';
import { createBatcher, createRateGate, gatedFetch, isTransient, keptAlive, type GateDeps, type LookupFailure, type RateGate } from './rate-limited';

/**
 * Where a saved preprint was published, and its code: Semantic Scholar by arXiv id (batched),
 * then DBLP by exact title for the published record and its BibTeX (never CoRR, never a
 * same-titled paper by other people), and Hugging Face's paper API for the code repository and
 * project page. Each service gets its own spacing, kept across worker restarts.
 */

/** What the lookups found: each part only when a service said so; `partial` when one could not be asked. */
export type PublicationFinding =
  | { ok: true; venue?: Venue; code?: Omit<CodeLinks, 'source'>; partial?: string }
  | { ok: false; retry: boolean; message: string };

export interface PublicationLookupDeps extends LookupDeps {
  /** The kept rate limit of each service, by name (see GateDeps). */
  gateStore?: (service: string) => Pick<GateDeps, 'loadNotBefore' | 'storeNotBefore'>;
  /** Asked before every request: the user may turn lookups off while a pass is under way. */
  allowed?: () => Promise<boolean>;
}

/** Semantic Scholar allows about one request a second without a key; DBLP throttles bursts (429 with Retry-After). */
const SPACING = { semanticscholar: 1100, dblp: 1000, huggingface: 500 } as const;
const RETRIES = 2;

type Answer<T> = { ok: true; value: T } | LookupFailure;


export function createPublicationLookup(deps: PublicationLookupDeps) {
  const gate = (service: keyof typeof SPACING): RateGate => createRateGate({ ...deps, ...deps.gateStore?.(service) }, SPACING[service]);
  const gates = { s2: gate('semanticscholar'), dblp: gate('dblp'), hf: gate('huggingface') };

  /** A GET or POST through a gate: the response body, or why there is none. */
  async function ask(service: string, through: RateGate, url: string, init?: RequestInit): Promise<Answer<{ status: number; body: string }>> {
    if (deps.allowed && !(await deps.allowed())) return { ok: false, reason: 'rejected', message: 'Looking up venues was turned off.' };
    const fetched = await gatedFetch(through, () => deps.fetch(url, init), { service, retries: RETRIES, now: deps.now, patient: true });
    if (!fetched.ok) return fetched;
    try {
      return { ok: true, value: { status: fetched.response.status, body: await fetched.response.text() } };
    } catch {
      return { ok: false, reason: 'offline', message: `The connection to ${service} broke off.` };
    }
  }

  const serverError = (service: string, status: number): LookupFailure => ({ ok: false, reason: 'server', message: `${service} answered with an error (HTTP ${status}).` });
  const unreadable = (service: string): LookupFailure => ({ ok: false, reason: 'server', message: `${service} sent an answer Paperdex cannot read.` });

  const s2 = createBatcher<Answer<S2Finding | null>>(
    S2_BATCH,
    async (ids) => {
      const all = (answer: Answer<S2Finding | null>) => new Map(ids.map((id) => [id, answer]));
      const { url, body } = s2BatchRequest(ids);
      const got = await ask('Semantic Scholar', gates.s2, url, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
      if (!got.ok) return all(got);
      if (got.value.status !== 200) return all(serverError('Semantic Scholar', got.value.status));
      try {
        const found = readS2Batch(JSON.parse(got.value.body), ids);
        return new Map(ids.map((id) => [id, { ok: true, value: found.get(id) ?? null }]));
      } catch {
        return all(unreadable('Semantic Scholar'));
      }
    },
    deps,
  );

  /** DBLP's published record of the paper (the one Semantic Scholar names, if it names one), with its BibTeX's venue. */
  async function dblp(paper: Paper, known: string | undefined): Promise<Answer<{ venue?: Venue; partial?: string }>> {
    const got = await ask('DBLP', gates.dblp, dblpSearchUrl(paper.title));
    if (!got.ok) return got;
    if (got.value.status !== 200) return serverError('DBLP', got.value.status);
    let hits: DblpHit[];
    try {
      hits = readDblpSearch(JSON.parse(got.value.body));
    } catch {
      return unreadable('DBLP');
    }
    const named = known ? hits.find((h) => h.key === known) : undefined;
    const hit = named && pickDblpRecord(paper, [named]) ? named : pickDblpRecord(paper, hits);
    if (!hit) return { ok: true, value: {} };
    const bib = await ask('DBLP', gates.dblp, dblpBibUrl(hit.key));
    let fromBibtex: Venue | undefined;
    if (bib.ok && bib.value.status === 200) {
      try {
        fromBibtex = readBibtexVenue(bib.value.body, 'dblp');
      } catch {
        // The search hit's own details stand in for an unreadable BibTeX.
      }
    }
    // Without its BibTeX the record knows only the short name: asked again later.
    const partial = !bib.ok && isTransient(bib) ? bib.message : undefined;
    return { ok: true, value: { venue: venueFromDblp(hit, fromBibtex), ...(partial ? { partial } : {}) } };
  }

  /** Hugging Face's code links of a paper it has (new-style ids only); none when it has no page for it. */
  async function huggingFace(arxivId: string): Promise<Answer<Omit<CodeLinks, 'source'> | undefined>> {
    if (arxivId.includes('/')) return { ok: true, value: undefined };
    const got = await ask('Hugging Face', gates.hf, hfApiUrl(arxivId));
    if (!got.ok) return got;
    if (got.value.status === 404) return { ok: true, value: undefined };
    if (got.value.status !== 200) return serverError('Hugging Face', got.value.status);
    try {
      return { ok: true, value: hfCodeLinks(JSON.parse(got.value.body)) };
    } catch {
      return unreadable('Hugging Face');
    }
  }

  return {
    /**
     * Everything the services say about one paper. Semantic Scholar decides whether DBLP is
     * asked: when it names a venue or a DBLP record, or does not know the paper. A service
     * that could not be asked leaves its part out and says so (`partial`); when none could,
     * the lookup failed.
     */
    check(paper: Paper): Promise<PublicationFinding> {
      return keptAlive(deps.keepAlive, async () => {
        const [scholar, code] = await Promise.all([s2.lookup(paper.arxivId), huggingFace(paper.arxivId)]);
        const finding = scholar.ok ? scholar.value : undefined;
        const askDblp = !scholar.ok || finding === null || Boolean(finding?.venue || finding?.dblpKey);
        const published: Answer<{ venue?: Venue; partial?: string }> = askDblp ? await dblp(paper, finding?.dblpKey) : { ok: true, value: {} };
        const failures = [scholar, published, code].filter((a): a is LookupFailure => !a.ok);
        if (failures.length === 3 || (!scholar.ok && !published.ok)) {
          return { ok: false, retry: failures.some(isTransient), message: failures[0]!.message };
        }
        // DBLP's record first; what it lacks (a DOI, pages) from Semantic Scholar's answer of the same year.
        const venue = mergeVenue(finding?.venue, published.ok ? published.value.venue : undefined);
        const links = code.ok ? code.value : undefined;
        const partial = failures.find(isTransient)?.message ?? (published.ok ? published.value.partial : undefined);
        return { ok: true, ...(venue ? { venue } : {}), ...(links ? { code: links } : {}), ...(partial ? { partial } : {}) };
      });
    },
  };
}
