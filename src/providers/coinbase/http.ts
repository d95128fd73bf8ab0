import type { Dispatcher } from 'undici';
import type { Clock } from '../../engine/clock.js';
import { createHttpClient, type HttpClient, type Query } from '../http/client.js';
import { HttpStatusError } from '../http/errors.js';
import { classifyError } from './parse.js';
import { COINBASE } from './symbols.js';

/** Coinbase Exchange public REST: no key for market data. */
export const COINBASE_BASE_URL = 'https://api.exchange.coinbase.com';
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Most candles one candles request returns. */
export const CANDLES_LIMIT = 300;
/** The Exchange API answers 400 to requests without a User-Agent. */
export const USER_AGENT = 'stockato';

export interface CoinbaseHttpOptions {
  /** Default https://api.exchange.coinbase.com. */
  readonly baseUrl?: string;
  /** Per request, headers and body; default 10 s. */
  readonly timeoutMs?: number;
  /** An undici Agent or MockAgent; the global dispatcher when omitted. */
  readonly dispatcher?: Dispatcher;
}

export interface CandlesQuery {
  /** Seconds per candle: 60, 300, 900, 3600, 21600 or 86400. */
  readonly granularity: number;
  /** ISO 8601; the API includes candles that start at `start` and at `end`. */
  readonly start: string;
  readonly end: string;
}

/**
 * The public Exchange endpoints stockato uses; each returns the JSON body unchecked. `symbol` is
 * the canonical symbol the request is about, so a 404 becomes UnknownSymbolError naming it.
 */
export interface CoinbaseTransport {
  candles(productId: string, query: CandlesQuery, symbol: string, signal?: AbortSignal): Promise<unknown>;
  ticker(productId: string, symbol: string, signal?: AbortSignal): Promise<unknown>;
  stats(productId: string, symbol: string, signal?: AbortSignal): Promise<unknown>;
  products(signal?: AbortSignal): Promise<unknown>;
}

/**
 * HTTP transport for Coinbase Exchange. Non-2xx answers go through Coinbase's `classifyError`
 * (404 -> UnknownSymbolError); 429, timeouts and bodies that are not JSON keep the shared client's errors.
 */
export function createCoinbaseTransport(options: CoinbaseHttpOptions & { readonly clock: Clock }): CoinbaseTransport {
  const client = createHttpClient({
    provider: COINBASE,
    baseUrl: options.baseUrl ?? COINBASE_BASE_URL,
    userAgent: USER_AGENT,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    clock: options.clock,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const product = (id: string) => `/products/${encodeURIComponent(id)}`;
  return {
    candles: (id, query, symbol, signal) => getJson(client, `${product(id)}/candles`, { ...query }, symbol, signal),
    ticker: (id, symbol, signal) => getJson(client, `${product(id)}/ticker`, {}, symbol, signal),
    stats: (id, symbol, signal) => getJson(client, `${product(id)}/stats`, {}, symbol, signal),
    products: (signal) => getJson(client, '/products', {}, undefined, signal),
  };
}

async function getJson(
  client: HttpClient,
  path: string,
  query: Query,
  symbol: string | undefined,
  signal?: AbortSignal,
): Promise<unknown> {
  try {
    return await client.getJson<unknown>(path, query, { signal });
  } catch (error) {
    if (!(error instanceof HttpStatusError)) throw error;
    throw classifyError(error.status, error.body, symbol === undefined ? {} : { symbol });
  }
}
