import { ProviderError, RateLimitError, type AppErrorOptions } from '../../errors.js';
import { describeUrl } from './redact.js';
import { parseRetryAfter } from './retry-after.js';

/**
 * A response with a status the client does not pass through. It is a ProviderError (so a router
 * can read `code` and `retryable`) that also keeps the status and the start of the body, because
 * a provider often needs them to say more (Yahoo's 404 means an unknown symbol on the chart
 * endpoint, its 422 a range too long for the interval).
 */
export class HttpStatusError extends ProviderError {
  constructor(
    provider: string,
    code: string,
    message: string,
    retryable: boolean,
    readonly status: number,
    /** The first part of the body, as text (never parsed). */
    readonly body: string,
    options: AppErrorOptions = {},
  ) {
    super(provider, code, message, retryable, options);
  }
}

export interface StatusContext {
  readonly provider: string;
  readonly url: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  readonly nowMs: number;
  /** Hint for 401/403, which for a keyed provider usually means a wrong or missing key. */
  readonly unauthorizedHint: string;
}

/** The error for a non-2xx response: 429 -> RateLimitError, the rest -> HttpStatusError. */
export function statusError(context: StatusContext): ProviderError {
  const { provider, status, body } = context;
  const where = `${describeUrl(context.url)} answered HTTP ${status}${bodyExcerpt(body)}`;
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(context.headers['retry-after'], context.nowMs);
    const wait = retryAfterMs === undefined ? '' : `; retry after ${Math.ceil(retryAfterMs / 1000)} s`;
    return new RateLimitError(provider, `${provider} is rate limiting requests: ${where}${wait}`, retryAfterMs);
  }
  const make = (code: string, retryable: boolean, hint?: string) =>
    new HttpStatusError(provider, code, `${provider}: ${where}`, retryable, status, body, hint ? { hint } : {});
  if (status === 401 || status === 403) return make('unauthorized', false, context.unauthorizedHint);
  if (status === 404) return make('not-found', false);
  if (status === 408) return make('timeout', true);
  if (status >= 500) return make('server-error', true);
  if (status >= 400) return make('bad-request', false);
  return make('unexpected-status', false);
}

/** ` ("Edge: Too Many Requests")`: the start of the body on one line, for the message. */
export function bodyExcerpt(body: string, maxChars = 120): string {
  // eslint-disable-next-line no-control-regex
  const line = body.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!line) return '';
  return ` ("${line.length > maxChars ? `${line.slice(0, maxChars)}...` : line}")`;
}
