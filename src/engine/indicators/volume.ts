import { CMF } from 'trading-signals';
import type { Bar } from '../bar.js';
import { candleOf, fromLibrary, fromRecurrence } from './adapters.js';
import type { IndicatorStream, PeriodParams } from './types.js';

interface ObvState {
  readonly previousClose: number | null;
  readonly value: number;
}

/**
 * On-balance volume (volume units), as TA-Lib: the first bar's value is its own volume, then each bar
 * adds its volume on a higher close, subtracts it on a lower close and keeps the total on an equal
 * close. No warm-up. trading-signals' OBV starts at 0 one bar later, hence not used.
 */
export function obv(): IndicatorStream<number> {
  const step = (state: ObvState, bar: Bar): ObvState => {
    const close = bar.close.toNumber();
    const volume = bar.volume.toNumber();
    if (state.previousClose === null) return { previousClose: close, value: volume };
    const sign = close > state.previousClose ? 1 : close < state.previousClose ? -1 : 0;
    return { previousClose: close, value: state.value + sign * volume };
  };
  return fromRecurrence<ObvState, number>({ previousClose: null, value: 0 }, step, (state) =>
    state.previousClose === null ? null : state.value,
  );
}

/**
 * Chaikin money flow (-1..1): sum of money-flow volume over sum of volume for the last `period`
 * bars; a bar with high = low contributes 0, and no volume gives 0. Warm-up: `period - 1` bars.
 * Via trading-signals. Not in TA-Lib.
 */
export function cmf({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new CMF(period), candleOf, (value) => value);
}
