import { formatDuration } from '../duration.js';
import { AppError, EXIT, ProviderError } from '../errors.js';

/** How old what a command prints is, and whether it is a fallback for a failed refresh. */
export interface Freshness {
  /** True when the providers failed and the last good value was served instead. */
  readonly stale: boolean;
  /** Milliseconds since the value was fetched (0 when fetched just now). */
  readonly ageMs: number;
  /** Why a stale value was served: the refresh's error. */
  readonly reason?: ProviderError;
}

/** What the cache of one kind allows. */
export interface CachePolicy {
  /** How long a cached value is served without asking a provider. */
  readonly ttlMs: number;
  /** `--max-age`: nothing older is served, fresh or stale; undefined when not given. */
  readonly maxAgeMs?: number;
}

export const FETCHED_NOW: Freshness = { stale: false, ageMs: 0 };

/** The age up to which a cached value is used without asking (the TTL, tightened by --max-age). */
export function freshWithinMs(policy: CachePolicy): number {
  return Math.min(policy.ttlMs, policy.maxAgeMs ?? Number.POSITIVE_INFINITY);
}

/**
 * Failures that a last good value may stand in for: the providers could not be reached or would
 * not answer now (network down, timeouts, 5xx, 429, budgets spent, circuits open). An unknown
 * symbol or a refused key is an answer, and is never papered over with old data.
 */
export function mayServeStale(error: unknown): error is ProviderError {
  return error instanceof ProviderError && error.retryable;
}

/** Data older than --max-age, after the refresh failed: exit 1, naming what and how old. */
export class StaleDataError extends AppError {
  constructor(subject: string, ageMs: number, maxAgeMs: number, cause: ProviderError) {
    super(
      'stale-data',
      `${subject}: the last good data is ${formatAge(ageMs)} old, older than --max-age ${formatDuration(maxAgeMs)}, and refreshing it failed (${cause.message})`,
      EXIT.failure,
      { hint: 'try again when the providers answer, or allow older data with a longer --max-age', cause },
    );
  }
}

/**
 * Serves a cached value in place of a failed refresh: stale with its age, or a StaleDataError
 * when --max-age forbids that age.
 */
export function staleFreshness(
  subject: string,
  fetchedAtMs: number,
  nowMs: number,
  policy: CachePolicy,
  reason: ProviderError,
): Freshness {
  const ageMs = Math.max(0, nowMs - fetchedAtMs);
  if (policy.maxAgeMs !== undefined && ageMs > policy.maxAgeMs) {
    throw new StaleDataError(subject, ageMs, policy.maxAgeMs, reason);
  }
  return { stale: true, ageMs, reason };
}

/** `45s`, `12m`, `3h`, `5d`: the age as a person reads it. */
export function formatAge(ageMs: number): string {
  return formatDuration(ageMs);
}

/** Whole seconds, the unit of the `ageSeconds` JSON field. */
export function ageSeconds(freshness: Freshness): number {
  return Math.floor(freshness.ageMs / 1000);
}

/** The stderr warning for a stale value: what, how old, and why it was not refreshed. */
export function staleWarning(subject: string, freshness: Freshness): string {
  const why = freshness.reason ? `: ${freshness.reason.message}` : '';
  return `${subject}: serving cached data from ${formatAge(freshness.ageMs)} ago (stale), the refresh failed${why}`;
}
