import { aggregateBars, type Bar } from '../../engine/bar.js';
import { DAY_MS, bucketStart, isIntraday, nextBucketStart, type Interval } from '../../engine/interval.js';
import { DEMO_EPOCH_DAY, dayOf } from './calendar.js';
import { RawAggregator, toBar, type RawBar } from './raw-bar.js';
import type { SymbolSimulation } from './symbol-simulation.js';

/**
 * Days of intraday history before today. 31 rather than 30 so that a one-month range (at most
 * 31 days back, see `rangeStart`) always fits.
 */
export const INTRADAY_HISTORY_DAYS = 31;

/** Earliest tsMs (UTC ms) of an intraday bar the demo market serves at `nowMs`: 00:00 UTC, 31 days back. */
export function intradayAvailableFrom(nowMs: number): number {
  return (dayOf(nowMs) - INTRADAY_HISTORY_DAYS) * DAY_MS;
}

/**
 * Bars of `interval` whose tsMs is in [fromMs, toMs) and no later than `nowMs`, oldest first. The
 * last may be partial (the finished bar truncated at now). Coarser bars are aggregates of finer
 * ones (1m -> 5m..1h, 1d -> 1wk/1mo, with the engine's buckets), so they agree exactly. Daily
 * history starts at the demo epoch; callers enforce the intraday window themselves.
 */
export function demoBars(
  simulation: SymbolSimulation,
  interval: Interval,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Bar[] {
  // Nothing exists before the bucket holding the epoch; clamping also tames -Infinity.
  const earliest = Math.max(fromMs, bucketStart(interval, DEMO_EPOCH_DAY * DAY_MS));
  const [start, end] = alignedSpan(interval, earliest, Math.min(toMs, nowMs + 1));
  if (end <= start) return [];
  const { prices, volumes } = simulation;
  if (isIntraday(interval)) {
    if (interval === '1m') {
      const bars: Bar[] = [];
      simulation.forEachMinute(start, end, nowMs, (raw) => bars.push(toBar(raw, prices, volumes)));
      return bars;
    }
    const aggregator = new RawAggregator((tsMs) => bucketStart(interval, tsMs));
    // Hours come straight from the path's hour blocks, without building their minutes.
    if (interval === '1h') simulation.forEachHour(start, end, nowMs, (raw) => aggregator.add(raw));
    else simulation.forEachMinute(start, end, nowMs, (raw) => aggregator.add(raw));
    return aggregator.bars.map((raw) => toBar(raw, prices, volumes));
  }
  const days = dailyBars(simulation, start, end, nowMs).map((raw) => toBar(raw, prices, volumes));
  return interval === '1d' ? days : aggregateBars(days, (tsMs) => bucketStart(interval, tsMs));
}

/**
 * The span [start, end) covering exactly the buckets that start in [fromMs, toMs): from the first
 * bucket boundary at or after fromMs to the end of the bucket holding toMs - 1.
 */
function alignedSpan(interval: Interval, fromMs: number, toMs: number): [number, number] {
  const floor = bucketStart(interval, fromMs);
  const start = floor === fromMs ? fromMs : nextBucketStart(interval, floor);
  if (toMs <= start) return [start, start];
  return [start, nextBucketStart(interval, bucketStart(interval, toMs - 1))];
}

function dailyBars(simulation: SymbolSimulation, fromMs: number, toMs: number, nowMs: number): RawBar[] {
  const bars: RawBar[] = [];
  const lastDay = dayOf(Math.min(toMs - 1, nowMs));
  for (let day = Math.max(dayOf(fromMs), DEMO_EPOCH_DAY); day <= lastDay; day++) {
    const bar = simulation.dayBar(day, nowMs);
    if (bar) bars.push(bar);
  }
  return bars;
}
