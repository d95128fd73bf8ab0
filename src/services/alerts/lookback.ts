import type { RuleNeeds } from '../../engine/alerts/index.js';
import { bucketStart, DAY_MS, intervalMs, isIntraday, type Interval } from '../../engine/interval.js';

/** What one symbol and interval needs, merged over every rule on it. */
export interface GroupNeeds {
  quote: boolean;
  news: boolean;
  lookbackBars: number;
  changeMs: number;
}

export function mergeNeeds(into: GroupNeeds | undefined, needs: RuleNeeds): GroupNeeds {
  if (into === undefined) return { ...needs };
  into.quote ||= needs.quote;
  into.news ||= needs.news;
  into.lookbackBars = Math.max(into.lookbackBars, needs.lookbackBars);
  into.changeMs = Math.max(into.changeMs, needs.changeMs);
  return into;
}

/**
 * Start of the history to load for `needs` bars: calendar time for that many bars (markets are
 * closed at night and at weekends, so daily bars take 1.5 calendar days each plus a week, and
 * intraday bars four times their length), plus the longest `change(...)`. Aligned to the start
 * of a UTC day so that every run in a day asks for the same range and the cache can serve it.
 */
export function historyStartMs(interval: Interval, needs: GroupNeeds, nowMs: number): number {
  const size = intervalMs(interval);
  const spanMs = isIntraday(interval)
    ? needs.lookbackBars * size * 4
    : Math.ceil(needs.lookbackBars * size * 1.5) + 7 * DAY_MS;
  return bucketStart('1d', nowMs - spanMs - needs.changeMs - size);
}
