import type { Dispatcher } from 'undici';
import type { Clock } from '../../engine/clock.js';
import type { ApiKey } from '../api-key.js';
import { createHttpClient, type Query } from '../http/client.js';
import { getKeyedJson, type KeyedEndpoint } from '../keyed-request.js';
import { parseJsonKeepingBigIntegers } from '../wire-guards.js';
import { classifyError } from './errors.js';
import { POLYGON } from './symbols.js';

/** Polygon.io became Massive in 2025; api.polygon.io still answers, this is the current host. */
export const POLYGON_BASE_URL = 'https://api.massive.com';
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Most bars one aggregates page carries. */
export const AGGREGATES_LIMIT = 50_000;

export interface PolygonHttpOptions {
  /** Default https://api.massive.com. */
  readonly baseUrl?: string;
  /** Per request, headers and body; default 10 s. */
  readonly timeoutMs?: number;
  /** An undici Agent or MockAgent; the global dispatcher when omitted. */
  readonly dispatcher?: Dispatcher;
}

/** The snapshot families: US stocks, and the global crypto and forex markets. */
export type SnapshotMarket = 'stocks' | 'crypto' | 'forex';

const SNAPSHOT_PATH: Readonly<Record<SnapshotMarket, string>> = {
  stocks: '/v2/snapshot/locale/us/markets/stocks/tickers',
  crypto: '/v2/snapshot/locale/global/markets/crypto/tickers',
  forex: '/v2/snapshot/locale/global/markets/forex/tickers',
};

export interface AggregatesQuery {
  /** Polygon's ticker (`AAPL`, `X:BTCUSD`). */
  readonly ticker: string;
  readonly multiplier: number;
  readonly timespan: 'minute' | 'hour' | 'day' | 'week' | 'month';
  /** Epoch ms, both inclusive. */
  readonly fromMs: number;
  readonly toMs: number;
}

/** The Polygon endpoints stockato uses; each returns the JSON body unchecked. */
export interface PolygonTransport {
  /** Snapshots of several tickers of one market; `symbol` names errors when there is one. */
  snapshots(market: SnapshotMarket, tickers: readonly string[], signal?: AbortSignal): Promise<unknown>;
  /** The first page of `/v2/aggs/ticker/{T}/range/...`, oldest first. */
  aggregates(query: AggregatesQuery, symbol: string, signal?: AbortSignal): Promise<unknown>;
  /**
   * A `next_url` page. Only its path and query are used, on the configured host: the key is
   * never sent to a host named by a response body.
   */
  nextPage(nextUrl: string, symbol: string, signal?: AbortSignal): Promise<unknown>;
  /** `/v2/reference/news`, newest first; for one ticker, or the whole market without one. */
  news(ticker: string | undefined, limit: number, signal?: AbortSignal): Promise<unknown>;
}

/**
 * HTTP transport for Polygon/Massive. The key goes in the `Authorization: Bearer` header (Polygon
 * also accepts `?apiKey=`, which would put it in every URL). Non-2xx answers go through Polygon's
 * `classifyError`: 401 -> key-rejected, 403 -> not-entitled, 429 -> RateLimitError with Retry-After.
 */
export function createPolygonTransport(
  options: PolygonHttpOptions & { readonly clock: Clock; readonly apiKey: ApiKey },
): PolygonTransport {
  const client = createHttpClient({
    provider: POLYGON,
    baseUrl: options.baseUrl ?? POLYGON_BASE_URL,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    clock: options.clock,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const endpoint: KeyedEndpoint = {
    client,
    clock: options.clock,
    classify: classifyError,
    parse: parseJsonKeepingBigIntegers,
  };
  const { apiKey } = options;
  const get = async (path: string, query: Query, symbol: string | undefined, signal?: AbortSignal) => {
    const key = await apiKey.get();
    return getKeyedJson(endpoint, {
      path,
      query,
      headers: { authorization: `Bearer ${key}` },
      secrets: [key],
      ...(symbol === undefined ? {} : { symbol }),
      ...(signal ? { signal } : {}),
    });
  };
  return {
    snapshots: (market, tickers, signal) =>
      get(SNAPSHOT_PATH[market], { tickers: tickers.join(',') }, undefined, signal),
    aggregates: (query, symbol, signal) =>
      get(
        `/v2/aggs/ticker/${query.ticker}/range/${query.multiplier}/${query.timespan}/${query.fromMs}/${query.toMs}`,
        { adjusted: true, sort: 'asc', limit: AGGREGATES_LIMIT },
        symbol,
        signal,
      ),
    nextPage: (nextUrl, symbol, signal) => {
      const next = new URL(nextUrl);
      return get(`${next.pathname}${next.search}`, {}, symbol, signal);
    },
    news: (ticker, limit, signal) =>
      get('/v2/reference/news', { ticker, limit, order: 'desc', sort: 'published_utc' }, undefined, signal),
  };
}
