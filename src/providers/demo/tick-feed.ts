import type { Decimal } from '../../engine/decimal.js';
import { MINUTE_MS } from './calendar.js';
import type { RawBar } from './raw-bar.js';
import type { SymbolSimulation } from './symbol-simulation.js';

/** Offsets in a minute every feed publishes: the open, the two extremes, and the close. */
const VERTEX_OFFSETS_MS = [0, 20_000, 40_000];
const CLOSE_OFFSET_MS = MINUTE_MS - 1;

/** One simulated trade. */
export interface DemoTrade {
  readonly tsMs: number;
  readonly price: Decimal;
  readonly size: Decimal;
}

/**
 * The trades of one demo instrument, consistent with its 1m history by construction: in each
 * session minute a trade at every `stepMs` on the minute's price path (`priceAt`), always
 * including the path's vertices (open at :00, the two extremes at :20 and :40), and a last trade
 * at :59.999 at the minute's close. Sizes are the minute's volume accrued pro rata (rounded down)
 * between trades, the last trade taking the remainder. So the first trade is the open, the
 * extremes are the high and low, the last is the close and the sizes sum to the volume: bars
 * built from these trades equal `history` exactly. (The open trade carries size 0.)
 */
export class DemoTickFeed {
  readonly #simulation: SymbolSimulation;
  readonly #offsets: number[];
  #minuteMs = Number.NaN;
  #bar: RawBar | undefined;

  /** `stepMs`: the spacing of trades in a minute, from 1 ms up. */
  constructor(simulation: SymbolSimulation, stepMs: number) {
    if (!(stepMs >= 1)) throw new RangeError(`stepMs must be 1 or more, received ${stepMs}`);
    this.#simulation = simulation;
    const offsets = new Set<number>([...VERTEX_OFFSETS_MS, CLOSE_OFFSET_MS]);
    for (let offset = 0; offset < CLOSE_OFFSET_MS; offset += stepMs) offsets.add(Math.round(offset));
    this.#offsets = [...offsets].filter((offset) => offset <= CLOSE_OFFSET_MS).sort((a, b) => a - b);
  }

  get symbol(): string {
    return this.#simulation.instrument.symbol;
  }

  /** Trades per minute of session. */
  get tradesPerMinute(): number {
    return this.#offsets.length;
  }

  /** Visits the trades with tsMs in [fromMs, toMs), oldest first; none outside sessions. */
  forEach(fromMs: number, toMs: number, visit: (trade: DemoTrade) => void): void {
    const { prices, volumes } = this.#simulation;
    for (let minuteMs = Math.floor(fromMs / MINUTE_MS) * MINUTE_MS; minuteMs < toMs; minuteMs += MINUTE_MS) {
      const bar = this.#minuteBar(minuteMs);
      if (!bar) continue;
      let accrued = 0;
      for (const offset of this.#offsets) {
        const tsMs = minuteMs + offset;
        const last = offset === CLOSE_OFFSET_MS;
        const upTo = last ? bar.volume : Math.floor((bar.volume * offset) / MINUTE_MS);
        const size = upTo - accrued;
        accrued = upTo;
        if (tsMs < fromMs || tsMs >= toMs) continue;
        const price = last ? bar.close : (this.#simulation.priceAt(tsMs) as number);
        visit({ tsMs, price: prices.toDecimal(price), size: volumes.toDecimal(size) });
      }
    }
  }

  /** The whole 1m bar starting at `minuteMs`, or undefined outside a session. */
  #minuteBar(minuteMs: number): RawBar | undefined {
    if (minuteMs !== this.#minuteMs) {
      this.#minuteMs = minuteMs;
      this.#bar = undefined;
      this.#simulation.forEachMinute(minuteMs, minuteMs + MINUTE_MS, minuteMs + MINUTE_MS, (bar) => {
        this.#bar = bar;
      });
    }
    return this.#bar;
  }
}
