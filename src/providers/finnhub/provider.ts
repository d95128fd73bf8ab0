import type { Clock } from '../../engine/clock.js';
import { normalizeSymbol } from '../../engine/instrument.js';
import { DAY_MS, INTERVALS, type Interval } from '../../engine/interval.js';
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
import { requireCanonical, unsupportedSymbol } from '../symbols.js';
import { usEquityMarketState } from '../us-market-hours.js';
import { createFinnhubTransport, type FinnhubHttpOptions, type FinnhubTransport } from './http.js';
import { parseCandles, parseCompanyNews, parseQuote } from './parse.js';
import { FINNHUB, toFinnhubSymbol } from './symbols.js';

export interface FinnhubProviderOptions {
  readonly clock: Clock;
  /** Where the key comes from; asked on the first request only. */
  readonly credentials?: Credentials;
  readonly http?: FinnhubHttpOptions;
}

/**
 * Free plan: 60 calls a minute, US stock quotes and company news. Candles (history) need a paid
 * plan since 2024; a free key gets `not-entitled` for them. The quote endpoint takes one symbol.
 */
export const FINNHUB_CAPABILITIES: ProviderCapabilities = {
  assetClasses: ['equity', 'etf'],
  intervals: INTERVALS,
  quotes: true,
  history: true,
  search: false,
  news: true,
  streaming: true,
  requiresKey: true,
  maxSymbolsPerQuote: 1,
  quota: { perMinute: 60 },
  simulated: false,
};

const RESOLUTION: Readonly<Record<Interval, string>> = {
  '1m': '1',
  '5m': '5',
  '15m': '15',
  '30m': '30',
  '1h': '60',
  '1d': 'D',
  '1wk': 'W',
  '1mo': 'M',
};

/** Company news covers the past week; the newest items are kept. */
const NEWS_DAYS = 7;
const NEWS_LIMIT = 20;

/** Finnhub (keyed): US stock quotes, candles on paid plans, company and market news. No search. */
export function createFinnhubProvider(options: FinnhubProviderOptions): MarketDataProvider {
  const apiKey = lazyApiKey(FINNHUB, 'Finnhub', options.credentials);
  const transport = createFinnhubTransport({ ...options.http, clock: options.clock, apiKey });
  const { clock } = options;
  return redactingProvider(
    {
      id: FINNHUB,
      displayName: 'Finnhub',
      capabilities: FINNHUB_CAPABILITIES,
      getQuotes: (symbols, request) => getQuotes(transport, clock, symbols, request),
      getHistory: (request, requestOptions) => getHistory(transport, request, requestOptions),
      search: () =>
        Promise.reject(
          new ProviderError(FINNHUB, 'unsupported-operation', 'finnhub: symbol search is not offered here', false, {
            hint: 'search with Yahoo or Alpha Vantage',
          }),
        ),
      getNews: (symbol, request) => getNews(transport, clock, symbol, request),
    },
    apiKey.secrets,
  );
}

/** The canonical symbol and Finnhub's, for shares only: the free quote endpoint covers US stocks. */
function requested(text: string): { symbol: string; wire: string } {
  const symbol = normalizeSymbol(text);
  if (!symbol) throw unsupportedSymbol(FINNHUB, text, 'it is not a symbol');
  if (requireCanonical(FINNHUB, symbol).kind !== 'security') {
    throw unsupportedSymbol(FINNHUB, symbol, 'Finnhub quotes and candles cover stocks only', 'Yahoo covers the rest');
  }
  return { symbol, wire: toFinnhubSymbol(symbol) };
}

async function getQuotes(
  transport: FinnhubTransport,
  clock: Clock,
  symbols: readonly string[],
  options?: RequestOptions,
): Promise<QuoteBatch> {
  const { wanted, failures } = mapSymbols(symbols, requested);
  const marketState = () => usEquityMarketState(clock.nowMs());
  return quoteEach(
    [...wanted.keys()],
    async (symbol) =>
      parseQuote(await transport.quote(wanted.get(symbol) as string, symbol, options?.signal), { symbol, marketState }),
    failures,
  );
}

async function getHistory(
  transport: FinnhubTransport,
  request: HistoryRequest,
  options?: RequestOptions,
): Promise<History> {
  const { symbol, wire } = requested(request.symbol);
  const instrument = instrumentFromSymbol(FINNHUB, symbol, 'FINNHUB');
  const { fromMs, toMs, interval } = request;
  if (!(toMs > fromMs)) {
    throw new ProviderError(FINNHUB, 'range-unavailable', 'finnhub: the history range is empty', false, {
      hint: 'ask for a range whose end is after its start',
    });
  }
  const query = {
    symbol: wire,
    resolution: RESOLUTION[interval],
    from: Math.floor(fromMs / 1000),
    to: Math.floor((toMs - 1) / 1000),
  };
  const bars = parseCandles(await transport.candles(query, symbol, options?.signal), interval);
  return { instrument, interval, bars: bars.filter((bar) => bar.tsMs >= fromMs && bar.tsMs < toMs) };
}

async function getNews(
  transport: FinnhubTransport,
  clock: Clock,
  symbol: string | undefined,
  options?: RequestOptions,
): Promise<readonly NewsItem[]> {
  if (symbol === undefined) return parseCompanyNews(await transport.marketNews(options?.signal)).slice(0, NEWS_LIMIT);
  const { symbol: canonical, wire } = requested(symbol);
  const nowMs = clock.nowMs();
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const body = await transport.companyNews(
    wire,
    date(nowMs - NEWS_DAYS * DAY_MS),
    date(nowMs),
    canonical,
    options?.signal,
  );
  return parseCompanyNews(body).slice(0, NEWS_LIMIT);
}
