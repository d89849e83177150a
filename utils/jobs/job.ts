/**
 * What the background owes the user, written down in IndexedDB (table `jobs`) before it is
 * attempted, so that an MV3 service worker stopped at any moment forgets nothing: completing a
 * paper from arXiv (or Hugging Face), the backup after a bulk change. Jobs are idempotent and
 * keyed by what they are about, so asking twice makes one job.
 */
export type JobKind = 'complete' | 'backup' | 'publication';

export interface Job {
  /**
   * One job per paper and kind (`complete:arxiv:2401.12345`, `publication:arxiv:2401.12345`),
   * one backup job (`backup`).
   */
  id: string;
  kind: JobKind;
  /** The paper a `complete` or `publication` job is about. */
  paperId?: string;
  /** Epoch ms before which it is not tried (a backoff, a delay, a rate limit). */
  notBefore: number;
  /** Attempts so far. */
  attempts: number;
  createdAt: number;
  /** Why the last attempt failed. */
  lastError?: string;
  /** Given up on after too many attempts, or for a reason retrying cannot change; kept to say why. */
  failed?: true;
}

/** The backup a few seconds after a bulk change: changes close together make one backup. */
export const BACKUP_DELAY_MS = 5_000;

export function completeJob(paperId: string, now: number, delay = 0): Job {
  return { id: `complete:${paperId}`, kind: 'complete', paperId, notBefore: now + delay, attempts: 0, createdAt: now };
}

/**
 * Looking up where a paper was published and its code (only while the user has that turned on).
 * A save's waits a little, so that arXiv's completion (authors, for matching titles) comes first.
 */
export function publicationJob(paperId: string, now: number, delay = 0): Job {
  return { id: `publication:${paperId}`, kind: 'publication', paperId, notBefore: now + delay, attempts: 0, createdAt: now };
}

/** A paper not known to be published is looked up again a week later, no sooner. */
export const RECHECK_MS = 7 * 24 * 60 * 60 * 1000;

export function backupJob(now: number): Job {
  return { id: 'backup', kind: 'backup', notBefore: now + BACKUP_DELAY_MS, attempts: 0, createdAt: now };
}

/** Waits after the n-th failed attempt: half a minute, then longer, up to a day. */
const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000, 24 * 60 * 60_000];
/** Attempts before a job that keeps failing is given up on (about two days of retrying). */
export const MAX_ATTEMPTS = 8;

export function retryDelay(attempts: number): number {
  return BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0]!;
}

/**
 * The same job asked for again: one job, the earlier time; a job given up on is tried afresh
 * (the user saved the paper again, or asked to retry).
 */
export function mergeJob(existing: Job | undefined, job: Job): Job {
  if (!existing || existing.failed) return job;
  return { ...existing, notBefore: Math.min(existing.notBefore, job.notBefore) };
}
