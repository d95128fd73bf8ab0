import { INTERVALS, type Interval } from '../../engine/interval.js';

/**
 * Binance's names for stockato's intervals. Binance serves every one of them natively; its weeks
 * start on Monday and its months on the 1st, 00:00 UTC, as `bucketStart` has them.
 */
export const BINANCE_INTERVAL: Readonly<Record<Interval, string>> = {
  '1m': '1m',
  '5m': '5m',
  '15m': '15m',
  '30m': '30m',
  '1h': '1h',
  '1d': '1d',
  '1wk': '1w',
  '1mo': '1M',
};

export const BINANCE_INTERVALS: readonly Interval[] = INTERVALS;
