import type { Clock } from '../../engine/clock.js';
import { normalizeSymbol, type Instrument } from '../../engine/instrument.js';
import { DAY_MS } from '../../engine/interval.js';
import { ProviderError } from '../../errors.js';
import type { Credentials } from '../../secrets/credentials.js';
import { lazyApiKey } from '../api-key.js';
import { instrumentFromSymbol } from '../canonical-instrument.js';
import type {
  History,
  HistoryRequest,
  MarketDataProvider,
  NewsItem,
  ProviderCapabilities,
  QuoteBatch,
  RequestOptions,
} from '../provider.js';
import { mapSymbols, quoteEach } from '../quote-each.js';
import { redactingProvider } from '../redacting-provider.js';
import { unsupportedSymbol } from '../symbols.js';
import { usEquityMarketState } from '../us-market-hours.js';
import { createAlphaVantageTransport, type AlphaVantageHttpOptions, type AlphaVantageTransport } from './http.js';
import { parseGlobalQuote, parseNewsSentiment, parseSymbolSearch, parseTimeSeries } from './parse.js';
import { ALPHAVANTAGE, toAlphaVantageSymbol } from './symbols.js';

export interface AlphaVantageProviderOptions {
  readonly clock: Clock;
  /** Where the key comes from; asked on the first request only. */
  readonly credentials?: Credentials;
  readonly http?: AlphaVantageHttpOptions;
}

/**
 * The free key allows 25 requests a day (and at most 5 a minute); one symbol per quote request.
 * Daily bars only: the compact series (the latest 100 sessions) when the range fits in it, the
 * full one otherwise (which Alpha Vantage may reserve for premium keys: that is `not-entitled`).
 */
export const ALPHAVANTAGE_CAPABILITIES: ProviderCapabilities = {
  assetClasses: ['equity', 'etf', 'fund'],
  intervals: ['1d'],
  quotes: true,
  history: true,
  search: true,
  news: true,
  streaming: false,
  requiresKey: true,
  maxSymbolsPerQuote: 1,
  quota: { perMinute: 5, perDay: 25 },
  simulated: false,
};

/** 100 sessions of the compact series span about 145 calendar days; 140 leaves a margin. */
const COMPACT_SPAN_DAYS = 140;
const NEWS_LIMIT = 20;

/** Alpha Vantage (keyed): quotes, daily history, news with sentiment, and symbol search. */
export function createAlphaVantageProvider(options: AlphaVantageProviderOptions): MarketDataProvider {
  const apiKey = lazyApiKey(ALPHAVANTAGE, 'Alpha Vantage', options.credentials);
  const transport = createAlphaVantageTransport({ ...options.http, clock: options.clock, apiKey });
  const { clock } = options;
  return redactingProvider(
    {
      id: ALPHAVANTAGE,
      displayName: 'Alpha Vantage',
      capabilities: ALPHAVANTAGE_CAPABILITIES,
      getQuotes: (symbols, request) => getQuotes(transport, clock, symbols, request),
      getHistory: (request, requestOptions) => getHistory(transport, clock, request, requestOptions),
      search: (text, request) => search(transport, text, request),
      getNews: (symbol, request) => getNews(transport, symbol, request),
    },
    apiKey.secrets,
  );
}

function requested(text: string): { symbol: string; wire: string } {
  const symbol = normalizeSymbol(text);
  if (!symbol) throw unsupportedSymbol(ALPHAVANTAGE, text, 'it is not a symbol');
  return { symbol, wire: toAlphaVantageSymbol(symbol) };
}

async function getQuotes(
  transport: AlphaVantageTransport,
  clock: Clock,
  symbols: readonly string[],
  options?: RequestOptions,
): Promise<QuoteBatch> {
  const { wanted, failures } = mapSymbols(symbols, requested);
  const marketState = () => usEquityMarketState(clock.nowMs());
  return quoteEach(
    [...wanted.keys()],
    async (symbol) => {
      const call = { function: 'GLOBAL_QUOTE', params: { symbol: wanted.get(symbol) }, symbol } as const;
      const body = await transport.query(call, options?.signal);
      return parseGlobalQuote(body, { symbol, marketState, receivedMs: clock.nowMs() });
    },
    failures,
  );
}

async function getHistory(
  transport: AlphaVantageTransport,
  clock: Clock,
  request: HistoryRequest,
  options?: RequestOptions,
): Promise<History> {
  const { symbol, wire } = requested(request.symbol);
  const instrument = instrumentFromSymbol(ALPHAVANTAGE, symbol, 'ALPHAVANTAGE');
  const { fromMs, toMs, interval } = request;
  if (interval !== '1d') {
    throw new ProviderError(
      ALPHAVANTAGE,
      'unsupported-interval',
      `alphavantage serves daily bars only, not ${interval}`,
      false,
      {
        hint: 'ask for 1d, or use Yahoo for other intervals',
      },
    );
  }
  if (!(toMs > fromMs)) {
    throw new ProviderError(ALPHAVANTAGE, 'range-unavailable', 'alphavantage: the history range is empty', false, {
      hint: 'ask for a range whose end is after its start',
    });
  }
  const outputsize = fromMs >= clock.nowMs() - COMPACT_SPAN_DAYS * DAY_MS ? 'compact' : 'full';
  const call = { function: 'TIME_SERIES_DAILY', params: { symbol: wire, outputsize }, symbol } as const;
  const bars = parseTimeSeries(await transport.query(call, options?.signal), '1d', { symbol });
  return { instrument, interval, bars: bars.filter((bar) => bar.tsMs >= fromMs && bar.tsMs < toMs) };
}

async function search(
  transport: AlphaVantageTransport,
  text: string,
  options?: RequestOptions,
): Promise<readonly Instrument[]> {
  const keywords = text.trim();
  // An empty search would only spend one of the day's 25 requests on an error.
  if (keywords === '') return [];
  return parseSymbolSearch(await transport.query({ function: 'SYMBOL_SEARCH', params: { keywords } }, options?.signal));
}

async function getNews(
  transport: AlphaVantageTransport,
  symbol: string | undefined,
  options?: RequestOptions,
): Promise<readonly NewsItem[]> {
  const tickers = symbol === undefined ? undefined : requested(symbol).wire;
  const call = { function: 'NEWS_SENTIMENT', params: { tickers, sort: 'LATEST', limit: NEWS_LIMIT } } as const;
  return parseNewsSentiment(await transport.query(call, options?.signal)).slice(0, NEWS_LIMIT);
}
