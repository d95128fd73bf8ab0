import { INTERVALS, type Interval } from '../../engine/interval.js';

/** Candle sizes the Exchange API serves, in seconds (it also has 21600, six hours, which stockato has no name for). */
export const COINBASE_GRANULARITY_S: Readonly<Partial<Record<Interval, number>>> = {
  '1m': 60,
  '5m': 300,
  '15m': 900,
  '1h': 3600,
  '1d': 86_400,
};

/**
 * The native interval each stockato interval is built from: itself where Coinbase has it, else the
 * finest one that divides it (30m from 15m; weeks and months from days, which start at 00:00 UTC
 * on Coinbase as in `bucketStart`).
 */
export const COINBASE_SOURCE_INTERVAL: Readonly<Record<Interval, Interval>> = {
  '1m': '1m',
  '5m': '5m',
  '15m': '15m',
  '30m': '15m',
  '1h': '1h',
  '1d': '1d',
  '1wk': '1d',
  '1mo': '1d',
};

export const COINBASE_INTERVALS: readonly Interval[] = INTERVALS;

/** Seconds per candle of the native interval `interval` is built from. */
export function granularityOf(interval: Interval): number {
  return COINBASE_GRANULARITY_S[COINBASE_SOURCE_INTERVAL[interval]] as number;
}
