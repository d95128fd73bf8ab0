import type { Bar } from '../../engine/bar.js';
import type { Decimal } from '../../engine/decimal.js';
import { bucketStart, nextBucketStart, type Interval } from '../../engine/interval.js';
import type { Tick } from '../../engine/tick.js';
import { VolumeSum } from './volume-sum.js';

/**
 * Builds bars of one interval for one symbol from its trade ticks, the way a REST source builds
 * its history: a bar starts at the bucket of its first trade (engine `bucketStart`), open is the
 * first trade, high/low the extremes, close the last, volume the sum of sizes. A bar closes when
 * a trade falls in a later bucket or, for a symbol that went quiet, when `closeIfDue` sees the
 * source's time past the bucket's end. Ticks for a bucket already closed are late and ignored
 * (counted), since the bar was handed on as final.
 *
 * A bar is `complete` only when the stream saw all of it: the first bar after subscribing starts
 * mid-bucket, and a bar cut by an outage (`markGap`) misses trades, so both close as incomplete
 * and the multiplexer replaces them from REST history before storing them.
 *
 * Quotes never move a bar (history is built from trades); ticker ticks count as trades.
 */
export interface ClosedBar {
  readonly bar: Bar;
  readonly complete: boolean;
}

export class BarBuilder {
  #open: OpenBar | undefined;
  #closedUntilMs = -Infinity;
  #nextIncomplete = true;
  lateTicks = 0;

  constructor(
    readonly symbol: string,
    readonly interval: Interval,
    readonly source: string,
  ) {}

  /** Folds `tick` in; returns the bar it closed, if any. */
  add(tick: Tick): ClosedBar | undefined {
    if (tick.kind === 'quote') return undefined;
    const tsMs = tick.tsMs;
    const open = this.#open;
    if (open !== undefined && tsMs >= open.tsMs && tsMs < open.endMs) {
      open.update(tick.price, tick.size);
      return undefined;
    }
    if (tsMs < this.#closedUntilMs || (open !== undefined && tsMs < open.tsMs)) {
      this.lateTicks++;
      return undefined;
    }
    if (open) this.#closedUntilMs = open.endMs;
    const start = bucketStart(this.interval, tsMs);
    this.#open = new OpenBar(start, nextBucketStart(this.interval, start), tick.price, tick.size);
    this.#open.complete = !this.#nextIncomplete;
    this.#nextIncomplete = false;
    return open?.closed();
  }

  /** Closes the open bar when `sourceNowMs` is at or past its end; returns it. */
  closeIfDue(sourceNowMs: number): ClosedBar | undefined {
    const open = this.#open;
    if (open === undefined || sourceNowMs < open.endMs) return undefined;
    this.#open = undefined;
    this.#closedUntilMs = open.endMs;
    return open.closed();
  }

  /** The stream was down: the open bar and the next one opened both miss trades. */
  markGap(): void {
    if (this.#open) this.#open.complete = false;
    this.#nextIncomplete = true;
  }

  /** The first trade after a gap is in the bar that was open: the next bar is whole again. */
  resumedInOpenBar(): void {
    this.#nextIncomplete = false;
  }

  /** End of the open bar, else of the last closed one (-Infinity before any). */
  get coveredUntilMs(): number {
    return this.#open?.endMs ?? this.#closedUntilMs;
  }

  /** Start of the open bar, if any. */
  get openSinceMs(): number | undefined {
    return this.#open?.tsMs;
  }

  /** End of the last closed bar (-Infinity before the first). */
  get closedUntilMs(): number {
    return this.#closedUntilMs;
  }

  /** The open bar as it stands, or undefined. A new object per call. */
  current(): Bar | undefined {
    return this.#open?.toBar();
  }

  /** Bumped on every change to the open bar, so a consumer can tell whether to copy it again. */
  get version(): number {
    return this.#open?.version ?? 0;
  }
}

/**
 * The bar in progress, mutable for speed (one per symbol and interval, updated on every trade).
 * High and low are compared as doubles first: parsing is monotonic, so a strict double inequality
 * implies the decimal one, and only ties between doubles fall back to an exact comparison.
 */
class OpenBar {
  open: Decimal;
  high: Decimal;
  low: Decimal;
  close: Decimal;
  readonly volume = new VolumeSum();
  #highN: number;
  #lowN: number;
  version = 1;
  complete = true;

  constructor(
    readonly tsMs: number,
    readonly endMs: number,
    price: Decimal,
    size: Decimal | undefined,
  ) {
    this.open = price;
    this.high = price;
    this.low = price;
    this.close = price;
    if (size !== undefined) this.volume.add(size);
    this.#highN = this.#lowN = price.toNumber();
  }

  update(price: Decimal, size: Decimal | undefined): void {
    const n = price.toNumber();
    if (n > this.#highN || (n === this.#highN && price.gt(this.high))) {
      this.high = price;
      this.#highN = n;
    }
    if (n < this.#lowN || (n === this.#lowN && price.lt(this.low))) {
      this.low = price;
      this.#lowN = n;
    }
    this.close = price;
    if (size !== undefined) this.volume.add(size);
    this.version++;
  }

  closed(): ClosedBar {
    return { bar: this.toBar(), complete: this.complete };
  }

  toBar(): Bar {
    const { tsMs, open, high, low, close } = this;
    return { tsMs, open, high, low, close, volume: this.volume.value() };
  }
}
