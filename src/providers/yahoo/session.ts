import { untilAborted } from '../shared-fetch.js';
import { ProviderError } from '../../errors.js';
import type { HttpClient, ResponseHeaders } from '../http/client.js';
import { YAHOO } from './values.js';

/** What the quote endpoint wants besides the symbols: Yahoo's session cookies and a crumb. */
export interface YahooCredentials {
  /** `A3=...; A1=...`, or empty when Yahoo set no cookie (some regions need none). */
  readonly cookie: string;
  readonly crumb: string;
}

export interface YahooSession {
  /** The cached credentials, fetched on first use; concurrent callers share one fetch. */
  credentials(signal?: AbortSignal): Promise<YahooCredentials>;
  /** Drops `stale` if it is still the cached one, so the next call fetches fresh credentials. */
  invalidate(stale: YahooCredentials): void;
}

export const CRUMB_PATH = '/v1/test/getcrumb';

/**
 * Yahoo's cookie and crumb handshake, kept in memory for the life of the process:
 *
 *   1. GET the cookie URL (fc.yahoo.com). It answers 404 and sets the A3 session cookie; its
 *      status is ignored, only Set-Cookie matters.
 *   2. GET /v1/test/getcrumb with that cookie: the body is the crumb (a short token).
 *
 * In the EU, fc.yahoo.com may instead redirect to a consent page and set no cookie. The crumb
 * request is still tried (it works without a cookie in some regions); when it fails, the error
 * says so. The full consent-form flow is not implemented.
 */
export function createYahooSession(client: HttpClient, cookieUrl: string): YahooSession {
  let pending: Promise<YahooCredentials> | undefined;
  let current: YahooCredentials | undefined;
  return {
    credentials(signal) {
      // The shared fetch takes no caller's signal (the client's timeout bounds it), so one
      // caller giving up does not fail the others that wait on the same handshake.
      pending ??= fetchCredentials(client, cookieUrl).then(
        (credentials) => (current = credentials),
        (error: unknown) => {
          pending = undefined; // a failed handshake is not cached: the next call tries again
          throw error;
        },
      );
      return signal ? untilAborted(pending, signal) : pending;
    },
    invalidate(stale) {
      if (current === stale) {
        current = undefined;
        pending = undefined;
      }
    },
  };
}

async function fetchCredentials(client: HttpClient, cookieUrl: string): Promise<YahooCredentials> {
  const handshake = await client.get(cookieUrl, {}, { headers: { accept: 'text/html' } });
  const cookie = cookieHeader(handshake.headers);
  const body = await client.getText(CRUMB_PATH, {}, { headers: cookie ? { cookie } : {} });
  const crumb = body.trim();
  // A crumb is a short token; an HTML page or an empty body means Yahoo did not accept the session.
  if (!/^[^\s<>{}"]{1,64}$/.test(crumb)) {
    throw new ProviderError(YAHOO, 'unauthorized', 'yahoo did not hand out a crumb for the quote endpoint', true, {
      hint: cookie
        ? 'Yahoo may be blocking this network for a while; try again later or use another provider'
        : 'Yahoo set no session cookie (in the EU it may ask for consent first); use another provider for quotes',
    });
  }
  return { cookie, crumb };
}

/** `name=value` pairs of every Set-Cookie header, joined for a Cookie request header. */
export function cookieHeader(headers: ResponseHeaders): string {
  const setCookie = headers['set-cookie'];
  const lines = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return lines
    .map((line) => line.split(';', 1)[0]?.trim() ?? '')
    .filter((pair) => pair.includes('='))
    .join('; ');
}
