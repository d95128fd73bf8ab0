import type { Bar } from '../bar.js';

/** A candle's measures (price units, binary floating point: patterns compare, never add money). */
export interface CandleShape {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** |close - open| */
  readonly body: number;
  /** high - low */
  readonly range: number;
  /** high - max(open, close) */
  readonly upperShadow: number;
  /** min(open, close) - low */
  readonly lowerShadow: number;
  readonly bodyTop: number;
  readonly bodyBottom: number;
  /** close > open */
  readonly bullish: boolean;
  /** close < open */
  readonly bearish: boolean;
}

export function shapeOf(bar: Bar): CandleShape {
  const open = bar.open.toNumber();
  const high = bar.high.toNumber();
  const low = bar.low.toNumber();
  const close = bar.close.toNumber();
  const bodyTop = Math.max(open, close);
  const bodyBottom = Math.min(open, close);
  return {
    open,
    high,
    low,
    close,
    body: bodyTop - bodyBottom,
    range: high - low,
    upperShadow: high - bodyTop,
    lowerShadow: bodyBottom - low,
    bodyTop,
    bodyBottom,
    bullish: close > open,
    bearish: close < open,
  };
}

/** Middle of the real body. */
export const bodyMiddle = (candle: CandleShape): number => (candle.open + candle.close) / 2;

/** A long body: at least LONG_BODY of the range. */
export const LONG_BODY = 0.5;
export const isLongBody = (candle: CandleShape): boolean => candle.range > 0 && candle.body >= LONG_BODY * candle.range;

/**
 * Bars of context a trend needs before the pattern's first bar: the trend into a pattern is the
 * change from the close TREND_BARS bars before the pattern's first bar to the close just before it.
 */
export const TREND_BARS = 3;

/** Down (-1), up (1) or flat (0) trend over the `TREND_BARS + 1` closes given, oldest first. */
export function trendOf(context: readonly CandleShape[]): -1 | 0 | 1 {
  const first = context[0]?.close ?? 0;
  const last = context.at(-1)?.close ?? 0;
  return last < first ? -1 : last > first ? 1 : 0;
}
