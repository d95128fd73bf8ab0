import { request, type Dispatcher } from 'undici';
import type { Clock } from '../../engine/clock.js';
import { ProviderError } from '../../errors.js';
import { ACCEPT_ENCODING, BodyTooLargeError, readBodyText } from './body.js';
import { bodyExcerpt, statusError } from './errors.js';
import { describeUrl } from './redact.js';

export type QueryValue = string | number | boolean | undefined;
export type Query = Readonly<Record<string, QueryValue>>;
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface HttpClientOptions {
  /** Provider id, named in every error (`yahoo`). */
  readonly provider: string;
  /** Prefix of relative paths (`https://query2.finance.yahoo.com`); absolute URLs are used as given. */
  readonly baseUrl: string;
  readonly userAgent?: string;
  /** Budget for one whole request: connecting, headers and the complete body. */
  readonly timeoutMs: number;
  /** An undici Agent, or a MockAgent in tests; the global dispatcher when omitted. */
  readonly dispatcher?: Dispatcher;
  /** Larger bodies are refused (default 32 MiB); a full daily history is well under 1 MiB. */
  readonly maxBodyBytes?: number;
  /** For Retry-After dates; the system clock when omitted. */
  readonly clock?: Clock;
  /** Hint on 401/403 errors; by default it points at the provider's API key. */
  readonly unauthorizedHint?: string;
}

export interface HttpRequestOptions {
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly text: string;
  readonly url: string;
}

export interface HttpClient {
  readonly provider: string;
  /**
   * Any status comes back as a value; only timeouts, network failures and aborts throw. For
   * endpoints where a 404 or a redirect is a normal answer (a cookie handshake).
   */
  get(path: string, query?: Query, options?: HttpRequestOptions): Promise<HttpResponse>;
  /** The body of a 2xx response; any other status throws (see `statusError`). */
  getText(path: string, query?: Query, options?: HttpRequestOptions): Promise<string>;
  /** Like getText, parsed as JSON; a body that is not JSON throws ProviderError `malformed`. */
  getJson<T>(path: string, query?: Query, options?: HttpRequestOptions): Promise<T>;
}

const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
const SYSTEM_CLOCK: Clock = { nowMs: () => Date.now() };

/** Marks the abort that our own timer caused, to tell it from the caller's. */
class RequestTimeout extends Error {}

/**
 * One small HTTP client over undici shared by every provider, so that timeouts, rate limits and
 * error messages behave the same everywhere. Errors name the provider and the host and path,
 * never the query string (it may carry a key). An abort through `options.signal` rethrows the
 * signal's reason unchanged: cancelling is the caller's decision, not a provider failure.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const unauthorizedHint =
    options.unauthorizedHint ?? `check the ${options.provider} API key (stockato keys set ${options.provider})`;
  const get = (path: string, query: Query = {}, requestOptions: HttpRequestOptions = {}) =>
    send(options, buildUrl(options.baseUrl, path, query), requestOptions);
  const getText = async (path: string, query?: Query, requestOptions?: HttpRequestOptions) => {
    const response = await get(path, query, requestOptions);
    if (response.status >= 200 && response.status < 300) return response.text;
    throw statusError({
      provider: options.provider,
      ...response,
      body: response.text,
      nowMs: clock.nowMs(),
      unauthorizedHint,
    });
  };
  const getJson = async <T>(path: string, query?: Query, requestOptions?: HttpRequestOptions) => {
    const headers = { accept: 'application/json', ...requestOptions?.headers };
    const text = await getText(path, query, { ...requestOptions, headers });
    return parseJson<T>(options.provider, buildUrl(options.baseUrl, path, query ?? {}), text);
  };
  return { provider: options.provider, get, getText, getJson };
}

/** Joins base and path and appends the defined query values (booleans as `true`/`false`). */
export function buildUrl(baseUrl: string, path: string, query: Query): URL {
  const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}

export function parseJson<T>(provider: string, url: URL | string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    const what = text.trim() === '' ? 'an empty body' : `a body that is not valid JSON${bodyExcerpt(text, 60)}`;
    throw new ProviderError(provider, 'malformed', `${provider}: ${describeUrl(url)} sent ${what}`, true, {
      cause,
      hint: 'the source may be overloaded or blocking this client; try again later',
    });
  }
}

async function send(options: HttpClientOptions, url: URL, requestOptions: HttpRequestOptions): Promise<HttpResponse> {
  const callerSignal = requestOptions.signal;
  callerSignal?.throwIfAborted();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new RequestTimeout()), options.timeoutMs);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const response = await request(url, {
      method: 'GET',
      headers: {
        'accept-encoding': ACCEPT_ENCODING,
        ...(options.userAgent ? { 'user-agent': options.userAgent } : {}),
        ...requestOptions.headers,
      },
      signal: controller.signal,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const text = await readBodyText(response.body, response.headers['content-encoding'], maxBytes);
    return { status: response.statusCode, headers: response.headers, text, url: url.toString() };
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    throw transportError(options, url, error, controller.signal.reason instanceof RequestTimeout);
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** Timeouts, network failures and oversized bodies, as ProviderErrors. */
function transportError(options: HttpClientOptions, url: URL, error: unknown, timedOut: boolean): ProviderError {
  const { provider } = options;
  const where = describeUrl(url);
  if (error instanceof BodyTooLargeError) {
    return new ProviderError(
      provider,
      'too-large',
      `${provider}: ${where} sent more than ${error.maxBytes} bytes`,
      false,
    );
  }
  const code = errorCode(error);
  if (timedOut || TIMEOUT_CODES.has(code)) {
    return new ProviderError(
      provider,
      'timeout',
      `${provider}: no complete answer from ${where} within ${options.timeoutMs} ms`,
      true,
      {
        cause: error,
        hint: 'the network or the source is slow; try again',
      },
    );
  }
  const detail = code ? ` (${code})` : '';
  return new ProviderError(provider, 'network', `${provider}: the connection to ${where} failed${detail}`, true, {
    cause: error,
    hint: 'check the network connection, or try the offline demo market with --demo',
  });
}

function errorCode(error: unknown): string {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === 'string') return code;
  return typeof cause?.code === 'string' ? cause.code : '';
}
