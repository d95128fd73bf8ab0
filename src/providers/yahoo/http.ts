import type { Dispatcher } from 'undici';
import type { Clock } from '../../engine/clock.js';
import { ProviderError } from '../../errors.js';
import { createHttpClient, type HttpClient } from '../http/client.js';
import { HttpStatusError } from '../http/errors.js';
import { chartPath } from './symbols.js';
import { createYahooSession, type YahooCredentials, type YahooSession } from './session.js';
import { YAHOO } from './values.js';

export const YAHOO_BASE_URL = 'https://query2.finance.yahoo.com';
export const YAHOO_COOKIE_URL = 'https://fc.yahoo.com';
/** Yahoo answers 429 to clients that do not look like a browser, so this is not optional. */
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
/** Most symbols one v7 quote request carries; bigger batches are split by the provider. */
export const QUOTE_BATCH_LIMIT = 50;
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface YahooHttpOptions {
  /** Default https://query2.finance.yahoo.com (chart, quote, search and crumb endpoints). */
  readonly baseUrl?: string;
  /** Where the session cookie comes from; default https://fc.yahoo.com. */
  readonly cookieUrl?: string;
  readonly userAgent?: string;
  /** Per request, headers and body; default 10 s. */
  readonly timeoutMs?: number;
  /** An undici Agent or MockAgent; the global dispatcher when omitted. */
  readonly dispatcher?: Dispatcher;
}

export interface ChartQuery {
  /** Unix seconds, inclusive. */
  readonly period1: number;
  /** Unix seconds, exclusive. */
  readonly period2: number;
  /** Yahoo's interval name (`1m`, `60m`, `1d`, `1wk`, `1mo`). */
  readonly interval: string;
}

/** The three Yahoo endpoints stockato uses; each returns the parsed JSON body unchecked. */
export interface YahooTransport {
  /**
   * v8 chart, regular-session bars only (`includePrePost=false`), with dividends and splits.
   * Non-2xx statuses throw HttpStatusError (404 and 422 carry a chart error body).
   */
  chart(symbol: string, query: ChartQuery, signal?: AbortSignal): Promise<unknown>;
  /** v7 quote for at most QUOTE_BATCH_LIMIT symbols, with the cookie and crumb. */
  quote(symbols: readonly string[], signal?: AbortSignal): Promise<unknown>;
  /** v1 search: instruments and news for free text. */
  search(text: string, counts: { quotes: number; news: number }, signal?: AbortSignal): Promise<unknown>;
}

/** HTTP transport for Yahoo Finance (keyless, unofficial). */
export function createYahooTransport(options: YahooHttpOptions & { readonly clock: Clock }): YahooTransport {
  const client = createHttpClient({
    provider: YAHOO,
    baseUrl: options.baseUrl ?? YAHOO_BASE_URL,
    userAgent: options.userAgent ?? BROWSER_USER_AGENT,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    clock: options.clock,
    unauthorizedHint: 'Yahoo refused the session; try again later or use another provider',
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const session = createYahooSession(client, options.cookieUrl ?? YAHOO_COOKIE_URL);
  return {
    chart: (symbol, query, signal) =>
      client.getJson(chartPath(symbol), { ...query, events: 'div|split', includePrePost: false }, { signal }),
    quote: (symbols, signal) => quoteWithCrumb(client, session, symbols, signal),
    search: (text, counts, signal) =>
      client.getJson(
        '/v1/finance/search',
        { q: text, quotesCount: counts.quotes, newsCount: counts.news, enableFuzzyQuery: false },
        { signal },
      ),
  };
}

/**
 * One quote request. A 401 (`Invalid Crumb`: the crumb or cookie expired) drops the cached
 * credentials and retries once with fresh ones; a second 401 is final.
 */
async function quoteWithCrumb(
  client: HttpClient,
  session: YahooSession,
  symbols: readonly string[],
  signal?: AbortSignal,
): Promise<unknown> {
  if (symbols.length > QUOTE_BATCH_LIMIT) {
    throw new RangeError(
      `a Yahoo quote request takes at most ${QUOTE_BATCH_LIMIT} symbols, received ${symbols.length}`,
    );
  }
  let credentials = await session.credentials(signal);
  try {
    return await quoteOnce(client, credentials, symbols, signal);
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
    session.invalidate(credentials);
  }
  credentials = await session.credentials(signal);
  try {
    return await quoteOnce(client, credentials, symbols, signal);
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
    throw new ProviderError(YAHOO, 'unauthorized', 'yahoo refused the quote request twice, with a fresh crumb', true, {
      cause: error,
      hint: 'Yahoo may be blocking this network for a while; try again later or use another provider',
    });
  }
}

function quoteOnce(
  client: HttpClient,
  credentials: YahooCredentials,
  symbols: readonly string[],
  signal?: AbortSignal,
): Promise<unknown> {
  const headers = credentials.cookie ? { cookie: credentials.cookie } : undefined;
  return client.getJson(
    '/v7/finance/quote',
    { symbols: symbols.join(','), crumb: credentials.crumb },
    { signal, ...(headers ? { headers } : {}) },
  );
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpStatusError && error.status === 401;
}
