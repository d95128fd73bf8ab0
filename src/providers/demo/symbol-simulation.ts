import { DAY_MS } from '../../engine/interval.js';
import { DEMO_EPOCH_DAY, MINUTE_MS, dayOf, latestSessionAt, sessionOf } from './calendar.js';
import { DailyWalk, STREAM } from './daily-walk.js';
import type { DemoInstrument } from './instruments.js';
import { DayPath } from './intraday-path.js';
import { combine, hashText } from './random.js';
import type { RawBar } from './raw-bar.js';
import { TickScale } from './ticks.js';

/** Day paths kept per symbol: a month of intraday history plus some slack. */
const PATH_CACHE_DAYS = 40;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * The simulated market of one instrument under one seed. It answers in whole units (RawBar);
 * `history.ts` and `quote.ts` turn that into engine types. Everything is a pure function of
 * (seed, symbol, time), memoized: asking at a later "now" only ever adds bars, and the bar in
 * progress is the finished bar truncated at now.
 */
export class SymbolSimulation {
  readonly instrument: DemoInstrument;
  readonly prices: TickScale;
  readonly volumes: TickScale;
  readonly #key: number;
  readonly #walk: DailyWalk;
  readonly #paths = new Map<number, DayPath>();

  /** `seedKey` is the 32-bit key of the market's seed (see `seedKey` in random.ts). */
  constructor(instrument: DemoInstrument, seedKey: number) {
    this.instrument = instrument;
    this.prices = new TickScale(instrument.simulation.priceDecimals);
    this.volumes = new TickScale(instrument.simulation.volumeDecimals);
    this.#key = combine(seedKey, hashText(instrument.symbol));
    this.#walk = new DailyWalk(instrument, this.#key);
  }

  /**
   * The daily bar of UTC day `day` as it stands at `nowMs`: undefined when the day has no session
   * or it has not started; partial while the session runs; the day's summary once it is over.
   */
  dayBar(day: number, nowMs: number): RawBar | undefined {
    const session = sessionOf(this.instrument.assetClass, day);
    if (!session || nowMs < session.startMs) return undefined;
    const summary = this.#walk.summary(day);
    if (!summary) return undefined;
    const tsMs = day * DAY_MS;
    if (nowMs >= session.endMs) {
      const { open, high, low, close, volume } = summary;
      return { tsMs, open, high, low, close, volume };
    }
    const current = Math.floor((nowMs - session.startMs) / MINUTE_MS);
    const currentMs = session.startMs + current * MINUTE_MS;
    return { tsMs, ...this.#path(day).barUpTo(current, currentMs, nowMs - currentMs) };
  }

  /** Close (ticks) of the last trading day before `day`; the start price on the first day. */
  previousClose(day: number): number {
    return this.#walk.previousClose(day);
  }

  /**
   * Visits the 1-minute bars of the regular sessions with tsMs in [fromMs, toMs) and
   * tsMs <= nowMs, oldest first; the minute containing nowMs is truncated at nowMs. A visitor
   * rather than an array, so that callers converting or aggregating keep no raw bars alive.
   */
  forEachMinute(fromMs: number, toMs: number, nowMs: number, visit: (bar: RawBar) => void): void {
    const lastMs = Math.min(toMs - 1, nowMs);
    for (let day = Math.max(dayOf(fromMs), DEMO_EPOCH_DAY); day <= dayOf(lastMs); day++) {
      const session = sessionOf(this.instrument.assetClass, day);
      if (!session || session.startMs > lastMs || session.endMs <= fromMs) continue;
      const path = this.#path(day);
      const first = Math.max(0, Math.ceil((fromMs - session.startMs) / MINUTE_MS));
      const end = Math.min(session.minutes - 1, Math.floor((lastMs - session.startMs) / MINUTE_MS));
      for (let i = first; i <= end; i++) {
        const tsMs = session.startMs + i * MINUTE_MS;
        visit(path.minuteBar(i, tsMs, nowMs - tsMs));
      }
    }
  }

  /**
   * Visits the 1-hour bars with tsMs (the UTC hour) in [fromMs, toMs) whose first minute is at
   * or before nowMs, oldest first; the hour containing nowMs is truncated at nowMs. The same bars
   * as aggregating `forEachMinute`, straight from the path's hour blocks.
   */
  forEachHour(fromMs: number, toMs: number, nowMs: number, visit: (bar: RawBar) => void): void {
    const lastMs = Math.min(toMs - 1, nowMs);
    for (let day = Math.max(dayOf(fromMs), DEMO_EPOCH_DAY); day <= dayOf(lastMs); day++) {
      const session = sessionOf(this.instrument.assetClass, day);
      if (!session || session.startMs > lastMs || session.endMs <= fromMs) continue;
      const path = this.#path(day);
      for (let block = 0; block < path.blockCount; block++) {
        const startMs = session.startMs + path.blockStart(block) * MINUTE_MS;
        const hourMs = startMs - (startMs % HOUR_MS);
        if (startMs > lastMs) break;
        if (hourMs < fromMs) continue;
        const endMs = session.startMs + path.blockStart(block + 1) * MINUTE_MS;
        if (nowMs >= endMs) {
          visit({ tsMs: hourMs, ...path.blockBar(block) });
          continue;
        }
        const index = Math.floor((nowMs - session.startMs) / MINUTE_MS);
        const minuteMs = session.startMs + index * MINUTE_MS;
        visit({ tsMs: hourMs, ...path.blockBar(block, { index, tsMs: minuteMs, elapsedMs: nowMs - minuteMs }) });
      }
    }
  }

  /**
   * The price (ticks) at instant `tsMs`: on the minute path during a session, the session's close
   * after it, undefined before the demo epoch. This is what a live tick stream should publish.
   */
  priceAt(tsMs: number): number | undefined {
    const session = latestSessionAt(this.instrument.assetClass, tsMs);
    if (!session) return undefined;
    if (tsMs >= session.endMs) return this.#walk.summary(session.day)?.close;
    const minute = Math.floor((tsMs - session.startMs) / MINUTE_MS);
    return this.#path(session.day).priceAt(minute, tsMs - session.startMs - minute * MINUTE_MS);
  }

  #path(day: number): DayPath {
    let path = this.#paths.get(day);
    if (path) return path;
    const summary = this.#walk.summary(day);
    const session = sessionOf(this.instrument.assetClass, day);
    if (!summary || !session) throw new RangeError(`no demo session for ${this.instrument.symbol} on day ${day}`);
    const { assetClass } = this.instrument;
    const profile = assetClass === 'crypto' || assetClass === 'fx' ? 'continuous' : 'session';
    // Blocks end on whole UTC hours, so each block is exactly one 1h bar.
    const firstBlockMinutes = 60 - (((session.startMs - day * DAY_MS) / MINUTE_MS) % 60);
    const key = combine(combine(this.#key, STREAM.path), day);
    path = new DayPath(summary, session.minutes, firstBlockMinutes, key, profile);
    if (this.#paths.size >= PATH_CACHE_DAYS) {
      const oldest = this.#paths.keys().next().value;
      if (oldest !== undefined) this.#paths.delete(oldest);
    }
    this.#paths.set(day, path);
    return path;
  }
}
