import type { Clock } from '../engine/clock.js';
import type { ProviderError } from '../errors.js';
import { parseJson, type HttpClient, type Query } from './http/client.js';
import { redactError } from './http/redact.js';
import { parseRetryAfter } from './http/retry-after.js';
import type { ErrorContext } from './wire-guards.js';

/** A provider's status-and-body classifier (`classifyError` of polygon/finnhub/alpaca/alphavantage). */
export type ClassifyError = (status: number, body: unknown, context: ErrorContext) => ProviderError;

export interface KeyedEndpoint {
  readonly client: HttpClient;
  readonly clock: Clock;
  readonly classify: ClassifyError;
  /** JSON.parse by default; Polygon keeps nanosecond integers exact. */
  readonly parse?: (text: string) => unknown;
}

export interface KeyedCall {
  readonly path: string;
  readonly query?: Query;
  /** Auth headers and the like; never printed. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The canonical symbol the call is about, for UnknownSymbolError. */
  readonly symbol?: string;
  /** Everything secret in this call (the key, or Alpaca's id and secret): scrubbed from any error. */
  readonly secrets: readonly string[];
  readonly signal?: AbortSignal;
}

/**
 * One GET to a keyed API. A 2xx body is parsed (a body that is not JSON, or was cut short, is
 * ProviderError `malformed`); any other status goes to the provider's classifier with the symbol
 * and the Retry-After wait. Timeouts and network failures keep the shared client's errors. Every
 * error that leaves has the secrets scrubbed from it; a caller's abort reason is rethrown as is.
 */
export async function getKeyedJson(endpoint: KeyedEndpoint, call: KeyedCall): Promise<unknown> {
  const { client, clock, classify } = endpoint;
  try {
    const response = await client.get(call.path, call.query ?? {}, {
      ...(call.signal ? { signal: call.signal } : {}),
      headers: { accept: 'application/json', ...call.headers },
    });
    if (response.status >= 200 && response.status < 300) return parseBody(endpoint, response.url, response.text);
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], clock.nowMs());
    throw classify(response.status, response.text, {
      ...(call.symbol === undefined ? {} : { symbol: call.symbol }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  } catch (error) {
    throw redactError(error, call.secrets);
  }
}

function parseBody(endpoint: KeyedEndpoint, url: string, text: string): unknown {
  if (!endpoint.parse) return parseJson<unknown>(endpoint.client.provider, url, text);
  try {
    return endpoint.parse(text);
  } catch {
    // The custom parser failed on text that is not JSON: the shared message says so, with an excerpt.
    return parseJson<unknown>(endpoint.client.provider, url, text);
  }
}
