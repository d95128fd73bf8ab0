import type { Dispatcher } from 'undici';
import type { Clock } from '../../engine/clock.js';
import type { ApiKey } from '../api-key.js';
import { createHttpClient, type QueryValue } from '../http/client.js';
import { redactError } from '../http/redact.js';
import { getKeyedJson, type KeyedEndpoint } from '../keyed-request.js';
import { classifyError, throwIfErrorBody } from './errors.js';
import { ALPHAVANTAGE } from './symbols.js';

export const ALPHAVANTAGE_BASE_URL = 'https://www.alphavantage.co';
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface AlphaVantageHttpOptions {
  /** Default https://www.alphavantage.co. */
  readonly baseUrl?: string;
  /** Per request, headers and body; default 15 s (full daily series are slow to come). */
  readonly timeoutMs?: number;
  /** An undici Agent or MockAgent; the global dispatcher when omitted. */
  readonly dispatcher?: Dispatcher;
}

/** One call of the single `/query` endpoint: the function and its parameters. */
export interface AvCall {
  readonly function: 'GLOBAL_QUOTE' | 'TIME_SERIES_DAILY' | 'NEWS_SENTIMENT' | 'SYMBOL_SEARCH';
  readonly params: Readonly<Record<string, QueryValue>>;
  /** The canonical symbol the call is about: an `Error Message` answer then means an unknown symbol. */
  readonly symbol?: string;
}

export interface AlphaVantageTransport {
  /**
   * The JSON body of a data answer. The answers Alpha Vantage sends with HTTP 200 instead of
   * data are thrown here: `Note`/`Information` throttles as RateLimitError, the premium and demo
   * notices as not-entitled and key-rejected, `Error Message` as UnknownSymbolError or bad-request.
   */
  query(call: AvCall, signal?: AbortSignal): Promise<unknown>;
}

/**
 * HTTP transport for Alpha Vantage. Its only way to take the key is the `apikey` query
 * parameter; error messages name the host and path only, and anything the server echoes back
 * (its throttle notice quotes the key) is scrubbed before an error leaves.
 */
export function createAlphaVantageTransport(
  options: AlphaVantageHttpOptions & { readonly clock: Clock; readonly apiKey: ApiKey },
): AlphaVantageTransport {
  const client = createHttpClient({
    provider: ALPHAVANTAGE,
    baseUrl: options.baseUrl ?? ALPHAVANTAGE_BASE_URL,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    clock: options.clock,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const endpoint: KeyedEndpoint = { client, clock: options.clock, classify: classifyError };
  const { apiKey } = options;
  return {
    query: async (call, signal) => {
      const key = await apiKey.get();
      const context = call.symbol === undefined ? {} : { symbol: call.symbol };
      const body = await getKeyedJson(endpoint, {
        path: '/query',
        query: { function: call.function, ...call.params, apikey: key },
        secrets: [key],
        ...context,
        ...(signal ? { signal } : {}),
      });
      try {
        return throwIfErrorBody(body, context);
      } catch (error) {
        throw redactError(error, [key]);
      }
    },
  };
}
