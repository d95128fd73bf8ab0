import { bucketStart, DAY_MS, type Interval } from '../engine/interval.js';
import { barStartMs } from './wire-guards.js';

/**
 * barStartMs, with weekly bars moved to the Monday the engine's weeks start on. Polygon dates a
 * week by the Sunday before it (midnight New York) and others by its Monday; the day after either
 * falls in the same Monday-based week, so both land on that Monday.
 */
export function weekAwareBarStartMs(interval: Interval, tsMs: number): number {
  const start = barStartMs(interval, tsMs);
  return interval === '1wk' ? bucketStart('1wk', start + DAY_MS) : start;
}
