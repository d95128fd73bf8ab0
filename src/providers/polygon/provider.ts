import type { Bar } from '../../engine/bar.js';
import type { Clock } from '../../engine/clock.js';
import { normalizeSymbol } from '../../engine/instrument.js';
import { DAY_MS, INTERVALS, type Interval } from '../../engine/interval.js';
import type { Quote } from '../../engine/quote.js';
import { ProviderError, UnknownSymbolError } from '../../errors.js';
import type { Credentials } from '../../secrets/credentials.js';
import { zonedWallTimeToUtcMs } from '../alphavantage/time.js';
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
import { quoteEach } from '../quote-each.js';
import { redactingProvider } from '../redacting-provider.js';
import { currencyOf, requireCanonical, unsupportedSymbol, type CanonicalSymbol } from '../symbols.js';
import { marketStateOfKind } from '../us-market-hours.js';
import {
  createPolygonTransport,
  type AggregatesQuery,
  type PolygonHttpOptions,
  type PolygonTransport,
  type SnapshotMarket,
} from './http.js';
import { parseAggregates, parseNews, parseSnapshotList } from './parse.js';
import { POLYGON, toPolygonTicker } from './symbols.js';

export interface PolygonProviderOptions {
  readonly clock: Clock;
  /** Where the key comes from; asked on the first request only. */
  readonly credentials?: Credentials;
  readonly http?: PolygonHttpOptions;
}

/** Tickers per snapshot request: Polygon sets no limit, this keeps the URL short. */
export const SNAPSHOT_BATCH_LIMIT = 50;
/** One history request may take at most this many pages of 50,000 bars. */
export const MAX_AGGREGATE_PAGES = 20;
/** The end-of-day quote reads the daily bars of this many days back, to find two sessions. */
const EOD_LOOKBACK_DAYS = 14;
const NEWS_LIMIT = 20;

/**
 * The free plan allows 5 requests a minute and end-of-day data for two years; snapshots need a
 * paid plan, so quotes fall back to the last two daily bars there (see getQuotes).
 */
export const POLYGON_CAPABILITIES: ProviderCapabilities = {
  assetClasses: ['equity', 'etf', 'index', 'fx', 'crypto'],
  intervals: INTERVALS,
  quotes: true,
  history: true,
  search: false,
  news: true,
  streaming: true,
  requiresKey: true,
  maxSymbolsPerQuote: SNAPSHOT_BATCH_LIMIT,
  quota: { perMinute: 5 },
  simulated: false,
};

const TIMESPAN: Readonly<Record<Interval, Pick<AggregatesQuery, 'multiplier' | 'timespan'>>> = {
  '1m': { multiplier: 1, timespan: 'minute' },
  '5m': { multiplier: 5, timespan: 'minute' },
  '15m': { multiplier: 15, timespan: 'minute' },
  '30m': { multiplier: 30, timespan: 'minute' },
  '1h': { multiplier: 1, timespan: 'hour' },
  '1d': { multiplier: 1, timespan: 'day' },
  '1wk': { multiplier: 1, timespan: 'week' },
  '1mo': { multiplier: 1, timespan: 'month' },
};

interface Requested {
  readonly symbol: string;
  readonly ticker: string;
  readonly canonical: CanonicalSymbol;
}

/** Polygon/Massive (keyed): snapshot or end-of-day quotes, aggregates, news. No symbol search. */
export function createPolygonProvider(options: PolygonProviderOptions): MarketDataProvider {
  const apiKey = lazyApiKey(POLYGON, 'Polygon/Massive', options.credentials);
  const transport = createPolygonTransport({ ...options.http, clock: options.clock, apiKey });
  const state = { snapshotsDenied: false };
  return redactingProvider(
    {
      id: POLYGON,
      displayName: 'Polygon/Massive',
      capabilities: POLYGON_CAPABILITIES,
      getQuotes: (symbols, request) => getQuotes(transport, options.clock, state, symbols, request),
      getHistory: (request, requestOptions) => getHistory(transport, request, requestOptions),
      search: () =>
        Promise.reject(
          new ProviderError(POLYGON, 'unsupported-operation', 'polygon: symbol search is not offered here', false, {
            hint: 'search with Yahoo or Alpha Vantage',
          }),
        ),
      getNews: async (symbol, request) => {
        const ticker = symbol === undefined ? undefined : requested(symbol).ticker;
        return parseNews(await transport.news(ticker, NEWS_LIMIT, request?.signal));
      },
    },
    apiKey.secrets,
  );
}

function requested(text: string): Requested {
  const symbol = normalizeSymbol(text);
  if (!symbol) throw unsupportedSymbol(POLYGON, text, 'it is not a symbol');
  return { symbol, ticker: toPolygonTicker(symbol), canonical: requireCanonical(POLYGON, symbol) };
}

const MARKET_OF: Partial<Record<CanonicalSymbol['kind'], SnapshotMarket>> = {
  security: 'stocks',
  crypto: 'crypto',
  fx: 'forex',
};

/**
 * Snapshots per market in batches (one request for up to 50 symbols). The free plan answers
 * snapshots with 403 not-entitled; from then on (for this provider's life) quotes come from the
 * last two daily bars instead, one request per symbol: the latest close as the price and the one
 * before as the previous close. Indices have no v2 snapshot and always take that path.
 */
async function getQuotes(
  transport: PolygonTransport,
  clock: Clock,
  state: { snapshotsDenied: boolean },
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
  const snapshot = await snapshotPass(transport, clock, state, [...unique.values()], options?.signal);
  const bySymbol = new Map(snapshot.endOfDay.map((item) => [item.symbol, item]));
  const eod = await quoteEach([...bySymbol.keys()], (symbol) =>
    endOfDayQuote(transport, clock, bySymbol.get(symbol) as Requested, options?.signal),
  );
  return {
    quotes: [...snapshot.quotes, ...eod.quotes],
    failures: [...failures, ...snapshot.failures, ...eod.failures],
  };
}

/**
 * Snapshot quotes for every symbol a snapshot family covers, unless snapshots were denied; what
 * is left (indices, denied batches) comes back in `endOfDay`. Any other failure rejects the call.
 */
async function snapshotPass(
  transport: PolygonTransport,
  clock: Clock,
  state: { snapshotsDenied: boolean },
  items: readonly Requested[],
  signal?: AbortSignal,
): Promise<QuoteBatch & { endOfDay: Requested[] }> {
  const quotes: Quote[] = [];
  const failures: SymbolFailure[] = [];
  const endOfDay = items.filter((item) => MARKET_OF[item.canonical.kind] === undefined);
  for (const market of ['stocks', 'crypto', 'forex'] as const) {
    const group = items.filter((item) => MARKET_OF[item.canonical.kind] === market);
    for (let start = 0; start < group.length; start += SNAPSHOT_BATCH_LIMIT) {
      const batch = group.slice(start, start + SNAPSHOT_BATCH_LIMIT);
      if (state.snapshotsDenied) {
        endOfDay.push(...batch);
        continue;
      }
      try {
        const tickers = batch.map((item) => item.ticker);
        const result = snapshotQuotes(await transport.snapshots(market, tickers, signal), batch, clock);
        quotes.push(...result.quotes);
        failures.push(...result.failures);
      } catch (error) {
        if (!(error instanceof ProviderError) || error.code !== 'not-entitled') throw error;
        state.snapshotsDenied = true;
        endOfDay.push(...batch);
      }
    }
  }
  return { quotes, failures, endOfDay };
}

function snapshotQuotes(body: unknown, batch: readonly Requested[], clock: Clock): QuoteBatch {
  const nowMs = clock.nowMs();
  const kind = batch[0]?.canonical.kind ?? 'security';
  const received = new Map<string, Quote>();
  for (const quote of parseSnapshotList(body, { marketState: () => marketStateOfKind(kind, nowMs) })) {
    received.set(quote.symbol, quote);
  }
  const quotes: Quote[] = [];
  const failures: SymbolFailure[] = [];
  for (const { symbol } of batch) {
    const quote = received.get(symbol);
    if (quote) quotes.push(quote);
    else failures.push({ symbol, error: new UnknownSymbolError(POLYGON, symbol) });
  }
  return { quotes, failures };
}

/** A quote from the last two daily bars before today (New York date), as the free plan allows. */
async function endOfDayQuote(
  transport: PolygonTransport,
  clock: Clock,
  item: Requested,
  signal?: AbortSignal,
): Promise<Quote> {
  const nowMs = clock.nowMs();
  // New York's wall clock now, read as if it were UTC; its date's midnight, back in UTC.
  const wallNowMs = 2 * nowMs - zonedWallTimeToUtcMs(nowMs, 'America/New_York');
  const todayNewYorkMs = zonedWallTimeToUtcMs(Math.floor(wallNowMs / DAY_MS) * DAY_MS, 'America/New_York');
  const query = {
    ticker: item.ticker,
    ...TIMESPAN['1d'],
    fromMs: nowMs - EOD_LOOKBACK_DAYS * DAY_MS,
    toMs: Math.min(nowMs, todayNewYorkMs) - 1,
  };
  const { bars } = parseAggregates(await transport.aggregates(query, item.symbol, signal), '1d');
  const [previous, latest] = bars.slice(-2);
  if (!latest) throw new UnknownSymbolError(POLYGON, item.symbol);
  if (!previous) {
    throw new ProviderError(
      POLYGON,
      'range-unavailable',
      `polygon has one daily bar for ${item.symbol} in the past ${EOD_LOOKBACK_DAYS} days; a quote needs two`,
      false,
    );
  }
  return eodQuote(item, latest, previous, nowMs);
}

function eodQuote(item: Requested, latest: Bar, previous: Bar, nowMs: number): Quote {
  const closeMs =
    item.canonical.kind === 'crypto' || item.canonical.kind === 'fx'
      ? latest.tsMs + DAY_MS
      : zonedWallTimeToUtcMs(latest.tsMs + 16 * 3_600_000, 'America/New_York');
  return {
    symbol: item.symbol,
    name: item.symbol,
    currency: currencyOf(item.canonical) ?? 'USD',
    last: latest.close,
    open: latest.open,
    high: latest.high,
    low: latest.low,
    previousClose: previous.close,
    volume: latest.volume,
    tsMs: Math.min(closeMs, nowMs),
    marketState: marketStateOfKind(item.canonical.kind, nowMs),
    source: POLYGON,
    demo: false,
  };
}

/** Aggregates in [fromMs, toMs), following next_url for at most MAX_AGGREGATE_PAGES pages. */
async function getHistory(
  transport: PolygonTransport,
  request: HistoryRequest,
  options?: RequestOptions,
): Promise<History> {
  const item = requested(request.symbol);
  const instrument = instrumentFromSymbol(POLYGON, item.symbol, 'POLYGON');
  const { fromMs, toMs, interval } = request;
  if (!(toMs > fromMs)) {
    throw new ProviderError(POLYGON, 'range-unavailable', 'polygon: the history range is empty', false, {
      hint: 'ask for a range whose end is after its start',
    });
  }
  const query = { ticker: item.ticker, ...TIMESPAN[interval], fromMs, toMs: toMs - 1 };
  let page = parseAggregates(await transport.aggregates(query, item.symbol, options?.signal), interval);
  const bars = [...page.bars];
  for (let pages = 1; page.nextUrl !== undefined && pages < MAX_AGGREGATE_PAGES; pages++) {
    page = parseAggregates(await transport.nextPage(page.nextUrl, item.symbol, options?.signal), interval);
    bars.push(...page.bars);
  }
  const inRange = bars.filter((bar) => bar.tsMs >= fromMs && bar.tsMs < toMs);
  return { instrument, interval, bars: inRange };
}
