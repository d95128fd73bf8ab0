import { isTradingDay, opensAtPreviousClose, tradingDaysPerYear, tradingIndexOf, DEMO_EPOCH_DAY } from './calendar.js';
import type { DemoInstrument } from './instruments.js';
import type { BarUnits } from './split-bar.js';
import { portableExp, softBound } from './portable-math.js';
import { Random, combine, normalOf } from './random.js';
import { TickScale } from './ticks.js';

/** Purposes of the random streams of one (seed, symbol); each keys its own numbers. */
export const STREAM = { walk: 1, shape: 2, path: 3 } as const;

/** Trading days per block of the Brownian construction (2^14: 45 years of crypto days). */
const BLOCK_STEPS = 16_384;
/** The log-price strays at most this far from its drift line (e^2.5: about 12 times). */
const LOG_BAND = 2.5;
/**
 * Drift applies for this many years after the epoch, then stops: a 35 %-a-year coin would
 * otherwise outgrow exact integer ticks (2^53) before the end of the century.
 */
const DRIFT_YEARS = 25;

/**
 * One complete trading day in whole units: prices in ticks, volume in volume units. The day's
 * intraday path (intraday-path.ts) is built to aggregate to exactly these numbers.
 */
export interface DaySummary extends BarUnits {
  readonly day: number;
}

/**
 * The daily prices of one instrument: close after n trading days since the epoch is
 * start × exp(drift × min(n, 25 years) + softBound(sigma × W(n))), rounded to the tick, where W
 * is a standard Brownian motion on whole steps.
 *
 * W is built by Lévy's midpoint construction (the value at the end of a block first, then each
 * midpoint from its two ends plus a keyed normal), so W(n) costs about 14 hashes and no replay
 * from the epoch: a cold `quote` stays cheap, and no day depends on "now" or on which days were
 * asked before. Node values are memoized per block.
 */
export class DailyWalk {
  readonly #instrument: DemoInstrument;
  readonly #key: number;
  readonly #walkKey: number;
  readonly #drift: number;
  readonly #sigma: number;
  readonly #startTicks: number;
  readonly #driftSteps: number;
  readonly #blocks = new Map<number, Float64Array>();
  // Closes by step, NaN until computed: each is both a day's close and the next day's previous.
  readonly #closes = new Map<number, Float64Array>();

  /** `key` is the hash of (seed, symbol); see SymbolSimulation. */
  constructor(instrument: DemoInstrument, key: number) {
    const { simulation, assetClass } = instrument;
    const days = tradingDaysPerYear(assetClass);
    this.#instrument = instrument;
    this.#key = key;
    this.#walkKey = combine(key, STREAM.walk);
    this.#drift = simulation.annualDrift / days;
    this.#sigma = simulation.annualVolatility / Math.sqrt(days);
    this.#startTicks = new TickScale(simulation.priceDecimals).fromText(simulation.startPrice);
    this.#driftSteps = DRIFT_YEARS * days;
  }

  /**
   * The summary of a trading day, or undefined for a day without trading or before the epoch.
   * Not memoized: with closes and W cached it costs a handful of hashes, and callers that reuse
   * it (the minute path) keep their own result.
   */
  summary(day: number): DaySummary | undefined {
    if (day < DEMO_EPOCH_DAY || !isTradingDay(this.#instrument.assetClass, day)) return undefined;
    return this.#shape(day, tradingIndexOf(this.#instrument.assetClass, day));
  }

  /** Close (ticks) of the last trading day before `day`; the start price before the first. */
  previousClose(day: number): number {
    return this.#closeAfter(tradingIndexOf(this.#instrument.assetClass, day));
  }

  /** Close (ticks) after `steps` trading days; 0 steps is the start price. */
  #closeAfter(steps: number): number {
    const block = Math.floor(steps / BLOCK_STEPS);
    let closes = this.#closes.get(block);
    if (!closes) {
      closes = new Float64Array(BLOCK_STEPS).fill(Number.NaN);
      this.#closes.set(block, closes);
    }
    const index = steps - block * BLOCK_STEPS;
    let close = closes[index] as number;
    if (Number.isNaN(close)) {
      const logGrowth =
        this.#drift * Math.min(steps, this.#driftSteps) + softBound(this.#sigma * this.#brownian(steps), LOG_BAND);
      close = Math.max(1, Math.round(this.#startTicks * portableExp(logGrowth)));
      closes[index] = close;
    }
    return close;
  }

  /** W(steps): a sum of standard normal steps, W(0) = 0. */
  #brownian(steps: number): number {
    const block = Math.floor(steps / BLOCK_STEPS);
    const offset = steps - block * BLOCK_STEPS;
    let start = 0;
    for (let b = 0; b < block; b++) start += this.#blockEnd(b);
    if (offset === 0) return start;
    const values = this.#block(block);
    const known = values[offset] as number;
    if (!Number.isNaN(known)) return start + known;
    let low = 0;
    let high = BLOCK_STEPS;
    for (;;) {
      const mid = (low + high) / 2;
      let value = values[mid] as number;
      if (Number.isNaN(value)) {
        const ends = ((values[low] as number) + (values[high] as number)) / 2;
        value = ends + Math.sqrt((high - low) / 4) * this.#node(block * BLOCK_STEPS + mid);
        values[mid] = value;
      }
      if (mid === offset) return start + value;
      if (offset < mid) high = mid;
      else low = mid;
    }
  }

  /** W at the end of a block minus W at its start. */
  #blockEnd(block: number): number {
    return Math.sqrt(BLOCK_STEPS) * this.#node((block + 1) * BLOCK_STEPS);
  }

  #block(block: number): Float64Array {
    let values = this.#blocks.get(block);
    if (!values) {
      values = new Float64Array(BLOCK_STEPS + 1).fill(Number.NaN);
      values[0] = 0;
      values[BLOCK_STEPS] = this.#blockEnd(block);
      this.#blocks.set(block, values);
    }
    return values;
  }

  /** The standard normal of one node, keyed by its global step (unique per node). */
  #node(step: number): number {
    return normalOf(combine(this.#walkKey, step));
  }

  /** Open, high, low and volume around the walk's close, from the day's own stream. */
  #shape(day: number, steps: number): DaySummary {
    const { simulation, assetClass } = this.#instrument;
    const previous = this.#closeAfter(steps);
    const close = this.#closeAfter(steps + 1);
    const random = new Random(combine(combine(this.#key, STREAM.shape), day));
    const gap = random.normal();
    const open = opensAtPreviousClose(assetClass)
      ? previous
      : Math.max(1, Math.round(previous * (1 + 0.25 * this.#sigma * gap)));
    const top = Math.max(open, close);
    const bottom = Math.min(open, close);
    const high = top + Math.round(top * 0.5 * this.#sigma * Math.abs(random.normal()));
    const low = Math.max(1, bottom - Math.round(bottom * 0.5 * this.#sigma * Math.abs(random.normal())));
    // Busy days move more: scale volume by the size of the day's shock.
    const shock = Math.abs(this.#brownian(steps + 1) - this.#brownian(steps));
    const activity = (0.6 + 0.8 * random.uniform()) * (0.7 + 0.35 * shock);
    const volume = Math.round(simulation.typicalVolume * 10 ** simulation.volumeDecimals * activity);
    return { day, open, high, low, close, volume };
  }
}
