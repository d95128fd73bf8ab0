import type { Bar } from '../../engine/bar.js';
import { nextBucketStart, type Interval } from '../../engine/interval.js';
import type { MarketDataProvider } from '../provider.js';

/** Where REST bars come from when the stream missed some: the source's own history. */
export type HistorySource = Pick<MarketDataProvider, 'getHistory'>;

/**
 * Bars of `[fromMs, toMs)` from history, keeping only whole buckets that end by `toMs` (a REST
 * answer may include the bar still open at the source).
 */
export async function fetchClosedBars(
  history: HistorySource,
  symbol: string,
  interval: Interval,
  fromMs: number,
  toMs: number,
): Promise<Bar[]> {
  if (toMs <= fromMs) return [];
  const answer = await history.getHistory({ symbol, interval, fromMs, toMs });
  return answer.bars.filter((bar) => bar.tsMs >= fromMs && nextBucketStart(interval, bar.tsMs) <= toMs);
}
