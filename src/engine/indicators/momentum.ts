import { CCI, MFI, MOM, ROC, RSI, StochasticOscillator, WilliamsR } from 'trading-signals';
import { candleOf, closeOf, fromLibrary, highLowCloseOf } from './adapters.js';
import type { IndicatorStream, PeriodParams, StochasticOutput, StochasticParams } from './types.js';

const same = (value: number): number => value;
/** TA-Lib outputs 0 where a ratio's denominator is 0; the library yields Infinity or NaN there. */
const finiteOrZero = (value: number): number => (Number.isFinite(value) ? value : 0);

/**
 * Relative strength index of closes (0..100), Wilder smoothing as TA-Lib. Warm-up: `period` bars.
 * Via trading-signals. Edge case: with no gains and no losses the library gives 100, TA-Lib 0.
 */
export function rsi({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new RSI(period), closeOf, same);
}

/**
 * Slow stochastic (0..100): `k` is the SMA(kSmoothing) of the fast %K over `kPeriod` bars, `d` the
 * SMA(dPeriod) of `k`, as TA-Lib STOCH with SMA smoothing. A flat window gives fast %K 0 (as TA-Lib).
 * Warm-up: `kPeriod + kSmoothing + dPeriod - 3` bars. Via trading-signals (its extra `J` is dropped).
 */
export function stochastic({ kPeriod, kSmoothing, dPeriod }: StochasticParams): IndicatorStream<StochasticOutput> {
  const indicator = new StochasticOscillator({ kPeriod, kSlowingPeriod: kSmoothing, dPeriod });
  return fromLibrary(indicator, highLowCloseOf, ({ stochK, stochD }) => ({ k: stochK, d: stochD }));
}

/**
 * Commodity channel index (unbounded, typically -300..300) of the typical price, as TA-Lib; 0 when
 * the mean deviation is 0 (as TA-Lib). Warm-up: `period - 1` bars. Via trading-signals.
 */
export function cci({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new CCI(period), highLowCloseOf, finiteOrZero);
}

/**
 * Williams %R (-100..0), as TA-Lib. Warm-up: `period - 1` bars. Via trading-signals. Edge case: over
 * a flat window (high = low) the library gives -100, TA-Lib 0.
 */
export function williamsR({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new WilliamsR(period), highLowCloseOf, same);
}

/**
 * Money flow index (0..100) from typical price and volume, as TA-Lib. Warm-up: `period` bars. Via
 * trading-signals. Edge case: with no money flow at all the library gives 50, TA-Lib 0.
 */
export function mfi({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new MFI(period), candleOf, same);
}

/**
 * Rate of change of closes in percent, `100 * (close / close[period ago] - 1)` as TA-Lib ROC (the
 * library returns a fraction, scaled here); 0 when the old close is 0. Warm-up: `period` bars.
 */
export function roc({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new ROC(period), closeOf, (fraction) => finiteOrZero(fraction * 100));
}

/** Momentum `close - close[period ago]` (price units), as TA-Lib MOM. Warm-up: `period` bars. Via trading-signals. */
export function momentum({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new MOM(period), closeOf, same);
}
