/**
 * The multiplexer's only way to read the time, wait and draw jitter, so that tests can run it on
 * a manual clock and a seeded random source.
 */
export interface Scheduler {
  /** Local time, UTC epoch ms. */
  nowMs(): number;
  setTimeout(run: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** A number in [0, 1) for backoff jitter. */
  random(): number;
}

export type TimerHandle = { readonly __timer: unique symbol } | object;

export const systemScheduler: Scheduler = {
  nowMs: () => Date.now(),
  setTimeout: (run, delayMs) => setTimeout(run, Math.max(0, delayMs)),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};

/** Reconnect delays: exponential from `baseMs`, capped at `capMs`, with "equal jitter". */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 30_000 };

/**
 * Delay before reconnect attempt `attempt` (1 for the first retry): half of min(cap, base·2^(n-1))
 * fixed plus up to the other half at random, so a fleet of clients that lost the same server do
 * not come back in lockstep, and no delay is ever shorter than half its nominal value.
 */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number, random: number): number {
  const nominal = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal / 2 + (nominal / 2) * random);
}
