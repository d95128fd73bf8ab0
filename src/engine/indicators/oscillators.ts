import type { Bar } from '../bar.js';
import { closeOf, feed, fromRecurrence, fromStep, highLowCloseOf } from './adapters.js';
import { EMA_START, emaStep, type EmaState } from './ema-state.js';
import { rsi } from './momentum.js';
import type {
  IndicatorStream,
  PeriodParams,
  StochasticOutput,
  StochRsiParams,
  UltimateOscillatorParams,
} from './types.js';
import { isNearZero, RollingWindow } from './window.js';

interface TrixState {
  readonly levels: readonly [EmaState, EmaState, EmaState];
  readonly previous: number | null;
  readonly value: number | null;
}

/**
 * TRIX (percent): the one-bar rate of change `100 * (E3 - E3[1]) / E3[1]` of a triple-smoothed
 * EMA of closes (each level a TA-Lib-seeded EMA of the level below), as TA-Lib TRIX; 0 when the
 * previous E3 is 0. Warm-up: `3 * (period - 1) + 1` bars. trading-signals' TRIX seeds its EMAs
 * with the first price (up to 40% off TA-Lib early on), hence not used.
 */
export function trix({ period }: PeriodParams): IndicatorStream<number> {
  const start: TrixState = { levels: [EMA_START, EMA_START, EMA_START], previous: null, value: null };
  const step = (state: TrixState, bar: Bar): TrixState => {
    const first = emaStep(state.levels[0], closeOf(bar), period);
    const second = first.value === null ? state.levels[1] : emaStep(state.levels[1], first.value, period);
    const third = second.value === null ? state.levels[2] : emaStep(state.levels[2], second.value, period);
    const top = third.value;
    const { previous } = state;
    const value = top === null || previous === null ? null : previous === 0 ? 0 : (100 * (top - previous)) / previous;
    return { levels: [first, second, third], previous: top, value };
  };
  return fromRecurrence(start, step, (state) => state.value);
}

/**
 * Ultimate oscillator (0..100), as TA-Lib ULTOSC: per bar, buying pressure `close - min(low,
 * previous close)` and true range; for each period the sum of pressure over the sum of range (a
 * term is 0 when its range sum is 0); `100 * (4 * short + 2 * medium + long) / 7`. The weights go
 * to the shortest, middle and longest period whatever the order given (TA-Lib sorts them).
 * Warm-up: the longest period in bars (the first bar has no previous close). O(1) per bar.
 * trading-signals' ULTOSC gives 50 when the short window has no range (TA-Lib drops that term)
 * and rescans its windows, hence not used.
 */
export function ultimateOscillator({ fast, medium, slow }: UltimateOscillatorParams): IndicatorStream<number> {
  const periods = [fast, medium, slow].sort((a, b) => a - b);
  const pressure = periods.map((period) => new RollingWindow(period));
  const range = periods.map((period) => new RollingWindow(period));
  const longest = pressure[2] as RollingWindow;
  const weights = [4, 2, 1];
  let previousClose: number | null = null; // close of the bar before the latest
  let latestClose: number | null = null;
  return fromStep((bar, replace) => {
    if (!replace) previousClose = latestClose;
    const { high, low, close } = highLowCloseOf(bar);
    latestClose = close;
    if (previousClose === null) return null;
    const trueLow = Math.min(low, previousClose);
    const trueHigh = Math.max(high, previousClose);
    pressure.forEach((window) => window.push(close - trueLow, replace));
    range.forEach((window) => window.push(trueHigh - trueLow, replace));
    if (!longest.full) return null;
    let total = 0;
    periods.forEach((_, i) => {
      const rangeSum = (range[i] as RollingWindow).sum;
      if (!isNearZero(rangeSum)) total += (weights[i] as number) * ((pressure[i] as RollingWindow).sum / rangeSum);
    });
    return (100 * total) / 7;
  });
}

/**
 * Stochastic RSI (0..100), as TA-Lib STOCHRSI with SMA smoothing: `k = 100 * (RSI - lowest RSI) /
 * (highest RSI - lowest RSI)` over the last `kPeriod` RSI(period) values (0 when they are all
 * equal), `d = SMA(dPeriod)` of `k`. `k` is unsmoothed, as TA-Lib's fast %K; for the smoothed
 * variant of some charting tools take `d`. RSI as `rsi` (trading-signals, Wilder). Warm-up:
 * `period + kPeriod + dPeriod - 2` bars.
 */
export function stochRsi({ period, kPeriod, dPeriod }: StochRsiParams): IndicatorStream<StochasticOutput> {
  const strength = rsi({ period });
  const recent = new RollingWindow(kPeriod);
  const fastK = new RollingWindow(dPeriod);
  return fromStep((bar, replace) => {
    const value = feed(strength, bar, replace);
    if (value === null) return null;
    recent.push(value, replace);
    if (!recent.full) return null;
    const lowest = recent.min().value;
    const spread = recent.max().value - lowest;
    fastK.push(spread === 0 ? 0 : (100 * (value - lowest)) / spread, replace);
    if (!fastK.full) return null;
    return { k: fastK.at(0) as number, d: fastK.sum / dPeriod };
  });
}
