import { MINUTE_MS } from './calendar.js';
import { Random, combine } from './random.js';
import type { RawBar } from './raw-bar.js';
import { splitBar, subBar, type BarUnits, type SubBars } from './split-bar.js';

/**
 * The intraday path of one trading day, in whole units, built top-down so that every level
 * aggregates EXACTLY to the level above: the day's bar is split into hour blocks (aligned to UTC
 * hours, so a block is the day's 1h bar), and a block into its minutes, each by `splitBar`.
 * A quote therefore computes the blocks and one block of minutes, not the whole day.
 *
 * Within a minute the price moves in straight lines open -> first extreme (at 20 s) -> second
 * extreme (at 40 s) -> close, so the price at any instant is defined (`priceAt`) and a minute cut
 * short at that instant is the full minute truncated: this is the seam for a live tick stream.
 */

/** How volume spreads over a session: U-shaped for exchanges, a midday hump for 24-hour markets. */
export type VolumeProfile = 'session' | 'continuous';

const VERTEX_MS = 20_000;

/** Relative trading activity at `x` (0 = session open, 1 = session close). */
function activity(profile: VolumeProfile, x: number): number {
  return profile === 'session' ? 1 + 3 * (2 * x - 1) * (2 * x - 1) : 1 + Math.max(0, 1 - Math.abs(x - 0.6) * 6);
}

/**
 * The day's path: hour blocks computed on creation, each block's minutes on first use. Minute
 * indices count from the session's first minute.
 */
export class DayPath {
  readonly minutes: number;
  /** First minute of each block, then the session's length. */
  readonly #bounds: number[];
  readonly #blocks: SubBars;
  readonly #blockMinutes: (SubBars | undefined)[];
  readonly #key: number;
  readonly #profile: VolumeProfile;

  /**
   * `firstBlockMinutes` is the length of the first block (the minutes up to the first whole UTC
   * hour, 60 when the session starts on the hour); `key` seeds the day's streams.
   */
  constructor(day: BarUnits, minutes: number, firstBlockMinutes: number, key: number, profile: VolumeProfile) {
    this.minutes = minutes;
    this.#key = key;
    this.#profile = profile;
    const bounds = [0];
    for (let start = firstBlockMinutes; start < minutes; start += 60) bounds.push(start);
    bounds.push(minutes);
    this.#bounds = bounds;
    const weights = new Float64Array(bounds.length - 1);
    for (let b = 0; b < weights.length; b++) {
      const from = bounds[b] as number;
      const to = bounds[b + 1] as number;
      weights[b] = (to - from) * activity(profile, (from + to) / 2 / minutes);
    }
    this.#blocks = splitBar(day, weights, new Random(key));
    this.#blockMinutes = new Array<SubBars | undefined>(weights.length).fill(undefined);
  }

  /** The block holding session minute `index`. */
  blockOf(index: number): number {
    const first = this.#bounds[1] as number;
    return index < first ? 0 : 1 + Math.floor((index - first) / 60);
  }

  /**
   * Minute `index` starting at `tsMs`, as it stands `elapsedMs` into it: the full minute from
   * 60 000 up, otherwise the part of its path seen so far, with volume accrued pro rata (rounded
   * down). At 0 it is a bar with open = high = low = close and no volume.
   */
  minuteBar(index: number, tsMs: number, elapsedMs: number): RawBar {
    const [bars, i] = this.#minute(index);
    const open = bars.open[i] as number;
    const volume = bars.volume[i] as number;
    if (elapsedMs >= MINUTE_MS) return { tsMs, ...subBar(bars, i) };
    const vertices = minuteVertices(bars, i);
    const close = pricePartWay(vertices, elapsedMs);
    let high = Math.max(open, close);
    let low = Math.min(open, close);
    for (let v = 1; v <= 2 && v * VERTEX_MS <= elapsedMs; v++) {
      high = Math.max(high, vertices[v] as number);
      low = Math.min(low, vertices[v] as number);
    }
    return { tsMs, open, high, low, close, volume: Math.floor((volume * elapsedMs) / MINUTE_MS) };
  }

  /** Price in ticks `elapsedMs` (0 to 60 000) into minute `index`. */
  priceAt(index: number, elapsedMs: number): number {
    const [bars, i] = this.#minute(index);
    return pricePartWay(minuteVertices(bars, i), elapsedMs);
  }

  /** Number of hour blocks. */
  get blockCount(): number {
    return this.#bounds.length - 1;
  }

  /** First session minute of block `block` (the session's length for `blockCount`). */
  blockStart(block: number): number {
    return this.#bounds[block] as number;
  }

  /**
   * Block `block` as a bar: the whole block, or with `upTo` the block as it stands `elapsedMs`
   * into its session minute `index` (which starts at `tsMs`).
   */
  blockBar(block: number, upTo?: { index: number; tsMs: number; elapsedMs: number }): BarUnits {
    if (!upTo) return subBar(this.#blocks, block);
    const minutes = this.minutesOf(block);
    const last = this.minuteBar(upTo.index, upTo.tsMs, upTo.elapsedMs);
    return extend(minutes.open[0] as number, summarize(minutes, upTo.index - this.blockStart(block)), last);
  }

  /**
   * The day's bar as it stands `elapsedMs` into session minute `index` (which starts at `tsMs`):
   * whole blocks before it, whole minutes of its block before it, and the minute so far.
   */
  barUpTo(index: number, tsMs: number, elapsedMs: number): BarUnits {
    const block = this.blockOf(index);
    const current = this.blockBar(block, { index, tsMs, elapsedMs });
    return extend(this.#blocks.open[0] as number, summarize(this.#blocks, block), current);
  }

  /** The minutes of block `block`, built on first use from the block's own stream. */
  minutesOf(block: number): SubBars {
    let bars = this.#blockMinutes[block];
    if (!bars) {
      const from = this.#bounds[block] as number;
      const to = this.#bounds[block + 1] as number;
      const weights = new Float64Array(to - from);
      for (let i = from; i < to; i++) weights[i - from] = activity(this.#profile, (i + 0.5) / this.minutes);
      bars = splitBar(subBar(this.#blocks, block), weights, new Random(combine(this.#key, block + 1)));
      this.#blockMinutes[block] = bars;
    }
    return bars;
  }

  #minute(index: number): [SubBars, number] {
    const block = this.blockOf(index);
    return [this.minutesOf(block), index - (this.#bounds[block] as number)];
  }
}

/** A bar opening at `open`, made of the sub-bars summarized in `before` followed by `last`. */
function extend(open: number, before: Omit<BarUnits, 'open' | 'close'> | undefined, last: BarUnits): BarUnits {
  if (!before) return { open, high: last.high, low: last.low, close: last.close, volume: last.volume };
  return {
    open,
    high: Math.max(before.high, last.high),
    low: Math.min(before.low, last.low),
    close: last.close,
    volume: before.volume + last.volume,
  };
}

/** High, low and volume of the first `count` sub-bars, or undefined when there are none. */
function summarize(bars: SubBars, count: number): { high: number; low: number; volume: number } | undefined {
  if (count <= 0) return undefined;
  let high = bars.high[0] as number;
  let low = bars.low[0] as number;
  let volume = 0;
  for (let i = 0; i < count; i++) {
    high = Math.max(high, bars.high[i] as number);
    low = Math.min(low, bars.low[i] as number);
    volume += bars.volume[i] as number;
  }
  return { high, low, volume };
}

function minuteVertices(bars: SubBars, i: number): [number, number, number, number] {
  const high = bars.high[i] as number;
  const low = bars.low[i] as number;
  const highFirst = bars.highFirst[i] === 1;
  return [bars.open[i] as number, highFirst ? high : low, highFirst ? low : high, bars.close[i] as number];
}

/** Straight lines through the minute's vertices at 0, 20, 40 and 60 s, rounded to the tick. */
function pricePartWay(vertices: readonly number[], elapsedMs: number): number {
  const segment = Math.min(2, Math.floor(elapsedMs / VERTEX_MS));
  const from = vertices[segment] as number;
  const to = vertices[segment + 1] as number;
  return Math.round(from + ((to - from) * (elapsedMs - segment * VERTEX_MS)) / VERTEX_MS);
}
