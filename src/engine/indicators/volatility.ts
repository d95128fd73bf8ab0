import { BollingerBands } from 'trading-signals';
import type { Bar } from '../bar.js';
import { closeOf, fromLibrary, fromRecurrence, highLowCloseOf, type HighLowClose } from './adapters.js';
import type { BandsOutput, BollingerParams, IndicatorStream, PeriodParams } from './types.js';

/**
 * Bollinger Bands of closes (price units): SMA(period) +/- multiplier * population standard
 * deviation, as TA-Lib with MA type SMA. Warm-up: `period - 1` bars. Via trading-signals.
 */
export function bollinger({ period, multiplier }: BollingerParams): IndicatorStream<BandsOutput> {
  return fromLibrary(new BollingerBands(period, multiplier), closeOf, ({ upper, middle, lower }) => ({
    upper,
    middle,
    lower,
  }));
}

/** True range of a bar given the previous close (TA-Lib TRANGE). */
export function trueRange({ high, low }: HighLowClose, previousClose: number): number {
  return Math.max(high - low, Math.abs(high - previousClose), Math.abs(low - previousClose));
}

interface AtrState {
  readonly count: number;
  readonly previousClose: number;
  readonly sum: number;
  readonly value: number | null;
}

/**
 * Average true range (price units), as TA-Lib: the first bar has no true range, the first value is
 * the simple average of the next `period` true ranges, then Wilder smoothing
 * `(atr * (period - 1) + tr) / period`. Warm-up: `period` bars. trading-signals' ATR counts the first
 * bar's high-low as a true range and starts one bar earlier, hence not used.
 */
export function atr({ period }: PeriodParams): IndicatorStream<number> {
  return fromRecurrence(
    { count: 0, previousClose: 0, sum: 0, value: null },
    (state: AtrState, bar: Bar) => atrStep(state, highLowCloseOf(bar), period),
    (state) => state.value,
  );
}

function atrStep(state: AtrState, bar: HighLowClose, period: number): AtrState {
  const count = state.count + 1;
  if (state.count === 0) return { count, previousClose: bar.close, sum: 0, value: null };
  const range = trueRange(bar, state.previousClose);
  if (state.value !== null) {
    const value = (state.value * (period - 1) + range) / period;
    return { count, previousClose: bar.close, sum: 0, value };
  }
  const sum = state.sum + range;
  return { count, previousClose: bar.close, sum, value: count === period + 1 ? sum / period : null };
}

/**
 * Normalized ATR: `100 * ATR / close` (percent of the close), as TA-Lib NATR; 0 when the close is
 * 0. Warm-up: `period` bars.
 */
export function natr(params: PeriodParams): IndicatorStream<number> {
  const inner = atr(params);
  const normalize = (value: number | null, bar: Bar): number | null => {
    if (value === null) return null;
    const close = closeOf(bar);
    return close === 0 ? 0 : (value / close) * 100;
  };
  return {
    update: (bar) => normalize(inner.update(bar), bar),
    replace: (bar) => normalize(inner.replace(bar), bar),
  };
}
