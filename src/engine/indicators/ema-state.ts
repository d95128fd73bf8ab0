/**
 * TA-Lib's exponential moving average as a pure step: the first value is the simple average of the
 * first `period` inputs (so the warm-up is `period - 1` inputs), then `value += (x - value) * k`
 * with `k = 2 / (period + 1)`. trading-signals' EMA seeds with the first input instead, which
 * differs from TA-Lib by up to 0.7% for the first ~150 bars, hence this implementation.
 */
export interface EmaState {
  readonly count: number;
  readonly sum: number;
  readonly value: number | null;
}

export const EMA_START: EmaState = { count: 0, sum: 0, value: null };

/** Feeds one input to a TA-Lib EMA state of the given period; returns the new state. */
export function emaStep(state: EmaState, input: number, period: number): EmaState {
  const count = state.count + 1;
  if (state.value !== null) {
    const k = 2 / (period + 1);
    return { count, sum: 0, value: (input - state.value) * k + state.value };
  }
  const sum = state.sum + input;
  return { count, sum, value: count === period ? sum / period : null };
}
