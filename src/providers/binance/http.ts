import type { Dispatcher } from 'undici';
import type { Clock } from '../../engine/clock.js';
import { createHttpClient, type HttpClient, type Query } from '../http/client.js';
import { HttpStatusError } from '../http/errors.js';
import { classifyError } from './parse.js';
import { BINANCE } from './symbols.js';

/** The market-data-only host: no account endpoints, and reachable where api.binance.com is not. */
export const BINANCE_BASE_URL = 'https://data-api.binance.vision';
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Most klines Binance returns per request. */
export const KLINES_LIMIT = 1000;
/**
 * Most symbols per ticker/24hr request. Up to 20 symbols weigh 2, up to 100 weigh 40; past 100 the
 * weight is 80 and the URL grows long, so bigger batches are split.
 */
export const TICKER_BATCH_LIMIT = 100;

export interface BinanceHttpOptions {
  /** Default https://data-api.binance.vision. */
  readonly baseUrl?: string;
  /** Per request, headers and body; default 10 s. */
  readonly timeoutMs?: number;
  /** An undici Agent or MockAgent; the global dispatcher when omitted. */
  readonly dispatcher?: Dispatcher;
}

export interface KlinesQuery {
  /** Binance's symbol, `BTCUSDT`. */
  readonly symbol: string;
  /** Binance's interval name (`1m`, `1w`, `1M`). */
  readonly interval: string;
  /** Epoch ms, inclusive: klines that open at or after it. */
  readonly startTime: number;
  /** Epoch ms, inclusive: klines that open at or before it. */
  readonly endTime: number;
  readonly limit: number;
}

/** The three public Binance Spot endpoints stockato uses; each returns the JSON body unchecked. */
export interface BinanceTransport {
  /** `GET /api/v3/ticker/24hr?symbols=[...]`; `context` names the canonical symbol in errors. */
  tickers24hr(wireSymbols: readonly string[], context: string | undefined, signal?: AbortSignal): Promise<unknown>;
  klines(query: KlinesQuery, context: string, signal?: AbortSignal): Promise<unknown>;
  exchangeInfo(signal?: AbortSignal): Promise<unknown>;
}

/**
 * HTTP transport for Binance Spot market data (keyless). Non-2xx answers become the errors of
 * Binance's `classifyError` (400 -1121 -> UnknownSymbolError, 451 -> restricted-location, 418 and
 * 403 -> RateLimitError); 429, timeouts and bodies that are not JSON keep the shared client's errors.
 */
export function createBinanceTransport(options: BinanceHttpOptions & { readonly clock: Clock }): BinanceTransport {
  const client = createHttpClient({
    provider: BINANCE,
    baseUrl: options.baseUrl ?? BINANCE_BASE_URL,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    clock: options.clock,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  return {
    tickers24hr: (wireSymbols, context, signal) =>
      getJson(client, '/api/v3/ticker/24hr', { symbols: JSON.stringify(wireSymbols) }, context, signal),
    klines: (query, context, signal) => getJson(client, '/api/v3/klines', { ...query }, context, signal),
    exchangeInfo: (signal) => getJson(client, '/api/v3/exchangeInfo', {}, undefined, signal),
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
