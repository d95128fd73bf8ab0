/** What a firing policy remembers about one alert between evaluations. */
export interface TriggerState {
  /** True when the next true condition may fire (the condition was false, or never seen). */
  readonly armed: boolean;
  readonly lastFiredMs: number | undefined;
  readonly firedCount: number;
  /** True once a `--once` alert has fired: it never fires again. */
  readonly exhausted: boolean;
  /** Time of the newest data evaluated; older data is ignored. */
  readonly lastObservedMs: number | undefined;
}

export interface TriggerPolicy {
  /** No second firing within this many ms of the last one (0: none). */
  readonly cooldownMs: number;
  /** Fire at most once, then stay exhausted. */
  readonly once: boolean;
}

export type TriggerReason = 'fired' | 'false' | 'unknown' | 'already-true' | 'cooldown' | 'exhausted' | 'stale';

export interface TriggerStep {
  readonly fired: boolean;
  readonly reason: TriggerReason;
  readonly state: TriggerState;
}

export const INITIAL_TRIGGER_STATE: TriggerState = {
  armed: true,
  lastFiredMs: undefined,
  firedCount: 0,
  exhausted: false,
  lastObservedMs: undefined,
};

/**
 * One evaluation of an alert: edge-triggered firing with re-arming, cooldown and once-only.
 *
 * - exhausted (a `--once` alert that fired): never fires, state unchanged.
 * - data older than the last evaluated (`observedMs` before `lastObservedMs`): ignored ('stale').
 * - condition unknown (null, warm-up): nothing changes.
 * - condition false: re-arms.
 * - condition true while not armed: nothing (it was already true: a level rule fires once per
 *   false-to-true change, and a `crosses` condition is true for the whole bar it crossed in).
 * - condition true while armed: disarms; fires unless within `cooldownMs` of the last firing
 *   (a change to true inside the cooldown is swallowed, not postponed).
 *
 * `nowMs` is the evaluation time, UTC epoch ms.
 */
export function stepTrigger(
  state: TriggerState,
  condition: boolean | null,
  observedMs: number | undefined,
  nowMs: number,
  policy: TriggerPolicy,
): TriggerStep {
  if (state.exhausted) return { fired: false, reason: 'exhausted', state };
  if (observedMs !== undefined && state.lastObservedMs !== undefined && observedMs < state.lastObservedMs) {
    return { fired: false, reason: 'stale', state };
  }
  const observed = { ...state, lastObservedMs: observedMs ?? state.lastObservedMs };
  if (condition === null) return { fired: false, reason: 'unknown', state: observed };
  if (!condition) return { fired: false, reason: 'false', state: { ...observed, armed: true } };
  if (!state.armed) return { fired: false, reason: 'already-true', state: observed };
  const cooling =
    policy.cooldownMs > 0 && state.lastFiredMs !== undefined && nowMs - state.lastFiredMs < policy.cooldownMs;
  if (cooling) return { fired: false, reason: 'cooldown', state: { ...observed, armed: false } };
  return {
    fired: true,
    reason: 'fired',
    state: { ...observed, armed: false, lastFiredMs: nowMs, firedCount: state.firedCount + 1, exhausted: policy.once },
  };
}
