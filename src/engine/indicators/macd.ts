import type { Bar } from '../bar.js';
import { closeOf, fromRecurrence } from './adapters.js';
import { EMA_START, emaStep, type EmaState } from './ema-state.js';
import type { IndicatorStream, MacdOutput, MacdParams, PpoOutput } from './types.js';
import { isNearZero } from './window.js';

interface SpreadState {
  readonly count: number;
  readonly fast: EmaState;
  readonly slow: EmaState;
  readonly signal: EmaState;
  readonly line: number | null;
}

interface SpreadValues {
  readonly line: number;
  readonly signal: number;
  readonly histogram: number;
}

/**
 * A line built from a fast and a slow TA-Lib EMA of closes, its signal EMA and their difference,
 * aligned as TA-Lib MACD: the fast EMA skips the first `slow - fast` bars so both EMAs seed (with a
 * simple average) on the same bar, and all three outputs appear together after
 * `slow + signal - 2` bars.
 */
function emaSpread(
  { fast, slow, signal }: MacdParams,
  lineOf: (fastValue: number, slowValue: number) => number,
): IndicatorStream<SpreadValues> {
  const start: SpreadState = { count: 0, fast: EMA_START, slow: EMA_START, signal: EMA_START, line: null };
  const step = (state: SpreadState, bar: Bar): SpreadState => {
    const close = closeOf(bar);
    const count = state.count + 1;
    const slowEma = emaStep(state.slow, close, slow);
    const fastEma = count > slow - fast ? emaStep(state.fast, close, fast) : state.fast;
    if (slowEma.value === null || fastEma.value === null) {
      return { count, fast: fastEma, slow: slowEma, signal: state.signal, line: null };
    }
    const line = lineOf(fastEma.value, slowEma.value);
    return { count, fast: fastEma, slow: slowEma, signal: emaStep(state.signal, line, signal), line };
  };
  const output = (state: SpreadState): SpreadValues | null =>
    state.line === null || state.signal.value === null
      ? null
      : { line: state.line, signal: state.signal.value, histogram: state.line - state.signal.value };
  return fromRecurrence(start, step, output);
}

function mapStream<From, To>(stream: IndicatorStream<From>, map: (value: From) => To): IndicatorStream<To> {
  const apply = (value: From | null): To | null => (value === null ? null : map(value));
  return { update: (bar) => apply(stream.update(bar)), replace: (bar) => apply(stream.replace(bar)) };
}

/**
 * MACD of closes (price units): `macd = EMA(fast) - EMA(slow)`, `signal = EMA(signal) of macd`,
 * `histogram = macd - signal`, exactly as TA-Lib computes it (see `emaSpread` for the alignment).
 * Warm-up: `slow + signal - 2` bars (33 for 12/26/9). trading-signals' MACD seeds its EMAs with
 * the first price and emits from bar `slow - 1`, hence not used. Requires `fast < slow` (checked
 * by the spec validator).
 */
export function macd(params: MacdParams): IndicatorStream<MacdOutput> {
  return mapStream(
    emaSpread(params, (fastValue, slowValue) => fastValue - slowValue),
    ({ line, signal, histogram }) => ({ macd: line, signal, histogram }),
  );
}

/**
 * Percentage price oscillator of closes (percent): `ppo = 100 * (EMA(fast) - EMA(slow)) / EMA(slow)`
 * (0 when the slow EMA is within 1e-8 of 0, TA-Lib's zero test), with a signal EMA and histogram
 * aligned exactly as MACD. The `ppo` line equals TA-Lib PPO with MA type EMA (TA-Lib's default MA type is SMA; EMA is what charting
 * tools use); TA-Lib has no PPO signal line. Warm-up: `slow + signal - 2` bars. Requires `fast < slow`.
 */
export function ppo(params: MacdParams): IndicatorStream<PpoOutput> {
  return mapStream(
    emaSpread(params, (fastValue, slowValue) =>
      isNearZero(slowValue) ? 0 : (100 * (fastValue - slowValue)) / slowValue,
    ),
    ({ line, signal, histogram }) => ({ ppo: line, signal, histogram }),
  );
}
