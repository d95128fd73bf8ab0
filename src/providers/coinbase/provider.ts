import { loadOnce } from '../shared-fetch.js';
import { aggregateBars, type Bar } from '../../engine/bar.js';
import type { Clock } from '../../engine/clock.js';
import { normalizeSymbol, type Instrument } from '../../engine/instrument.js';
import { bucketStart, nextBucketStart } from '../../engine/interval.js';
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
import { parseCanonicalSymbol, unsupportedSymbol } from '../symbols.js';
import { Wire } from '../wire-guards.js';
import { CANDLES_LIMIT, createCoinbaseTransport, type CoinbaseHttpOptions, type CoinbaseTransport } from './http.js';
import { COINBASE_INTERVALS, COINBASE_SOURCE_INTERVAL, granularityOf } from './intervals.js';
import { parseExchangeCandles, parseExchangeStats, parseExchangeTicker, quoteFromTickerAndStats } from './parse.js';
import { COINBASE, fromCoinbaseProduct, toCoinbaseProduct } from './symbols.js';

export interface CoinbaseProviderOptions {
  readonly clock: Clock;
  readonly http?: CoinbaseHttpOptions;
}

/**
 * Public endpoints allow 10 requests a second per IP (burst 15); 300 a minute leaves half of that
 * to other programs and to bursts. There is no batch quote: each symbol costs two requests
 * (ticker and stats), so quote calls are kept to 10 symbols.
 */
export const COINBASE_CAPABILITIES: ProviderCapabilities = {
  assetClasses: ['crypto'],
  intervals: COINBASE_INTERVALS,
  quotes: true,
  history: true,
  search: true,
  news: false,
  streaming: true,
  requiresKey: false,
  maxSymbolsPerQuote: 10,
  quota: { perMinute: 300 },
  simulated: false,
};

/** One history request may take at most this many candle requests (30,000 candles). */
export const MAX_CANDLE_PAGES = 100;
const SEARCH_LIMIT = 20;

/** Coinbase Exchange (keyless): quotes from ticker + stats, candles, product search. */
export function createCoinbaseProvider(options: CoinbaseProviderOptions): MarketDataProvider {
  const transport = createCoinbaseTransport({ ...options.http, clock: options.clock });
  const products = loadOnce(() => transport.products().then(parseProducts));
  return {
    id: COINBASE,
    displayName: 'Coinbase',
    capabilities: COINBASE_CAPABILITIES,
    getQuotes: (symbols, request) => getQuotes(transport, symbols, request),
    getHistory: (request, requestOptions) => getHistory(transport, request, options.clock.nowMs(), requestOptions),
    search: async (text, request) => {
      const query = text.trim().toUpperCase();
      if (query === '') return [];
      return searchProducts(await products(request?.signal), query);
    },
  };
}

/**
 * One symbol after another (ticker and stats in parallel). A symbol Coinbase does not list, or
 * cannot express, is a failure beside the other quotes; any other error (429, 5xx, timeout, a
 * malformed body) rejects the whole call, so a router can fall back for the lot.
 */
async function getQuotes(
  transport: CoinbaseTransport,
  symbols: readonly string[],
  options?: RequestOptions,
): Promise<QuoteBatch> {
  const quotes: Quote[] = [];
  const failures: SymbolFailure[] = [];
  const seen = new Set<string>();
  for (const text of symbols) {
    try {
      const symbol = canonical(text);
      if (seen.has(symbol)) continue;
      seen.add(symbol);
      quotes.push(await quote(transport, symbol, options?.signal));
    } catch (error) {
      if (!isSymbolFailure(error)) throw error;
      failures.push({ symbol: text, error });
    }
  }
  return { quotes, failures };
}

async function quote(transport: CoinbaseTransport, symbol: string, signal?: AbortSignal): Promise<Quote> {
  const product = toCoinbaseProduct(symbol);
  const [ticker, stats] = await Promise.all([
    transport.ticker(product, symbol, signal),
    transport.stats(product, symbol, signal),
  ]);
  return quoteFromTickerAndStats(parseExchangeTicker(ticker), parseExchangeStats(stats), { symbol });
}

function isSymbolFailure(error: unknown): error is ProviderError {
  return error instanceof UnknownSymbolError || (error instanceof ProviderError && error.code === 'unsupported-symbol');
}

function canonical(text: string): string {
  const symbol = normalizeSymbol(text);
  if (!symbol) throw unsupportedSymbol(COINBASE, text, 'it is not a symbol', 'try a crypto pair such as BTC-USD');
  return symbol;
}

/**
 * Candles in windows of CANDLES_LIMIT. Intervals Coinbase lacks are built from a finer one, so
 * the fetch runs to the end of the bucket that holds `toMs` (the last week is a whole week, not
 * cut at toMs); bars are then trimmed to starts in [fromMs, toMs). A window may come back short or empty (no trades, no candle).
 */
async function getHistory(
  transport: CoinbaseTransport,
  request: HistoryRequest,
  nowMs: number,
  options?: RequestOptions,
): Promise<History> {
  const symbol = canonical(request.symbol);
  const product = toCoinbaseProduct(symbol);
  const { interval, fromMs, toMs } = request;
  if (!(toMs > fromMs)) throw rangeError(`the history range is empty (from ${iso(fromMs)} to ${iso(toMs)})`);
  const granularityMs = granularityOf(interval) * 1000;
  const startMs = fromMs;
  // Candles after now do not exist: a far-future end costs no requests.
  const endMs = Math.min(
    nextBucketStart(interval, bucketStart(interval, toMs - 1)),
    bucketStart('1m', nowMs) + granularityMs,
  );
  const windowMs = CANDLES_LIMIT * granularityMs;
  if (Math.ceil((endMs - startMs) / windowMs) > MAX_CANDLE_PAGES) {
    throw rangeError(`the range needs more than ${MAX_CANDLE_PAGES} requests of ${CANDLES_LIMIT} candles`);
  }
  const byStart = new Map<number, Bar>();
  for (let from = startMs; from < endMs; from += windowMs) {
    const to = Math.min(endMs, from + windowMs);
    // `end` is inclusive on Coinbase: stop a second short of the next window's first candle.
    const query = { granularity: granularityOf(interval), start: iso(from), end: iso(to - 1000) };
    const page = parseExchangeCandles(await transport.candles(product, query, symbol, options?.signal));
    // Keyed by start, so a candle sent twice (at a window edge) is kept once.
    for (const bar of page) byStart.set(bar.tsMs, bar);
  }
  const native = [...byStart.values()].sort((a, b) => a.tsMs - b.tsMs);
  const bars =
    COINBASE_SOURCE_INTERVAL[interval] === interval
      ? native
      : aggregateBars(native, (tsMs) => bucketStart(interval, tsMs));
  return {
    instrument: instrumentOf(symbol),
    interval,
    bars: bars.filter((bar) => bar.tsMs >= fromMs && bar.tsMs < toMs),
  };
}

function rangeError(message: string): ProviderError {
  return new ProviderError(COINBASE, 'range-unavailable', message, false, {
    hint: 'ask for a shorter range or a longer interval',
  });
}

function iso(tsMs: number): string {
  return Number.isFinite(tsMs) ? new Date(tsMs).toISOString() : String(tsMs);
}

function instrumentOf(symbol: string, name?: string): Instrument {
  const pair = parseCanonicalSymbol(symbol);
  const dash = symbol.lastIndexOf('-');
  const [base, quote] =
    pair?.kind === 'crypto' ? [pair.base, pair.quote] : [symbol.slice(0, dash), symbol.slice(dash + 1)];
  return { symbol, name: name ?? `${base}/${quote}`, assetClass: 'crypto', currency: quote, exchange: 'COINBASE' };
}

/** One row of `GET /products`; only these fields are read. */
interface ExchangeProduct {
  readonly id: string;
  readonly display_name?: string;
  readonly status?: string;
  readonly trading_disabled?: boolean;
}

/**
 * `GET /products` -> instruments that trade now. Products with ids outside the canonical form are
 * skipped rather than failing the list. This belongs in parse.ts (owned elsewhere); it is here
 * until it moves.
 */
export function parseProducts(body: unknown): Instrument[] {
  const instruments: Instrument[] = [];
  for (const row of Wire.root<readonly ExchangeProduct[]>(COINBASE, body, 'products').items()) {
    const status = row.get('status').optional()?.string();
    if (row.get('trading_disabled').value === true || (status !== undefined && status !== 'online')) continue;
    try {
      const symbol = fromCoinbaseProduct(row.get('id').nonEmptyString());
      instruments.push(instrumentOf(symbol, row.get('display_name').optional()?.string()));
    } catch (error) {
      if (!(error instanceof ProviderError) || error.code !== 'unsupported-symbol') throw error;
    }
  }
  return instruments;
}

/** Exact base or product first (BTC, BTC-USD), then prefixes; USD markets first within a rank. */
function searchProducts(instruments: readonly Instrument[], query: string): Instrument[] {
  const compact = query.replace(/[-/\s]/g, '');
  const rank = (instrument: Instrument): number => {
    const base = instrument.symbol.slice(0, instrument.symbol.lastIndexOf('-'));
    if (base === compact || instrument.symbol.replace('-', '') === compact) return 0;
    if (base.startsWith(compact)) return 1;
    return instrument.symbol.replace('-', '').startsWith(compact) ? 2 : Number.POSITIVE_INFINITY;
  };
  const usdFirst = (instrument: Instrument) => (instrument.currency === 'USD' ? 0 : 1);
  return instruments
    .map((instrument) => ({ instrument, rank: rank(instrument) }))
    .filter((entry) => Number.isFinite(entry.rank))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        usdFirst(a.instrument) - usdFirst(b.instrument) ||
        a.instrument.symbol.localeCompare(b.instrument.symbol),
    )
    .slice(0, SEARCH_LIMIT)
    .map((entry) => entry.instrument);
}
