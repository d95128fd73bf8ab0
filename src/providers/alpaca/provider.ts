import type { Bar } from '../../engine/bar.js';
import type { Clock } from '../../engine/clock.js';
import { normalizeSymbol } from '../../engine/instrument.js';
import { INTERVALS, type Interval } from '../../engine/interval.js';
import type { Quote } from '../../engine/quote.js';
import { ProviderError } from '../../errors.js';
import type { Credentials } from '../../secrets/credentials.js';
import { lazyApiKey } from '../api-key.js';
import { instrumentFromSymbol } from '../canonical-instrument.js';
import type {
  History,
  HistoryRequest,
  MarketDataProvider,
  ProviderCapabilities,
  QuoteBatch,
  RequestOptions,
  SymbolFailure,
} from '../provider.js';
import { redactingProvider } from '../redacting-provider.js';
import { requireCanonical, unsupportedSymbol } from '../symbols.js';
import { usEquityMarketState } from '../us-market-hours.js';
import { createAlpacaTransport, type AlpacaHttpOptions, type AlpacaMarket, type AlpacaTransport } from './http.js';
import { parseBars, parseNews, parseSnapshots } from './parse.js';
import { ALPACA, toAlpacaSymbol } from './symbols.js';

export interface AlpacaProviderOptions {
  readonly clock: Clock;
  /** Where the `KEY_ID:SECRET_KEY` credential comes from; asked on the first request only. */
  readonly credentials?: Credentials;
  readonly http?: AlpacaHttpOptions;
}

/** Symbols per snapshot request; Alpaca takes more, this keeps the URL short. */
export const SNAPSHOT_BATCH_LIMIT = 100;
/** One history request may take at most this many pages of 10,000 bars. */
export const MAX_BAR_PAGES = 20;
const NEWS_LIMIT = 20;

/** Market data on the free plan: IEX stock prices, crypto, Benzinga news; 200 requests a minute. */
export const ALPACA_CAPABILITIES: ProviderCapabilities = {
  assetClasses: ['equity', 'etf', 'crypto'],
  intervals: INTERVALS,
  quotes: true,
  history: true,
  search: false,
  news: true,
  streaming: true,
  requiresKey: true,
  maxSymbolsPerQuote: SNAPSHOT_BATCH_LIMIT,
  quota: { perMinute: 200 },
  simulated: false,
};

const TIMEFRAME: Readonly<Record<Interval, string>> = {
  '1m': '1Min',
  '5m': '5Min',
  '15m': '15Min',
  '30m': '30Min',
  '1h': '1Hour',
  '1d': '1Day',
  '1wk': '1Week',
  '1mo': '1Month',
};

/** Alpaca market data (keyed): snapshot quotes, bars and news for US shares and crypto. No search. */
export function createAlpacaProvider(options: AlpacaProviderOptions): MarketDataProvider {
  const apiKey = lazyApiKey(ALPACA, 'Alpaca', options.credentials);
  const transport = createAlpacaTransport({ ...options.http, clock: options.clock, apiKey });
  return redactingProvider(
    {
      id: ALPACA,
      displayName: 'Alpaca',
      capabilities: ALPACA_CAPABILITIES,
      getQuotes: (symbols, request) => getQuotes(transport, options.clock, symbols, request),
      getHistory: (request, requestOptions) => getHistory(transport, request, requestOptions),
      search: () =>
        Promise.reject(
          new ProviderError(ALPACA, 'unsupported-operation', 'alpaca: symbol search is not offered here', false, {
            hint: 'search with Yahoo or Alpha Vantage',
          }),
        ),
      getNews: async (symbol, request) => {
        const wire = symbol === undefined ? undefined : requested(symbol).wire;
        return parseNews(await transport.news(wire, NEWS_LIMIT, request?.signal)).news;
      },
    },
    apiKey.secrets,
  );
}

interface Requested {
  readonly symbol: string;
  readonly wire: string;
  readonly market: AlpacaMarket;
}

function requested(text: string): Requested {
  const symbol = normalizeSymbol(text);
  if (!symbol) throw unsupportedSymbol(ALPACA, text, 'it is not a symbol');
  const wire = toAlpacaSymbol(symbol);
  return { symbol, wire, market: requireCanonical(ALPACA, symbol).kind === 'crypto' ? 'crypto' : 'stocks' };
}

/**
 * Snapshots per market in batches. A batch that fails as a whole puts its symbols into
 * `failures`; when nothing succeeded, the first such error is thrown so that a router can fall back.
 */
async function getQuotes(
  transport: AlpacaTransport,
  clock: Clock,
  symbols: readonly string[],
  options?: RequestOptions,
): Promise<QuoteBatch> {
  const failures: SymbolFailure[] = [];
  const unique = new Map<string, Requested>();
  for (const text of symbols) {
    try {
      const item = requested(text);
      unique.set(item.symbol, item);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      failures.push({ symbol: text, error });
    }
  }
  const quotes: Quote[] = [];
  let batchError: ProviderError | undefined;
  const marketState = () => usEquityMarketState(clock.nowMs());
  for (const market of ['stocks', 'crypto'] as const) {
    const group = [...unique.values()].filter((item) => item.market === market);
    for (let start = 0; start < group.length; start += SNAPSHOT_BATCH_LIMIT) {
      const batch = group.slice(start, start + SNAPSHOT_BATCH_LIMIT);
      try {
        const body = await transport.snapshots(
          market,
          batch.map((item) => item.wire),
          options?.signal,
        );
        const parsed = parseSnapshots(body, { symbols: batch.map((item) => item.symbol), marketState });
        quotes.push(...parsed.quotes);
        failures.push(...parsed.failures);
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        batchError ??= error;
        failures.push(...batch.map(({ symbol }) => ({ symbol, error })));
      }
    }
  }
  if (batchError && quotes.length === 0) throw batchError;
  return { quotes, failures };
}

/** Bars in [fromMs, toMs), following next_page_token for at most MAX_BAR_PAGES pages. */
async function getHistory(
  transport: AlpacaTransport,
  request: HistoryRequest,
  options?: RequestOptions,
): Promise<History> {
  const item = requested(request.symbol);
  const instrument = instrumentFromSymbol(ALPACA, item.symbol, 'ALPACA');
  const { fromMs, toMs, interval } = request;
  if (!(toMs > fromMs)) {
    throw new ProviderError(ALPACA, 'range-unavailable', 'alpaca: the history range is empty', false, {
      hint: 'ask for a range whose end is after its start',
    });
  }
  const query = {
    symbol: item.wire,
    timeframe: TIMEFRAME[interval],
    start: new Date(fromMs).toISOString(),
    end: new Date(toMs - 1).toISOString(),
  };
  const bars: Bar[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_BAR_PAGES; page++) {
    const body = await transport.bars(
      item.market,
      pageToken === undefined ? query : { ...query, pageToken },
      item.symbol,
      options?.signal,
    );
    const parsed = parseBars(body, interval);
    bars.push(...(parsed.bars.get(item.symbol) ?? []));
    pageToken = parsed.nextPageToken;
    if (pageToken === undefined) break;
  }
  return { instrument, interval, bars: bars.filter((bar) => bar.tsMs >= fromMs && bar.tsMs < toMs) };
}
