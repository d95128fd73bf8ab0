import type { Dispatcher } from 'undici';
import type { Clock } from '../../engine/clock.js';
import type { ApiKey } from '../api-key.js';
import { createHttpClient, type Query } from '../http/client.js';
import { getKeyedJson, type KeyedEndpoint } from '../keyed-request.js';
import { classifyError } from './parse.js';
import { FINNHUB } from './symbols.js';

export const FINNHUB_BASE_URL = 'https://finnhub.io/api/v1';
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface FinnhubHttpOptions {
  /** Default https://finnhub.io/api/v1. */
  readonly baseUrl?: string;
  /** Per request, headers and body; default 10 s. */
  readonly timeoutMs?: number;
  /** An undici Agent or MockAgent; the global dispatcher when omitted. */
  readonly dispatcher?: Dispatcher;
}

export interface CandleQuery {
  /** Finnhub's symbol (`AAPL`, `BRK.B`). */
  readonly symbol: string;
  /** `1`, `5`, `15`, `30`, `60`, `D`, `W`, `M`. */
  readonly resolution: string;
  /** Unix seconds, both inclusive. */
  readonly from: number;
  readonly to: number;
}

/** The Finnhub endpoints stockato uses; each returns the JSON body unchecked. `symbol` is canonical, for errors. */
export interface FinnhubTransport {
  quote(wire: string, symbol: string, signal?: AbortSignal): Promise<unknown>;
  /** Premium-only since 2024: a free key gets 403, which becomes `not-entitled`. */
  candles(query: CandleQuery, symbol: string, signal?: AbortSignal): Promise<unknown>;
  /** `/company-news` between two dates (`YYYY-MM-DD`, inclusive). */
  companyNews(wire: string, from: string, to: string, symbol: string, signal?: AbortSignal): Promise<unknown>;
  /** `/news?category=general`: market news, in the company-news shape. */
  marketNews(signal?: AbortSignal): Promise<unknown>;
}

/**
 * HTTP transport for Finnhub. The key goes in the `X-Finnhub-Token` header (Finnhub also accepts
 * `?token=`, which would put it in every URL). Non-2xx answers go through Finnhub's
 * `classifyError`: 401 -> key-rejected, 403 -> not-entitled, 429 -> RateLimitError.
 */
export function createFinnhubTransport(
  options: FinnhubHttpOptions & { readonly clock: Clock; readonly apiKey: ApiKey },
): FinnhubTransport {
  const client = createHttpClient({
    provider: FINNHUB,
    baseUrl: options.baseUrl ?? FINNHUB_BASE_URL,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    clock: options.clock,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const endpoint: KeyedEndpoint = { client, clock: options.clock, classify: classifyError };
  const { apiKey } = options;
  const get = async (path: string, query: Query, symbol: string | undefined, signal?: AbortSignal) => {
    const key = await apiKey.get();
    return getKeyedJson(endpoint, {
      path,
      query,
      headers: { 'x-finnhub-token': key },
      secrets: [key],
      ...(symbol === undefined ? {} : { symbol }),
      ...(signal ? { signal } : {}),
    });
  };
  return {
    quote: (wire, symbol, signal) => get('/quote', { symbol: wire }, symbol, signal),
    candles: (query, symbol, signal) => get('/stock/candle', { ...query }, symbol, signal),
    companyNews: (wire, from, to, symbol, signal) => get('/company-news', { symbol: wire, from, to }, symbol, signal),
    marketNews: (signal) => get('/news', { category: 'general' }, undefined, signal),
  };
}
