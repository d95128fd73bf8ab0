import type { StreamEvent, Tick } from '../../engine/tick.js';
import type { BarBuilder } from './bar-builder.js';

type BarEvent = Extract<StreamEvent, { type: 'bar' }>;
type StatusEvent = Extract<StreamEvent, { type: 'status' }>;

/** Status events kept for a consumer that never takes; older ones are dropped (and counted). */
const MAX_STATUSES = 256;
/** Closed bars kept for a consumer that never takes: a day of 1m bars for a dozen symbols. */
const MAX_CLOSED_BARS = 20_000;

/**
 * What one consumer has not taken yet, conflated: per symbol the latest tick, the bar in progress
 * of each interval (read from its builder when taken, so an update costs nothing here), every
 * closed bar, and status events in order. However fast ticks arrive, it holds at most one tick
 * and one open bar per symbol and interval.
 */
export class ConflatingBuffer {
  readonly #statuses: StatusEvent[] = [];
  readonly #closedBars: BarEvent[] = [];
  readonly #ticks = new Map<string, Tick>();
  readonly #openBars = new Set<BarBuilder>();
  #listener: (() => void) | undefined;
  #notified = false;
  /** Events dropped because a cap was reached (statuses, closed bars), not conflated ones. */
  dropped = 0;

  onReady(listener: () => void): void {
    this.#listener = listener;
    if (this.size > 0) this.#notify();
  }

  tick(tick: Tick): void {
    this.#ticks.set(tick.symbol, tick);
    this.#notify();
  }

  openBar(builder: BarBuilder): void {
    this.#openBars.add(builder);
    this.#notify();
  }

  closedBar(event: BarEvent): void {
    if (this.#closedBars.length >= MAX_CLOSED_BARS) {
      this.#closedBars.shift();
      this.dropped++;
    }
    this.#closedBars.push(event);
    this.#notify();
  }

  status(event: StatusEvent): void {
    if (this.#statuses.length >= MAX_STATUSES) {
      this.#statuses.shift();
      this.dropped++;
    }
    this.#statuses.push(event);
    this.#notify();
  }

  /** Events held (an open bar counts once): what a slow consumer costs in memory. */
  get size(): number {
    return this.#statuses.length + this.#closedBars.length + this.#ticks.size + this.#openBars.size;
  }

  /** Statuses first, then closed bars oldest first, open bars, and the latest ticks. */
  take(): StreamEvent[] {
    const out: StreamEvent[] = [...this.#statuses, ...this.#closedBars];
    for (const builder of this.#openBars) {
      const bar = builder.current();
      if (bar) {
        const { symbol, interval, source } = builder;
        out.push({ type: 'bar', symbol, interval, bar, closed: false, source });
      }
    }
    for (const tick of this.#ticks.values()) out.push({ type: 'tick', tick });
    this.#statuses.length = 0;
    this.#closedBars.length = 0;
    this.#ticks.clear();
    this.#openBars.clear();
    this.#notified = false;
    return out;
  }

  #notify(): void {
    if (this.#notified || this.#listener === undefined) return;
    this.#notified = true;
    this.#listener();
  }
}
