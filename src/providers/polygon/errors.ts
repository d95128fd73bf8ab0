import { ProviderError, RateLimitError, UnknownSymbolError } from '../../errors.js';
import { keyRejectedError } from '../api-key.js';
import { errorBodyMessage, genericHttpError, tryParseJson, type ErrorContext } from '../wire-guards.js';
import { POLYGON } from './symbols.js';

/**
 * Status and body -> error. 401 is a missing or unknown key (`key-rejected`). 403 NOT_AUTHORIZED is the plan: data
 * it does not include, or (free plan) today's bars before the end of the day; neither improves by
 * retrying now. 429 is the free plan's 5 requests a minute. 404 is an unknown ticker.
 */
export function classifyError(status: number, body: unknown, context: ErrorContext = {}): ProviderError {
  const message = errorBodyMessage(tryParseJson(body));
  const text = `polygon answered HTTP ${status}${message ? `: ${message}` : ''}`;
  if (status === 429 || /maximum requests per minute/i.test(message ?? '')) {
    return new RateLimitError(POLYGON, text, context.retryAfterMs, {
      hint: 'the free plan allows 5 requests a minute',
    });
  }
  if (/before end of day/i.test(message ?? '')) {
    return new ProviderError(POLYGON, 'not-entitled', text, false, {
      hint: "the free plan serves today's bars after the close; ask for a range that ends yesterday",
    });
  }
  if (status === 403 || /not entitled/i.test(message ?? '')) {
    return new ProviderError(POLYGON, 'not-entitled', text, false, {
      hint: 'the Polygon/Massive plan does not include this data (the free plan has end-of-day aggregates for 2 years)',
    });
  }
  if (status === 401 || /api key/i.test(message ?? '')) return keyRejectedError(POLYGON, `HTTP ${status}: ${message}`);
  if (status === 404 && context.symbol !== undefined)
    return new UnknownSymbolError(POLYGON, context.symbol, { cause: text });
  return genericHttpError(POLYGON, status, message, context);
}

/** An error envelope that arrived with a 2xx status (`"status":"ERROR"` or `"NOT_AUTHORIZED"`) is still an error. */
export function throwIfErrorBody(body: unknown): unknown {
  const status = typeof body === 'object' && body !== null ? (body as { status?: unknown }).status : undefined;
  if (status === 'ERROR' || status === 'NOT_AUTHORIZED' || status === 'NotFound') throw classifyError(200, body);
  return body;
}
