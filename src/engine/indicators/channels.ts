import { DonchianChannels } from 'trading-signals';
import { fromLibrary, highLowCloseOf } from './adapters.js';
import { ema } from './moving-averages.js';
import type { BandsOutput, IndicatorStream, KeltnerParams, PeriodParams } from './types.js';
import { atr } from './volatility.js';

/**
 * Donchian channels (price units): highest high and lowest low of the last `period` bars, middle
 * halfway. Warm-up: `period - 1` bars. Via trading-signals. Not in TA-Lib.
 */
export function donchian({ period }: PeriodParams): IndicatorStream<BandsOutput> {
  return fromLibrary(new DonchianChannels(period), highLowCloseOf, ({ upper, middle, lower }) => ({
    upper,
    middle,
    lower,
  }));
}

/**
 * Keltner channels (price units): middle = EMA(period) of closes, bands = middle +/- multiplier *
 * ATR(atrPeriod), both with TA-Lib seeding (trading-signals' Keltner uses its first-price-seeded
 * EMA, hence composed here). Not in TA-Lib. Warm-up: `max(period - 1, atrPeriod)` bars.
 */
export function keltner({ period, atrPeriod, multiplier }: KeltnerParams): IndicatorStream<BandsOutput> {
  const middle = ema({ period });
  const range = atr({ period: atrPeriod });
  const combine = (center: number | null, width: number | null): BandsOutput | null =>
    center === null || width === null
      ? null
      : { upper: center + multiplier * width, middle: center, lower: center - multiplier * width };
  return {
    update: (bar) => combine(middle.update(bar), range.update(bar)),
    replace: (bar) => combine(middle.replace(bar), range.replace(bar)),
  };
}
