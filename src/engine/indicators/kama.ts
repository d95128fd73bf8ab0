import { closeOf, fromStep } from './adapters.js';
import type { IndicatorStream, KamaParams } from './types.js';
import { isNearZero, RollingWindow } from './window.js';

/**
 * Kaufman adaptive moving average of closes (price units), as TA-Lib KAMA. Efficiency ratio
 * `ER = |close - close[period ago]| / sum of |bar-to-bar change|` over the window (1 when the sum
 * is 0 or not above the net change), smoothing `sc = (ER * (2/(fast+1) - 2/(slow+1)) + 2/(slow+1))^2`,
 * `kama += sc * (close - kama)`, seeded with the close before the first value. TA-Lib fixes fast 2
 * and slow 30; `kama:period:2:30` equals TA-Lib KAMA(period). Warm-up: `period` bars. O(1) per bar.
 * trading-signals' KAMA computes the same values but also emits the seed one bar early, hence not used.
 */
export function kama({ period, fast, slow }: KamaParams): IndicatorStream<number> {
  const closes = new RollingWindow(period + 1);
  const changes = new RollingWindow(period);
  const slowest = 2 / (slow + 1);
  const spread = 2 / (fast + 1) - slowest;
  let previous: number | null = null; // the value before the latest bar
  let current: number | null = null;
  return fromStep((bar, replace) => {
    if (!replace) previous = current;
    const close = closeOf(bar);
    closes.push(close, replace);
    const before = closes.at(1);
    if (before === undefined) return null;
    changes.push(Math.abs(close - before), replace);
    if (!closes.full) return null;
    const netChange = close - (closes.at(period) as number);
    const noise = changes.sum;
    const efficiency = noise <= netChange || isNearZero(noise) ? 1 : Math.abs(netChange / noise);
    const smoothing = (efficiency * spread + slowest) ** 2;
    const base = previous ?? before;
    current = (close - base) * smoothing + base;
    return current;
  });
}
