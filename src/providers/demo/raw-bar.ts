import type { Bar } from '../../engine/bar.js';
import type { TickScale } from './ticks.js';

/**
 * A bar in whole units (prices in ticks, volume in volume units). The generator works in these
 * because integer arithmetic on doubles is exact up to 2^53, and turns them into Decimals only at
 * the edge.
 */
export interface RawBar {
  readonly tsMs: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/**
 * Merges bars that share a bucket, fed oldest first: the same rule as `aggregateBars` in the
 * engine (first open, highest high, lowest low, last close, summed volume), but on whole units
 * and one bar at a time, so tens of thousands of minutes fold into hours without being kept.
 */
export class RawAggregator {
  readonly bars: RawBar[] = [];
  #current: RawBar | undefined;

  constructor(private readonly bucketOf: (tsMs: number) => number) {}

  add(bar: RawBar): void {
    const start = this.bucketOf(bar.tsMs);
    const current = this.#current;
    if (current && current.tsMs === start) {
      this.#current = {
        tsMs: start,
        open: current.open,
        high: Math.max(current.high, bar.high),
        low: Math.min(current.low, bar.low),
        close: bar.close,
        volume: current.volume + bar.volume,
      };
      this.bars[this.bars.length - 1] = this.#current;
    } else {
      this.#current = { ...bar, tsMs: start };
      this.bars.push(this.#current);
    }
  }
}

/** The bar as the engine's Bar, with Decimal prices and volume. */
export function toBar(raw: RawBar, prices: TickScale, volumes: TickScale): Bar {
  return {
    tsMs: raw.tsMs,
    open: prices.toDecimal(raw.open),
    high: prices.toDecimal(raw.high),
    low: prices.toDecimal(raw.low),
    close: prices.toDecimal(raw.close),
    volume: volumes.toDecimal(raw.volume),
  };
}
