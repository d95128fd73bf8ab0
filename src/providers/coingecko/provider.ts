import type { Clock } from '../../engine/clock.js';
import { normalizeSymbol, type Instrument } from '../../engine/instrument.js';
import { DAY_MS } from '../../engine/interval.js';
import type { Quote } from '../../engine/quote.js';
import { ProviderError } from '../../errors.js';
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
import { createCoinGeckoTransport, type CoinGeckoHttpOptions, type CoinGeckoTransport } from './http.js';
import { parseMarketChart, parseSimplePrice, type SimplePriceRequest } from './parse.js';
import { COINGECKO, COINGECKO_IDS, toCoinGecko } from './symbols.js';

export interface CoinGeckoProviderOptions {
  readonly clock: Clock;
  readonly http?: CoinGeckoHttpOptions;
}

/** Most ids per simple/price request: more would only make the URL long. */
export const SIMPLE_PRICE_BATCH_LIMIT = 50;
/** The public and Demo plans serve market charts for the past 365 days only (error 10012). */
export const HISTORY_LIMIT_DAYS = 365;

/**
 * Daily history only: market_chart gives price samples, not candles, and finer samples exist
 * only for recent days. Keyless access is throttled hardest (5-15 calls a minute observed, Demo
 * about 30), so the budget declared is 10 a minute.
 */
export const COINGECKO_CAPABILITIES: ProviderCapabilities = {
  assetClasses: ['crypto'],
  intervals: ['1d'],
  quotes: true,
  history: true,
  search: true,
  news: false,
  streaming: false,
  requiresKey: false,
  maxSymbolsPerQuote: SIMPLE_PRICE_BATCH_LIMIT,
  quota: { perMinute: 10 },
  simulated: false,
};

const SEARCH_LIMIT = 20;

/** CoinGecko (keyless): quotes for many coins in one request, daily history, search over known ids. */
export function createCoinGeckoProvider(options: CoinGeckoProviderOptions): MarketDataProvider {
  const transport = createCoinGeckoTransport({ ...options.http, clock: options.clock });
  return {
    id: COINGECKO,
    displayName: 'CoinGecko',
    capabilities: COINGECKO_CAPABILITIES,
    getQuotes: (symbols, request) => getQuotes(transport, symbols, options.clock, request),
    getHistory: (request, requestOptions) => getHistory(transport, request, options.clock.nowMs(), requestOptions),
    // The built-in id map is the search space: no request, and no guessed id for an ambiguous ticker.
    search: (text) => Promise.resolve(searchIds(text)),
  };
}

/**
 * Symbols CoinGecko cannot name (AAPL, a coin without a known id) fail alone; ids it left out of
 * the answer are UnknownSymbolError failures (parseSimplePrice). A failed request rejects the call.
 */
async function getQuotes(
  transport: CoinGeckoTransport,
  symbols: readonly string[],
  clock: Clock,
  options?: RequestOptions,
): Promise<QuoteBatch> {
  const requests = new Map<string, SimplePriceRequest>();
  const failures: SymbolFailure[] = [];
  for (const text of symbols) {
    try {
      const symbol = canonical(text);
      requests.set(symbol, { symbol, ...toCoinGecko(symbol) });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      failures.push({ symbol: text, error });
    }
  }
  const all = [...requests.values()];
  const quotes: Quote[] = [];
  for (let start = 0; start < all.length; start += SIMPLE_PRICE_BATCH_LIMIT) {
    const batch = all.slice(start, start + SIMPLE_PRICE_BATCH_LIMIT);
    const ids = [...new Set(batch.map((r) => r.id))];
    const vs = [...new Set(batch.map((r) => r.vsCurrency))];
    const parsed = parseSimplePrice(await transport.simplePrice(ids, vs, options?.signal), batch, clock.nowMs());
    quotes.push(...parsed.quotes);
    failures.push(...parsed.failures);
  }
  return { quotes, failures };
}

function canonical(text: string): string {
  const symbol = normalizeSymbol(text);
  if (!symbol) throw unsupportedSymbol(COINGECKO, text, 'it is not a symbol', 'try a crypto pair such as BTC-USD');
  return symbol;
}

/**
 * Daily bars from the market chart of the last N days, N counted back from now to cover
 * `fromMs`. Starts older than HISTORY_LIMIT_DAYS are refused without a request; CoinGecko's own
 * 10012 answer becomes the same error.
 */
async function getHistory(
  transport: CoinGeckoTransport,
  request: HistoryRequest,
  nowMs: number,
  options?: RequestOptions,
): Promise<History> {
  const symbol = canonical(request.symbol);
  const target = toCoinGecko(symbol);
  const { interval, fromMs, toMs } = request;
  if (interval !== '1d') {
    throw new ProviderError(
      COINGECKO,
      'unsupported-interval',
      `coingecko serves daily bars only, not ${interval}`,
      false,
      {
        hint: 'ask for 1d, or use Binance or Coinbase for intraday crypto bars',
      },
    );
  }
  if (!(toMs > fromMs)) throw rangeError(`the history range is empty (from ${iso(fromMs)} to ${iso(toMs)})`);
  if (fromMs < nowMs - HISTORY_LIMIT_DAYS * DAY_MS) {
    throw rangeError(
      `keyless CoinGecko serves the past ${HISTORY_LIMIT_DAYS} days only, but the request starts at ${iso(fromMs)}`,
    );
  }
  const days = Math.max(1, Math.ceil((nowMs - fromMs) / DAY_MS));
  let body: unknown;
  try {
    body = await transport.marketChart(target.id, target.vsCurrency, days, symbol, options?.signal);
  } catch (error) {
    throw error instanceof ProviderError && error.code === 'history-limit' ? rangeError(error.message) : error;
  }
  const bars = parseHistoryBody(body).filter((bar) => bar.tsMs >= fromMs && bar.tsMs < toMs);
  return { instrument: instrumentOf(symbol), interval, bars };
}

/** parseMarketChart, with the 10012 body CoinGecko sometimes sends with HTTP 200 as range-unavailable. */
function parseHistoryBody(body: unknown): ReturnType<typeof parseMarketChart> {
  try {
    return parseMarketChart(body, '1d');
  } catch (error) {
    throw error instanceof ProviderError && error.code === 'history-limit' ? rangeError(error.message) : error;
  }
}

function rangeError(message: string): ProviderError {
  return new ProviderError(COINGECKO, 'range-unavailable', message, false, {
    hint: `ask for the past ${HISTORY_LIMIT_DAYS} days, or use Binance or Coinbase for older crypto history`,
  });
}

function iso(tsMs: number): string {
  return Number.isFinite(tsMs) ? new Date(tsMs).toISOString() : String(tsMs);
}

function instrumentOf(symbol: string): Instrument {
  const pair = parseCanonicalSymbol(symbol);
  const [base, quote] = pair?.kind === 'crypto' ? [pair.base, pair.quote] : [symbol, ''];
  const id = COINGECKO_IDS[base];
  return { symbol, name: id ? nameOf(id) : base, assetClass: 'crypto', currency: quote, exchange: 'COINGECKO' };
}

/** `bitcoin-cash` -> `Bitcoin Cash`: CoinGecko ids are the coin's name, slugged. */
function nameOf(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * Known coins whose ticker or id matches: exact ticker or id first, then ticker prefixes, then ids
 * containing the text. A pair (`ETH-EUR`) keeps its quote; plain text is priced in USD.
 */
function searchIds(text: string): Instrument[] {
  const query = text.trim().toUpperCase();
  if (query === '') return [];
  const pair = parseCanonicalSymbol(query);
  const [needle, quote] = pair?.kind === 'crypto' ? [pair.base, pair.quote] : [query, 'USD'];
  const rank = (ticker: string, id: string): number => {
    if (ticker === needle || id === needle.toLowerCase()) return 0;
    if (ticker.startsWith(needle)) return 1;
    return id.includes(needle.toLowerCase()) ? 2 : Number.POSITIVE_INFINITY;
  };
  return Object.entries(COINGECKO_IDS)
    .map(([ticker, id]) => ({ ticker, rank: rank(ticker, id) }))
    .filter((entry) => Number.isFinite(entry.rank))
    .sort((a, b) => a.rank - b.rank || a.ticker.localeCompare(b.ticker))
    .slice(0, SEARCH_LIMIT)
    .flatMap(({ ticker }) => {
      try {
        const symbol = `${ticker}-${quote}`;
        toCoinGecko(symbol); // a quote CoinGecko does not price in leaves the coin out
        return [instrumentOf(symbol)];
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        return [];
      }
    });
}
