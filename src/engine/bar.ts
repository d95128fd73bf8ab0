import type { Decimal } from './decimal.js';
import type { Interval } from './interval.js';

/** One OHLCV bar. `tsMs` is the UTC start of the bar. */
export interface Bar {
  readonly tsMs: number;
  readonly open: Decimal;
  readonly high: Decimal;
  readonly low: Decimal;
  readonly close: Decimal;
  readonly volume: Decimal;
}

/** A run of bars for one symbol and interval, oldest first. */
export interface BarSeries {
  readonly symbol: string;
  readonly interval: Interval;
  readonly currency: string;
  readonly bars: readonly Bar[];
}

/** Merges bars that share an interval bucket, in time order; used to build 1h from 1m, 1wk from 1d. */
export function aggregateBars(bars: readonly Bar[], bucketOf: (tsMs: number) => number): Bar[] {
  const out: Bar[] = [];
  let current: Bar | undefined;
  for (const bar of bars) {
    const start = bucketOf(bar.tsMs);
    if (current && current.tsMs === start) {
      current = {
        tsMs: start,
        open: current.open,
        high: bar.high.gt(current.high) ? bar.high : current.high,
        low: bar.low.lt(current.low) ? bar.low : current.low,
        close: bar.close,
        volume: current.volume.plus(bar.volume),
      };
      out[out.length - 1] = current;
    } else {
      current = { ...bar, tsMs: start };
      out.push(current);
    }
  }
  return out;
}
