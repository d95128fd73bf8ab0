import type { Dispatcher } from 'undici';
import type { Clock } from '../../engine/clock.js';
import { RateLimitError } from '../../errors.js';
import { createHttpClient, type HttpClient, type Query } from '../http/client.js';
import { HttpStatusError } from '../http/errors.js';
import { classifyError } from './parse.js';
import { COINGECKO } from './symbols.js';

/** The public (keyless) and Demo-plan root. */
export const COINGECKO_BASE_URL = 'https://api.coingecko.com/api/v3';
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface CoinGeckoHttpOptions {
  /** Default https://api.coingecko.com/api/v3. */
  readonly baseUrl?: string;
  /** Per request, headers and body; default 10 s. */
  readonly timeoutMs?: number;
  /** An undici Agent or MockAgent; the global dispatcher when omitted. */
  readonly dispatcher?: Dispatcher;
}

/** The two CoinGecko endpoints stockato uses; each returns the JSON body unchecked. */
export interface CoinGeckoTransport {
  /** `/simple/price` for every id in every vs currency, with 24h change, 24h volume and update time. */
  simplePrice(ids: readonly string[], vsCurrencies: readonly string[], signal?: AbortSignal): Promise<unknown>;
  /** `/coins/{id}/market_chart`, one sample a day for the last `days` days; `symbol` names errors. */
  marketChart(id: string, vsCurrency: string, days: number, symbol: string, signal?: AbortSignal): Promise<unknown>;
}

/**
 * HTTP transport for CoinGecko (keyless). Non-2xx answers go through CoinGecko's `classifyError`
 * (404 coin not found -> UnknownSymbolError, 10012 -> history-limit). A 429 keeps its Retry-After
 * wait unless it is 0, which CoinGecko sends often and which says nothing.
 */
export function createCoinGeckoTransport(
  options: CoinGeckoHttpOptions & { readonly clock: Clock },
): CoinGeckoTransport {
  const client = createHttpClient({
    provider: COINGECKO,
    baseUrl: options.baseUrl ?? COINGECKO_BASE_URL,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    clock: options.clock,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  return {
    simplePrice: (ids, vsCurrencies, signal) =>
      getJson(
        client,
        '/simple/price',
        {
          ids: ids.join(','),
          vs_currencies: vsCurrencies.join(','),
          include_24hr_change: true,
          include_24hr_vol: true,
          include_last_updated_at: true,
        },
        undefined,
        signal,
      ),
    marketChart: (id, vsCurrency, days, symbol, signal) =>
      getJson(
        client,
        `/coins/${encodeURIComponent(id)}/market_chart`,
        { vs_currency: vsCurrency, days, interval: 'daily' },
        symbol,
        signal,
      ),
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
    if (error instanceof RateLimitError) {
      throw classifyError(429, '', error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs });
    }
    if (!(error instanceof HttpStatusError)) throw error;
    throw classifyError(error.status, error.body, symbol === undefined ? {} : { symbol });
  }
}
