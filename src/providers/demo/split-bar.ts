import type { Random } from './random.js';

/** A bar in whole units (ticks, volume units) without its time. */
export interface BarUnits {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** Consecutive sub-bars in whole units, as parallel arrays. */
export interface SubBars {
  readonly count: number;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** 1 when the sub-bar visits its high before its low. */
  readonly highFirst: Uint8Array;
}

/**
 * Splits `bar` into `weights.length` (at least 3) consecutive sub-bars that aggregate to it
 * exactly: the first opens at its open and the last closes at its close, each opens at the
 * previous close, the closes touch the high and the low at two random sub-bars before the last
 * and never leave [low, high], and the volumes (whole units, shared by `weights` with jitter)
 * sum to its volume. Throws RangeError for fewer than 3 sub-bars.
 */
export function splitBar(bar: BarUnits, weights: Float64Array, random: Random): SubBars {
  const count = weights.length;
  // Two extremes on distinct sub-bars before the last one need three sub-bars.
  if (count < 3) throw new RangeError(`splitBar needs at least 3 sub-bars, received ${count}`);
  const highAt = random.int(count - 1);
  const lowDraw = random.int(count - 2);
  const lowAt = lowDraw >= highAt ? lowDraw + 1 : lowDraw;
  const sigma = (bar.high - bar.low) / (2 * Math.sqrt(count));
  const close = bridgeCloses(bar, count, highAt, lowAt, sigma, random);
  const open = new Float64Array(count);
  open[0] = bar.open;
  for (let i = 1; i < count; i++) open[i] = close[i - 1] as number;
  const high = new Float64Array(count);
  const low = new Float64Array(count);
  const wiggle = (0.5 * sigma) / 255;
  for (let i = 0; i < count; i++) {
    const o = open[i] as number;
    const c = close[i] as number;
    // Two byte pairs of one word: triangular excursions of 0 to 1 sigma above and below.
    const word = random.nextUint32();
    const up = (word & 255) + ((word >>> 8) & 255);
    const down = ((word >>> 16) & 255) + (word >>> 24);
    high[i] = Math.min(bar.high, Math.max(o, c) + Math.round(up * wiggle));
    low[i] = Math.max(bar.low, Math.min(o, c) - Math.round(down * wiggle));
  }
  const highFirst = new Uint8Array(count);
  const volume = spreadVolume(bar.volume, weights, random, highFirst);
  return { count, open, high, low, close, volume, highFirst };
}

/**
 * Closes as Brownian bridges between anchors: the open (before sub-bar 0), the high and the low
 * at their sub-bars, the close at the last one. Reflecting into [low, high] keeps every close
 * inside the range; the anchors put the extremes exactly where they belong.
 */
function bridgeCloses(
  bar: BarUnits,
  count: number,
  highAt: number,
  lowAt: number,
  sigma: number,
  random: Random,
): Float64Array {
  const anchors = [
    { at: -1, value: bar.open },
    { at: highAt, value: bar.high },
    { at: lowAt, value: bar.low },
    { at: count - 1, value: bar.close },
  ].sort((a, b) => a.at - b.at);
  const close = new Float64Array(count);
  const walk = new Float64Array(count + 1);
  for (let s = 0; s + 1 < anchors.length; s++) {
    const from = anchors[s] as { at: number; value: number };
    const to = anchors[s + 1] as { at: number; value: number };
    const steps = to.at - from.at;
    walk[0] = 0;
    for (let k = 1; k <= steps; k++) walk[k] = (walk[k - 1] as number) + sigma * random.normal();
    const end = walk[steps] as number;
    for (let k = 1; k < steps; k++) {
      const share = k / steps;
      const value = from.value + (to.value - from.value) * share + (walk[k] as number) - share * end;
      close[from.at + k] = reflectInto(Math.round(value), bar.low, bar.high);
    }
    close[to.at] = to.value;
  }
  return close;
}

/**
 * Mirrors an overshoot back into [low, high] (clamping whatever is left, which takes an
 * overshoot of more than the whole range), so a path that wanders past an extreme turns back
 * instead of lying flat along it.
 */
export function reflectInto(value: number, low: number, high: number): number {
  const mirrored = value > high ? 2 * high - value : value < low ? 2 * low - value : value;
  return Math.min(high, Math.max(low, mirrored));
}

/**
 * Splits `total` units by `weights` with random jitter. Cumulative rounding makes the parts whole,
 * never negative, and sum to `total` exactly. The lowest bit of each sub-bar's word decides the
 * order of its extremes (written to `highFirst`).
 */
function spreadVolume(total: number, weights: Float64Array, random: Random, highFirst: Uint8Array): Float64Array {
  const count = weights.length;
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const word = random.nextUint32();
    highFirst[i] = word & 1;
    sum += (weights[i] as number) * (0.5 + (word >>> 1) / 0x8000_0000);
    cumulative[i] = sum;
  }
  const volume = new Float64Array(count);
  let before = 0;
  for (let i = 0; i < count; i++) {
    const upTo = i === count - 1 ? total : Math.round((total * (cumulative[i] as number)) / sum);
    volume[i] = upTo - before;
    before = upTo;
  }
  return volume;
}

/** Sub-bar `i` as a bar. */
export function subBar(bars: SubBars, i: number): BarUnits {
  return {
    open: bars.open[i] as number,
    high: bars.high[i] as number,
    low: bars.low[i] as number,
    close: bars.close[i] as number,
    volume: bars.volume[i] as number,
  };
}
