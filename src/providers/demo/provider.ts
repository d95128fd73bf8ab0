import type { Clock } from '../../engine/clock.js';
import type { Instrument } from '../../engine/instrument.js';
import { INTERVALS, isIntraday } from '../../engine/interval.js';
import type { Quote } from '../../engine/quote.js';
import { ProviderError, UnknownSymbolError } from '../../errors.js';
import type {
  History,
  HistoryRequest,
  MarketDataProvider,
  ProviderCapabilities,
  QuoteBatch,
  RequestOptions,
  SymbolFailure,
} from '../provider.js';
import { DEMO_EPOCH_MS } from './calendar.js';
import { demoBars, intradayAvailableFrom, INTRADAY_HISTORY_DAYS } from './history.js';
import { DEMO_INSTRUMENTS, publicInstrument } from './instruments.js';
import { DEFAULT_DEMO_SEED, DemoMarket } from './market.js';
import { demoNews } from './news.js';
import { demoQuote } from './quote.js';
import { searchInstruments } from './search.js';
import type { SymbolSimulation } from './symbol-simulation.js';

export { DEFAULT_DEMO_SEED } from './market.js';
export { DEMO_INSTRUMENTS } from './instruments.js';

const ID = 'demo';
const UNKNOWN_HINT =
  'the demo market has only fictional symbols (list them: stockato search "" --demo); for real ones use --provider yahoo';

export interface DemoProviderOptions {
  readonly clock: Clock;
  /** Whole number from 0 up; the same seed gives the same market on every machine. */
  readonly seed?: number;
  /** A market to share (for example with a live stream); by default one is made from `seed`. */
  readonly market?: DemoMarket;
}

const CAPABILITIES: ProviderCapabilities = {
  assetClasses: [...new Set(DEMO_INSTRUMENTS.map((instrument) => instrument.assetClass))],
  intervals: INTERVALS,
  quotes: true,
  history: true,
  search: true,
  news: true,
  streaming: true,
  requiresKey: false,
  maxSymbolsPerQuote: 1000,
  simulated: true,
};

/**
 * The offline demo market as a MarketDataProvider: fictional instruments, daily history from
 * 2016-01-04, intraday history for today and the 31 days before, quotes at the clock's now.
 * Everything is computed, nothing is fetched, and every quote says `demo: true`. Throws
 * RangeError when `seed` is not a whole number from 0 up.
 */
export function createDemoProvider(options: DemoProviderOptions): MarketDataProvider {
  const { clock } = options;
  const market = options.market ?? new DemoMarket(options.seed ?? DEFAULT_DEMO_SEED);
  return {
    id: ID,
    displayName: 'Demo market (simulated)',
    capabilities: CAPABILITIES,
    getQuotes: async (symbols, request) => quoteBatch(market, symbols, clock.nowMs(), request),
    getHistory: async (request, requestOptions) => {
      requestOptions?.signal?.throwIfAborted();
      return history(market, request, clock.nowMs());
    },
    search: async (text, request) => {
      request?.signal?.throwIfAborted();
      return searchInstruments(DEMO_INSTRUMENTS, text).map(publicInstrument);
    },
    getNews: async (symbol, request) => {
      request?.signal?.throwIfAborted();
      if (symbol === undefined) return demoNews(market.seed, undefined, clock.nowMs());
      const simulation = market.simulation(symbol);
      if (!simulation) throw unknownSymbol(symbol.trim().toUpperCase());
      return demoNews(market.seed, publicInstrument(simulation.instrument), clock.nowMs());
    },
  };
}

/** Quotes for the known symbols; each unknown one (or one asked before the epoch) is a failure. */
function quoteBatch(
  market: DemoMarket,
  symbols: readonly string[],
  nowMs: number,
  options?: RequestOptions,
): QuoteBatch {
  options?.signal?.throwIfAborted();
  const quotes: Quote[] = [];
  const failures: SymbolFailure[] = [];
  const seen = new Set<string>();
  for (const text of symbols) {
    const symbol = text.trim().toUpperCase();
    if (seen.has(symbol)) continue;
    seen.add(symbol);
    const simulation = market.simulation(symbol);
    const quote = simulation && demoQuote(simulation, nowMs);
    if (quote) quotes.push(quote);
    else failures.push({ symbol, error: simulation ? beforeEpochError(nowMs) : unknownSymbol(symbol) });
  }
  return { quotes, failures };
}

function history(market: DemoMarket, request: HistoryRequest, nowMs: number): History {
  const { interval, fromMs, toMs } = request;
  if (Number.isNaN(fromMs) || Number.isNaN(toMs)) {
    throw new RangeError(`history range must be numbers, received fromMs=${fromMs} toMs=${toMs}`);
  }
  const simulation: SymbolSimulation | undefined = market.simulation(request.symbol);
  if (!simulation) throw unknownSymbol(request.symbol.trim().toUpperCase());
  const availableFromMs = intradayAvailableFrom(nowMs);
  if (isIntraday(interval) && fromMs < availableFromMs) {
    throw new ProviderError(
      ID,
      'range-unavailable',
      `the demo market keeps ${interval} bars from ${iso(availableFromMs)} only ` +
        `(today and the ${INTRADAY_HISTORY_DAYS} days before), but the request starts at ${iso(fromMs)}`,
      false,
      { hint: 'ask for a shorter range, or a daily interval (1d, 1wk, 1mo) for older history' },
    );
  }
  const instrument: Instrument = publicInstrument(simulation.instrument);
  return { instrument, interval, bars: demoBars(simulation, interval, fromMs, toMs, nowMs) };
}

function unknownSymbol(symbol: string): UnknownSymbolError {
  return new UnknownSymbolError(ID, symbol, { hint: UNKNOWN_HINT });
}

function beforeEpochError(nowMs: number): ProviderError {
  return new ProviderError(
    ID,
    'range-unavailable',
    `the demo market opens on ${iso(DEMO_EPOCH_MS)}; there is no price at ${iso(nowMs)}`,
    false,
  );
}

/** ISO 8601 text of a time, or the raw number when Date cannot show it (such as -Infinity). */
function iso(tsMs: number): string {
  return Math.abs(tsMs) <= 8.64e15 ? new Date(tsMs).toISOString() : String(tsMs);
}
