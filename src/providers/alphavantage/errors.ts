import { ProviderError, RateLimitError, UnknownSymbolError } from '../../errors.js';
import { keyRejectedError } from '../api-key.js';
import { errorBodyMessage, genericHttpError, tryParseJson, type ErrorContext } from '../wire-guards.js';
import { ALPHAVANTAGE } from './symbols.js';
import type { AvErrorBody } from './wire.js';

export type AvContext = ErrorContext;

/** The legacy `Note` throttle was per minute; waiting a minute is what it asks for. */
const NOTE_RETRY_AFTER_MS = 60_000;

/**
 * Alpha Vantage reports every failure with HTTP 200 and one key, so the body decides:
 * - `Note` (legacy 5-a-minute throttle) and `Information` about the rate limit (25 a day) ->
 *   RateLimitError; the daily one says when in its hint, not in retryAfterMs (no reset time is given);
 * - `Information` about a premium endpoint -> `not-entitled`, about the demo key ->
 *   `key-rejected`; neither is retryable;
 * - `Error Message` ("Invalid API call") -> UnknownSymbolError when the call named a symbol (what a
 *   bad symbol produces), else `bad-request`.
 * Other statuses fall back to the shared mapping.
 */
export function classifyError(status: number, body: unknown, context: AvContext = {}): ProviderError {
  const parsed = tryParseJson(body);
  const record: AvErrorBody = typeof parsed === 'object' && parsed !== null ? parsed : {};
  const message = errorBodyMessage(parsed);
  const text = `alphavantage: ${message ?? `HTTP ${status}`}`;
  if (record.Note !== undefined) {
    return new RateLimitError(ALPHAVANTAGE, text, context.retryAfterMs ?? NOTE_RETRY_AFTER_MS, {
      hint: 'Alpha Vantage free keys allow a few calls a minute',
    });
  }
  if (record.Information !== undefined) return informationError(record.Information, text, context);
  if (record['Error Message'] !== undefined) {
    if (context.symbol !== undefined) return new UnknownSymbolError(ALPHAVANTAGE, context.symbol, { cause: text });
    return new ProviderError(ALPHAVANTAGE, 'bad-request', text, false);
  }
  return genericHttpError(ALPHAVANTAGE, status, message, context);
}

function informationError(information: string, text: string, context: AvContext): ProviderError {
  if (/premium (endpoint|feature)/i.test(information)) {
    return new ProviderError(ALPHAVANTAGE, 'not-entitled', text, false, {
      hint: 'this Alpha Vantage function needs a premium plan; Yahoo serves the same data without a key',
    });
  }
  if (/\bdemo\b/i.test(information)) {
    return keyRejectedError(ALPHAVANTAGE, 'the demo key works for the documented examples only, such as IBM');
  }
  if (/rate limit|call frequency|requests per/i.test(information)) {
    return new RateLimitError(ALPHAVANTAGE, text, context.retryAfterMs, {
      hint: 'the free plan allows 25 requests a day; the count starts again the next day',
    });
  }
  return new ProviderError(ALPHAVANTAGE, 'provider-refused', text, false);
}

/** Every parser starts here: a 200 body that carries one of the three keys is an error, not data. */
export function throwIfErrorBody(body: unknown, context: AvContext = {}): unknown {
  if (
    typeof body === 'object' &&
    body !== null &&
    ('Note' in body || 'Information' in body || 'Error Message' in body)
  ) {
    throw classifyError(200, body, context);
  }
  return body;
}
