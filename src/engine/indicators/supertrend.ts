import { feed, fromStep, highLowCloseOf } from './adapters.js';
import type { IndicatorStream, SuperTrendOutput, SuperTrendParams } from './types.js';
import { atr } from './volatility.js';

interface Trail {
  readonly upper: number;
  readonly lower: number;
  readonly close: number;
  readonly direction: 1 | -1;
}

/**
 * SuperTrend (price units), TradingView's `ta.supertrend` convention. With `hl2 = (high + low) / 2`
 * and ATR as `atr` (TA-Lib, Wilder): basic bands `hl2 +/- multiplier * ATR`; the final upper band
 * only moves down (it resets when the previous close rose above it), the final lower band only
 * moves up (reset when the previous close fell below it). The trend starts down on the first bar
 * with an ATR; it turns up when a close rises above the final upper band and down when a close
 * falls below the final lower band. `supertrend` is the lower band in an uptrend and the upper band
 * in a downtrend; `direction` is 1 (up) or -1 (down). Warm-up: `period` bars. Not in TA-Lib.
 */
export function superTrend({ period, multiplier }: SuperTrendParams): IndicatorStream<SuperTrendOutput> {
  const range = atr({ period });
  let before: Trail | null = null; // the trail as of the bar before the latest
  let latest: Trail | null = null;
  return fromStep((bar, replace) => {
    if (!replace) before = latest;
    const width = feed(range, bar, replace);
    if (width === null) return null;
    const { high, low, close } = highLowCloseOf(bar);
    const middle = (high + low) / 2;
    let upper = middle + multiplier * width;
    let lower = middle - multiplier * width;
    let direction: 1 | -1 = -1;
    if (before !== null) {
      if (!(upper < before.upper || before.close > before.upper)) upper = before.upper;
      if (!(lower > before.lower || before.close < before.lower)) lower = before.lower;
      direction = before.direction === -1 ? (close > upper ? 1 : -1) : close < lower ? -1 : 1;
    }
    latest = { upper, lower, close, direction };
    return { supertrend: direction === 1 ? lower : upper, direction };
  });
}
