import { loadOnce } from '../shared-fetch.js';
import type { Bar } from '../../engine/bar.js';
import type { Clock } from '../../engine/clock.js';
import { normalizeSymbol, type Instrument } from '../../engine/instrument.js';
import { intervalMs } from '../../engine/interval.js';
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
import {
  createBinanceTransport,
  KLINES_LIMIT,
  TICKER_BATCH_LIMIT,
  type BinanceHttpOptions,
  type BinanceTransport,
} from './http.js';
import { BINANCE_INTERVAL, BINANCE_INTERVALS } from './intervals.js';
import { parseExchangeInfo, parseKlines, parseTicker24hr, type BinanceMarket } from './parse.js';
import { BINANCE, toBinanceSymbol } from './symbols.js';
import type { BinanceTicker24hr } from './wire.js';

export interface BinanceProviderOptions {
  readonly clock: Clock;
  readonly http?: BinanceHttpOptions;
}

/**
 * Binance limits request weight per IP (6000 a minute today, 1200 in 2021). A quote batch weighs
 * 2-40, klines 2, exchangeInfo 20; 300 requests a minute stays under the old 1200 even at an
 * average weight of 4, and leaves room for other programs on the same IP.
 */
export const BINANCE_CAPABILITIES: ProviderCapabilities = {
  assetClasses: ['crypto'],
  intervals: BINANCE_INTERVALS,
  quotes: true,
  history: true,
  search: true,
  news: false,
  streaming: true,
  requiresKey: false,
  maxSymbolsPerQuote: TICKER_BATCH_LIMIT,
  quota: { perMinute: 300 },
  simulated: false,
};

/** One history request may take at most this many pages (100,000 bars, weight 200). */
export const MAX_KLINE_PAGES = 100;
const SEARCH_LIMIT = 20;

/** Binance Spot (keyless): quotes, klines and symbol search. USD pairs are read from USDT markets. */
export function createBinanceProvider(options: BinanceProviderOptions): MarketDataProvider {
  const transport = createBinanceTransport({ ...options.http, clock: options.clock });
  const markets = loadOnce(() => transport.exchangeInfo().then(parseExchangeInfo));
  return {
    id: BINANCE,
    displayName: 'Binance',
    capabilities: BINANCE_CAPABILITIES,
    getQuotes: (symbols, request) => getQuotes(transport, symbols, request),
    getHistory: (request, requestOptions) => getHistory(transport, request, options.clock.nowMs(), requestOptions),
    search: async (text, request) => {
      const query = text.trim().toUpperCase();
      if (query === '') return [];
      return searchMarkets(await markets(request?.signal), query);
    },
  };
}

interface Requested {
  /** Canonical symbol as the caller gets it back (`BTC-USD`). */
  readonly symbol: string;
  /** Binance's market (`BTCUSDT`). */
  readonly wire: string;
}

/**
 * Quotes in batches of TICKER_BATCH_LIMIT. Binance refuses a whole batch with -1121 when one
 * symbol in it is unknown, so such a batch is asked again one symbol at a time to find it. Other
 * failures (429, 5xx, timeout, a malformed body) reject the whole call, so a router can fall back.
 */
async function getQuotes(
  transport: BinanceTransport,
  symbols: readonly string[],
  options?: RequestOptions,
): Promise<QuoteBatch> {
  const requested: Requested[] = [];
  const failures: SymbolFailure[] = [];
  for (const text of symbols) {
    try {
      const symbol = canonical(text);
      requested.push({ symbol, wire: toBinanceSymbol(symbol) });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      failures.push({ symbol: text, error });
    }
  }
  const wires = [...new Set(requested.map((r) => r.wire))];
  const quotes: Quote[] = [];
  for (let start = 0; start < wires.length; start += TICKER_BATCH_LIMIT) {
    const batch = wires.slice(start, start + TICKER_BATCH_LIMIT);
    const result = await tickerBatch(transport, batch, requested, options?.signal);
    quotes.push(...result.quotes);
    failures.push(...result.failures);
  }
  return { quotes, failures };
}

async function tickerBatch(
  transport: BinanceTransport,
  wires: readonly string[],
  requested: readonly Requested[],
  signal?: AbortSignal,
): Promise<QuoteBatch> {
  const wanted = requested.filter((r) => wires.includes(r.wire));
  let body: unknown;
  try {
    body = await transport.tickers24hr(wires, wires.length === 1 ? wanted[0]?.symbol : undefined, signal);
  } catch (error) {
    if (!(error instanceof UnknownSymbolError)) throw error;
    if (wires.length === 1) return { quotes: [], failures: wanted.map((r) => unknown(r.symbol)) };
    const parts: QuoteBatch[] = [];
    for (const wire of wires) parts.push(await tickerBatch(transport, [wire], requested, signal));
    return { quotes: parts.flatMap((p) => p.quotes), failures: parts.flatMap((p) => p.failures) };
  }
  return tickersToQuotes(body, wanted);
}

/** One quote per requested symbol (BTC-USD and BTC-USDT both read BTCUSDT, each in its own currency). */
function tickersToQuotes(body: unknown, wanted: readonly Requested[]): QuoteBatch {
  const tickers = new Map<string, unknown>();
  for (const item of Wire.root<readonly BinanceTicker24hr[]>(BINANCE, body, 'ticker/24hr').items()) {
    tickers.set(item.get('symbol').nonEmptyString(), item.value);
  }
  const quotes: Quote[] = [];
  const failures: SymbolFailure[] = [];
  for (const { symbol, wire } of wanted) {
    const ticker = tickers.get(wire);
    if (ticker === undefined) failures.push(unknown(symbol));
    else quotes.push(parseTicker24hr(ticker, { symbol }));
  }
  return { quotes, failures };
}

function unknown(symbol: string): SymbolFailure {
  return { symbol, error: new UnknownSymbolError(BINANCE, symbol) };
}

/** Trimmed, upper-case canonical symbol, or the unsupported-symbol error. */
function canonical(text: string): string {
  const symbol = normalizeSymbol(text);
  if (!symbol) throw unsupportedSymbol(BINANCE, text, 'it is not a symbol', 'try a crypto pair such as BTC-USD');
  return symbol;
}

/**
 * Klines in pages of KLINES_LIMIT, each starting just after the last bar of the one before, until
 * a short page or `toMs`. Bars outside [fromMs, toMs) are dropped, so a page join never repeats one.
 */
async function getHistory(
  transport: BinanceTransport,
  request: HistoryRequest,
  nowMs: number,
  options?: RequestOptions,
): Promise<History> {
  const symbol = canonical(request.symbol);
  const wire = toBinanceSymbol(symbol);
  const { fromMs, toMs, interval } = request;
  checkRange(request, nowMs);
  const bars: Bar[] = [];
  let startTime = fromMs;
  for (let page = 0; page < MAX_KLINE_PAGES && startTime < toMs; page++) {
    const query = { symbol: wire, interval: BINANCE_INTERVAL[interval], startTime, endTime: toMs - 1 };
    const rows = parseKlines(await transport.klines({ ...query, limit: KLINES_LIMIT }, symbol, options?.signal));
    const fresh = rows.filter((bar) => bar.tsMs >= startTime && bar.tsMs < toMs);
    bars.push(...fresh);
    const last = fresh[fresh.length - 1];
    if (rows.length < KLINES_LIMIT || !last) break;
    startTime = last.tsMs + 1;
  }
  return { instrument: instrumentOf(symbol), interval, bars };
}

/** Refuses empty ranges and ranges that would need more than MAX_KLINE_PAGES requests. */
function checkRange(request: HistoryRequest, nowMs: number): void {
  const { fromMs, toMs, interval } = request;
  if (!(toMs > fromMs)) throw rangeError(`the history range is empty (from ${iso(fromMs)} to ${iso(toMs)})`);
  // Bars after now do not exist, so a far-future end does not count against the limit.
  const bars = (Math.min(toMs, nowMs + intervalMs(interval)) - fromMs) / intervalMs(interval);
  if (bars > MAX_KLINE_PAGES * KLINES_LIMIT) {
    throw rangeError(`about ${Math.round(bars)} ${interval} bars were asked for; one request takes at most 100,000`);
  }
}

function rangeError(message: string): ProviderError {
  return new ProviderError(BINANCE, 'range-unavailable', message, false, {
    hint: 'ask for a shorter range or a longer interval',
  });
}

function iso(tsMs: number): string {
  return Number.isFinite(tsMs) ? new Date(tsMs).toISOString() : String(tsMs);
}

function instrumentOf(symbol: string): Instrument {
  const pair = parseCanonicalSymbol(symbol);
  const [base, quote] = pair?.kind === 'crypto' ? [pair.base, pair.quote] : [symbol, ''];
  return { symbol, name: `${base}/${quote}`, assetClass: 'crypto', currency: quote, exchange: 'BINANCE' };
}

/**
 * Markets whose base asset or symbol matches: exact matches first (BTC, BTCUSDT, BTC-USD), then
 * prefixes; USD(T) markets before others at the same rank, since that is what most people want.
 */
function searchMarkets(markets: readonly BinanceMarket[], query: string): Instrument[] {
  const compact = query.replace(/[-/\s]/g, '');
  const rank = (market: BinanceMarket): number => {
    const base = market.instrument.name.split('/')[0] ?? '';
    const canonicalCompact = market.instrument.symbol.replace('-', '');
    if (base === compact || market.wireSymbol === compact || canonicalCompact === compact) return 0;
    if (base.startsWith(compact)) return 1;
    return market.wireSymbol.startsWith(compact) ? 2 : Number.POSITIVE_INFINITY;
  };
  const dollarFirst = (market: BinanceMarket) => (market.instrument.currency === 'USD' ? 0 : 1);
  return markets
    .map((market) => ({ market, rank: rank(market) }))
    .filter((entry) => Number.isFinite(entry.rank))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        dollarFirst(a.market) - dollarFirst(b.market) ||
        a.market.wireSymbol.localeCompare(b.market.wireSymbol),
    )
    .slice(0, SEARCH_LIMIT)
    .map((entry) => entry.market.instrument);
}
