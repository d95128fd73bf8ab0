import type { Bar } from '../bar.js';
import { closeOf, fromRecurrence } from './adapters.js';
import { EMA_START, emaStep, type EmaState } from './ema-state.js';
import type { IndicatorStream, MacdOutput, MacdParams } from './types.js';

interface MacdState {
  readonly count: number;
  readonly fast: EmaState;
  readonly slow: EmaState;
  readonly signal: EmaState;
  readonly macd: number | null;
}

/**
 * MACD of closes (price units): `macd = EMA(fast) - EMA(slow)`, `signal = EMA(signal) of macd`,
 * `histogram = macd - signal`, exactly as TA-Lib computes it: the fast EMA skips the first
 * `slow - fast` bars so both EMAs seed (with a simple average) on the same bar, and all three
 * outputs appear together. Warm-up: `slow + signal - 2` bars (33 for 12/26/9). trading-signals'
 * MACD seeds its EMAs with the first price and emits from bar `slow - 1`, hence not used.
 * Requires `fast < slow` (checked by the spec validator).
 */
export function macd({ fast, slow, signal }: MacdParams): IndicatorStream<MacdOutput> {
  const start: MacdState = { count: 0, fast: EMA_START, slow: EMA_START, signal: EMA_START, macd: null };
  const step = (state: MacdState, bar: Bar): MacdState => {
    const close = closeOf(bar);
    const count = state.count + 1;
    const slowEma = emaStep(state.slow, close, slow);
    const fastEma = count > slow - fast ? emaStep(state.fast, close, fast) : state.fast;
    if (slowEma.value === null || fastEma.value === null) {
      return { count, fast: fastEma, slow: slowEma, signal: state.signal, macd: null };
    }
    const line = fastEma.value - slowEma.value;
    return { count, fast: fastEma, slow: slowEma, signal: emaStep(state.signal, line, signal), macd: line };
  };
  const output = (state: MacdState): MacdOutput | null =>
    state.macd === null || state.signal.value === null
      ? null
      : { macd: state.macd, signal: state.signal.value, histogram: state.macd - state.signal.value };
  return fromRecurrence(start, step, output);
}
