import type { Dispatcher } from 'undici';
import type { Clock } from '../../engine/clock.js';
import type { ApiKey } from '../api-key.js';
import { createHttpClient, type Query } from '../http/client.js';
import { getKeyedJson, type KeyedEndpoint } from '../keyed-request.js';
import { classifyError } from './errors.js';
import { parseAlpacaKey } from './key.js';
import { ALPACA } from './symbols.js';

export const ALPACA_DATA_URL = 'https://data.alpaca.markets';
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Most bars per page. */
export const BARS_LIMIT = 10_000;

/** `iex` is the free plan's feed; `sip` (all US exchanges) needs a paid plan for recent data. */
export type AlpacaFeed = 'iex' | 'sip';

export interface AlpacaHttpOptions {
  /** Default https://data.alpaca.markets. */
  readonly baseUrl?: string;
  /** Per request, headers and body; default 10 s. */
  readonly timeoutMs?: number;
  /** An undici Agent or MockAgent; the global dispatcher when omitted. */
  readonly dispatcher?: Dispatcher;
  /** Stock feed; default `iex`. */
  readonly feed?: AlpacaFeed;
}

/** Stocks and crypto are separate endpoint families with the same shapes. */
export type AlpacaMarket = 'stocks' | 'crypto';

export interface BarsQuery {
  /** Alpaca's symbol (`AAPL`, `BTC/USD`). */
  readonly symbol: string;
  /** `1Min`, `1Hour`, `1Day`, `1Week`, `1Month`, ... */
  readonly timeframe: string;
  /** RFC 3339, inclusive. */
  readonly start: string;
  /** RFC 3339, inclusive. */
  readonly end: string;
  readonly pageToken?: string;
}

/** The Alpaca market data endpoints stockato uses; each returns the JSON body unchecked. */
export interface AlpacaTransport {
  snapshots(market: AlpacaMarket, wires: readonly string[], signal?: AbortSignal): Promise<unknown>;
  bars(market: AlpacaMarket, query: BarsQuery, symbol: string, signal?: AbortSignal): Promise<unknown>;
  /** `/v1beta1/news`, newest first; all symbols when `wire` is undefined. */
  news(wire: string | undefined, limit: number, signal?: AbortSignal): Promise<unknown>;
}

const PATHS: Readonly<Record<AlpacaMarket, { snapshots: string; bars: string }>> = {
  stocks: { snapshots: '/v2/stocks/snapshots', bars: '/v2/stocks/bars' },
  crypto: { snapshots: '/v1beta3/crypto/us/snapshots', bars: '/v1beta3/crypto/us/bars' },
};

/**
 * HTTP transport for Alpaca market data. The credential is one string `KEY_ID:SECRET_KEY`, sent
 * as the APCA-API-KEY-ID and APCA-API-SECRET-KEY headers. Non-2xx answers go through Alpaca's
 * `classifyError`: 401 -> key-rejected, 403 -> not-entitled (SIP data), 429 -> RateLimitError.
 */
export function createAlpacaTransport(
  options: AlpacaHttpOptions & { readonly clock: Clock; readonly apiKey: ApiKey },
): AlpacaTransport {
  const client = createHttpClient({
    provider: ALPACA,
    baseUrl: options.baseUrl ?? ALPACA_DATA_URL,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    clock: options.clock,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const endpoint: KeyedEndpoint = { client, clock: options.clock, classify: classifyError };
  const { apiKey } = options;
  const feed = options.feed ?? 'iex';
  const get = async (path: string, query: Query, symbol: string | undefined, signal?: AbortSignal) => {
    const value = await apiKey.get();
    const { keyId, secretKey } = parseAlpacaKey(value);
    return getKeyedJson(endpoint, {
      path,
      query,
      headers: { 'apca-api-key-id': keyId, 'apca-api-secret-key': secretKey },
      secrets: [value, keyId, secretKey],
      ...(symbol === undefined ? {} : { symbol }),
      ...(signal ? { signal } : {}),
    });
  };
  const feedOf = (market: AlpacaMarket) => (market === 'stocks' ? feed : undefined);
  return {
    snapshots: (market, wires, signal) =>
      get(PATHS[market].snapshots, { symbols: wires.join(','), feed: feedOf(market) }, undefined, signal),
    bars: (market, query, symbol, signal) =>
      get(
        PATHS[market].bars,
        {
          symbols: query.symbol,
          timeframe: query.timeframe,
          start: query.start,
          end: query.end,
          limit: BARS_LIMIT,
          sort: 'asc',
          page_token: query.pageToken,
          ...(market === 'stocks' ? { adjustment: 'all', feed } : {}),
        },
        symbol,
        signal,
      ),
    news: (wire, limit, signal) => get('/v1beta1/news', { symbols: wire, limit, sort: 'desc' }, undefined, signal),
  };
}
