import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import { DAY_MS } from '../../../src/engine/interval.js';
import { RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import type { MarketDataProvider } from '../../../src/providers/provider.js';
import { BROWSER_USER_AGENT } from '../../../src/providers/yahoo/http.js';
import { createYahooProvider } from '../../../src/providers/yahoo/provider.js';
import {
  readFixture,
  startReplayServer,
  type RecordedRequest,
  type ReplayHandler,
  type ReplayServer,
} from '../../helpers/replay-server.js';

const NOW_MS = Date.UTC(2025, 1, 17, 15, 0, 0);
const QUOTE = '/v7/finance/quote';
const CRUMB = '/v1/test/getcrumb';

let server: ReplayServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The handshake routes: a cookie page that answers 404 with Set-Cookie, and a crumb. */
const HANDSHAKE: Record<string, ReplayHandler> = {
  '/cookie': {
    status: 404,
    body: 'Not Found',
    headers: { 'set-cookie': ['A3=d=AQAB&S=x; Path=/; Secure', 'B=7; Path=/'] },
  },
  [CRUMB]: { body: 'crumb-1' },
};

async function yahooAt(routes: Record<string, ReplayHandler>, timeoutMs = 2_000): Promise<MarketDataProvider> {
  server = await startReplayServer({ ...HANDSHAKE, ...routes });
  return createYahooProvider({
    clock: fixedClock(NOW_MS),
    http: { baseUrl: server.url, cookieUrl: `${server.url}/cookie`, timeoutMs },
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but the call succeeded');
}

/** A quote response for whatever symbols were asked, built from the recorded AAPL entry. */
function echoQuotes(request: RecordedRequest) {
  const template = JSON.parse(readFixture('yahoo', 'quote-AAPL.json')).quoteResponse.result[0];
  const symbols = (request.query['symbols'] ?? '').split(',');
  return { json: { quoteResponse: { result: symbols.map((symbol) => ({ ...template, symbol })), error: null } } };
}

describe('yahoo quotes: cookie and crumb', () => {
  it('fetches the cookie and crumb, sends both with a browser User-Agent', async () => {
    const yahoo = await yahooAt({ [QUOTE]: { fixture: 'yahoo/quote-AAPL.json' } });
    const batch = await yahoo.getQuotes(['aapl']);
    expect(batch.quotes.map((q) => [q.symbol, q.last.toString()])).toEqual([['AAPL', '244.6']]);
    const [crumbRequest] = server?.requestsTo(CRUMB) ?? [];
    const [quoteRequest] = server?.requestsTo(QUOTE) ?? [];
    expect(crumbRequest?.headers['cookie']).toBe('A3=d=AQAB&S=x; B=7');
    expect(quoteRequest?.headers['cookie']).toBe('A3=d=AQAB&S=x; B=7');
    expect(quoteRequest?.query).toMatchObject({ symbols: 'AAPL', crumb: 'crumb-1' });
    expect(quoteRequest?.headers['user-agent']).toBe(BROWSER_USER_AGENT);
  });

  it('on 401 Invalid Crumb refreshes the crumb once and succeeds', async () => {
    const yahoo = await yahooAt({
      [CRUMB]: [{ body: 'crumb-1' }, { body: 'crumb-2' }],
      [QUOTE]: [{ status: 401, fixture: 'yahoo/error-401-invalid-crumb.json' }, { fixture: 'yahoo/quote-AAPL.json' }],
    });
    const batch = await yahoo.getQuotes(['AAPL']);
    expect(batch.quotes).toHaveLength(1);
    expect(server?.requestsTo(CRUMB)).toHaveLength(2);
    expect(server?.requestsTo('/cookie')).toHaveLength(2);
    expect(server?.requestsTo(QUOTE).map((r) => r.query['crumb'])).toEqual(['crumb-1', 'crumb-2']);
  });

  it('gives up after a second 401, with a hint', async () => {
    const yahoo = await yahooAt({ [QUOTE]: { status: 401, fixture: 'yahoo/error-401-invalid-crumb.json' } });
    const error = await rejection(yahoo.getQuotes(['AAPL']));
    expect(error).toMatchObject({ code: 'unauthorized', provider: 'yahoo' });
    expect(server?.requestsTo(QUOTE)).toHaveLength(2);
    expect(server?.requestsTo(CRUMB)).toHaveLength(2);
  });

  it('reuses the crumb across calls', async () => {
    const yahoo = await yahooAt({ [QUOTE]: { fixture: 'yahoo/quote-AAPL.json' } });
    await Promise.all([yahoo.getQuotes(['AAPL']), yahoo.getQuotes(['AAPL'])]);
    await yahoo.getQuotes(['AAPL']);
    expect(server?.requestsTo(CRUMB)).toHaveLength(1);
    expect(server?.requestsTo(QUOTE)).toHaveLength(3);
  });

  it('a caller that aborts stops waiting at once, without failing another caller on the same handshake', async () => {
    const yahoo = await yahooAt({
      [CRUMB]: { body: 'crumb-1', delayMs: 400 },
      [QUOTE]: { fixture: 'yahoo/quote-AAPL.json' },
    });
    const controller = new AbortController();
    const started = performance.now();
    const aborted = yahoo.getQuotes(['AAPL'], { signal: controller.signal });
    const other = yahoo.getQuotes(['AAPL']);
    setTimeout(() => controller.abort(new Error('user left')), 20);
    expect(((await rejection(aborted)) as Error).message).toBe('user left');
    expect(performance.now() - started).toBeLessThan(300); // not after the 400 ms handshake
    expect((await other).quotes).toHaveLength(1);
    expect(server?.requestsTo(CRUMB)).toHaveLength(1);
  });

  it('refuses an HTML page in place of a crumb', async () => {
    const yahoo = await yahooAt({ [CRUMB]: { body: '<html>consent</html>' } });
    expect(await rejection(yahoo.getQuotes(['AAPL']))).toMatchObject({ code: 'unauthorized' });
    expect(server?.requestsTo(QUOTE)).toHaveLength(0);
  });
});

describe('yahoo quotes: batches and failures', () => {
  it('splits 120 symbols into requests of 50, 50 and 20', async () => {
    const yahoo = await yahooAt({ [QUOTE]: echoQuotes });
    const symbols = Array.from({ length: 120 }, (_, i) => `S${i}`);
    const batch = await yahoo.getQuotes(symbols);
    expect(batch.failures).toEqual([]);
    expect(batch.quotes.map((q) => q.symbol)).toEqual(symbols);
    const sizes = server?.requestsTo(QUOTE).map((r) => (r.query['symbols'] ?? '').split(',').length);
    expect(sizes).toEqual([50, 50, 20]);
    expect(server?.requestsTo(CRUMB)).toHaveLength(1);
  });

  it('asks once per symbol even when it is repeated or differently cased', async () => {
    const yahoo = await yahooAt({ [QUOTE]: echoQuotes });
    await yahoo.getQuotes(['AAPL', 'aapl', ' AAPL ']);
    expect(server?.requestsTo(QUOTE)[0]?.query['symbols']).toBe('AAPL');
  });

  it('unknown and delisted symbols are failures beside the quotes', async () => {
    const yahoo = await yahooAt({ [QUOTE]: { fixture: 'yahoo/quote-BRKS-delisted-quoteType-NONE.json' } });
    const batch = await yahoo.getQuotes(['BRKS', 'SIX']);
    expect(batch.quotes).toEqual([]);
    expect(batch.failures.map((f) => [f.symbol, f.error instanceof UnknownSymbolError])).toEqual([
      ['BRKS', true],
      ['SIX', true],
    ]);
  });

  it('a plain-text 429 is a RateLimitError with the Retry-After wait', async () => {
    const yahoo = await yahooAt({
      [QUOTE]: { status: 429, fixture: 'yahoo/error-429-rate-limited-body.txt', headers: { 'retry-after': '60' } },
    });
    const error = await rejection(yahoo.getQuotes(['AAPL']));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 60_000, retryable: true, provider: 'yahoo' });
  });

  it('a batch that fails alone fails its symbols; after a rate limit no more batches are sent', async () => {
    const yahoo = await yahooAt({
      [QUOTE]: [echoQuotes(requestFor(50)), { status: 503, body: 'busy' }, { status: 429, body: 'Too Many Requests' }],
    });
    const symbols = Array.from({ length: 160 }, (_, i) => `S${i}`);
    const batch = await yahoo.getQuotes(symbols);
    expect(batch.quotes).toHaveLength(50);
    expect(batch.failures).toHaveLength(110);
    expect(batch.failures[0]?.error).toMatchObject({ code: 'server-error' });
    expect(batch.failures[50]?.error).toBeInstanceOf(RateLimitError);
    expect(batch.failures[109]?.error).toBeInstanceOf(RateLimitError);
    expect(server?.requestsTo(QUOTE)).toHaveLength(3);
  });
});

/** A fake recorded request asking for S0..S(n-1), to build a canned response. */
function requestFor(count: number): RecordedRequest {
  const symbols = Array.from({ length: count }, (_, i) => `S${i}`).join(',');
  return { method: 'GET', path: QUOTE, query: { symbols }, url: QUOTE, headers: {}, body: '' };
}

describe('yahoo history over HTTP', () => {
  const CHART = '/v8/finance/chart/*';
  const range = { fromMs: Date.UTC(2020, 7, 31), toMs: Date.UTC(2020, 10, 7) };

  it('asks for the range a day wider, with dividends and splits, and returns bars and actions', async () => {
    const yahoo = await yahooAt({
      [CHART]: { fixture: 'yahoo/chart-AAPL-1d-2020-08-31_2020-11-07-split-and-dividend-events.json' },
    });
    const history = await yahoo.getHistory({ symbol: 'AAPL', interval: '1d', ...range });
    expect(history.bars).toHaveLength(49);
    expect(history.actions?.map((a) => a.kind)).toEqual(['split', 'dividend']);
    const [request] = server?.requests.filter((r) => r.path.startsWith('/v8/')) ?? [];
    expect(request?.path).toBe('/v8/finance/chart/AAPL');
    expect(request?.query).toEqual({
      period1: String((range.fromMs - DAY_MS) / 1000),
      period2: String((range.toMs + DAY_MS) / 1000),
      interval: '1d',
      events: 'div|split',
      includePrePost: 'false',
    });
    expect(server?.requestsTo(CRUMB)).toHaveLength(0);
  });

  it('escapes index and FX symbols in the path', async () => {
    const yahoo = await yahooAt({ [CHART]: { fixture: 'yahoo/chart-EURUSD_X-1d-forex.json' } });
    await yahoo.getHistory({ symbol: 'EURUSD=X', interval: '1d', ...range });
    await yahoo.getHistory({ symbol: '^GSPC', interval: '1d', ...range });
    expect(server?.requests.map((r) => r.url.split('?')[0])).toEqual([
      '/v8/finance/chart/EURUSD%3DX',
      '/v8/finance/chart/%5EGSPC',
    ]);
  });

  it('a 404 chart is an UnknownSymbolError', async () => {
    const yahoo = await yahooAt({ [CHART]: { status: 404, fixture: 'yahoo/error-404-chart-unknown-symbol.json' } });
    const error = await rejection(yahoo.getHistory({ symbol: '^TEDPIX', interval: '1d', ...range }));
    expect(error).toBeInstanceOf(UnknownSymbolError);
    expect(error).toMatchObject({ symbol: '^TEDPIX' });
  });

  it('a 422 for 1m is range-unavailable and not retryable', async () => {
    const yahoo = await yahooAt({ [CHART]: { status: 422, fixture: 'yahoo/error-422-chart-1m-range-too-long.json' } });
    const error = await rejection(
      yahoo.getHistory({ symbol: 'TSLA', interval: '1m', fromMs: NOW_MS - DAY_MS, toMs: NOW_MS }),
    );
    expect(error).toMatchObject({ code: 'range-unavailable', retryable: false });
  });

  it('fetches 20 days of 1m bars in 7-day windows', async () => {
    const yahoo = await yahooAt({ [CHART]: { fixture: 'yahoo/chart-AAPL-1m-weekend-no-timestamps-empty-quote.json' } });
    const fromMs = NOW_MS - 20 * DAY_MS;
    const history = await yahoo.getHistory({ symbol: 'AAPL', interval: '1m', fromMs, toMs: NOW_MS });
    expect(history.bars).toEqual([]);
    const windows = server?.requests.map((r) => [Number(r.query['period1']), Number(r.query['period2'])]);
    expect(windows).toEqual([
      [fromMs / 1000, (fromMs + 7 * DAY_MS) / 1000],
      [(fromMs + 7 * DAY_MS) / 1000, (fromMs + 14 * DAY_MS) / 1000],
      [(fromMs + 14 * DAY_MS) / 1000, NOW_MS / 1000],
    ]);
  });

  it('refuses 1m bars older than 30 days without asking Yahoo', async () => {
    const yahoo = await yahooAt({});
    const error = await rejection(
      yahoo.getHistory({ symbol: 'AAPL', interval: '1m', fromMs: NOW_MS - 40 * DAY_MS, toMs: NOW_MS }),
    );
    expect(error).toMatchObject({ code: 'range-unavailable', retryable: false });
    expect(server?.requests).toEqual([]);
  });

  it('times out a chart server that never answers within the configured 300 ms', async () => {
    const yahoo = await yahooAt({ [CHART]: { hang: 'before-headers' } }, 300);
    const started = performance.now();
    const error = await rejection(yahoo.getHistory({ symbol: 'AAPL', interval: '1d', ...range }));
    expect(error).toMatchObject({ code: 'timeout', retryable: true, provider: 'yahoo' });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('truncated chart JSON is malformed and retryable', async () => {
    const yahoo = await yahooAt({
      [CHART]: { fixture: 'yahoo/chart-MSFT-1d-2021-02_2022-01-dividend-events.json', truncateAt: 4_000 },
    });
    const error = await rejection(yahoo.getHistory({ symbol: 'MSFT', interval: '1d', ...range }));
    expect(error).toMatchObject({ code: 'malformed', retryable: true });
  });
});

describe('yahoo search and news over HTTP', () => {
  it('search returns instruments and asks for no news', async () => {
    const yahoo = await yahooAt({ '/v1/finance/search': { fixture: 'yahoo/search-company-name-BMW.json' } });
    const instruments = await yahoo.search(' Bayerische Motoren Werke AG ');
    expect(instruments[0]?.symbol).toBe('BMW.DE');
    expect(server?.requests[0]?.query).toMatchObject({ q: 'Bayerische Motoren Werke AG', newsCount: '0' });
  });

  it('an empty search asks nothing', async () => {
    const yahoo = await yahooAt({});
    expect(await yahoo.search('  ')).toEqual([]);
    expect(server?.requests).toEqual([]);
  });

  it('news for a symbol, and market news (S&P 500) without one', async () => {
    const yahoo = await yahooAt({ '/v1/finance/search': { fixture: 'yahoo/search-AAPL-quotes-and-news.json' } });
    const news = (await yahoo.getNews?.('aapl')) ?? [];
    expect(news.map((item) => item.id)).toContain('57ea9c09-0c99-3adf-9062-fecfdbe472cc');
    await yahoo.getNews?.(undefined);
    expect(server?.requests.map((r) => [r.query['q'], r.query['quotesCount']])).toEqual([
      ['AAPL', '0'],
      ['^GSPC', '0'],
    ]);
  });
});
