import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import type { ProviderError } from '../../../src/errors.js';
import { RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import { createPolygonProvider, POLYGON_CAPABILITIES } from '../../../src/providers/polygon/provider.js';
import type { MarketDataProvider } from '../../../src/providers/provider.js';
import { NO_CREDENTIALS, type Credentials } from '../../../src/secrets/credentials.js';
import { readFixture, startReplayServer, type ReplayHandler, type ReplayServer } from '../../helpers/replay-server.js';
import { rejection, staticCredentials } from '../keyed/helpers.js';

const KEY = 'pk_TEST_9f8e7d6c5b4a3921';
/** Tuesday 2005-04-05 15:00 UTC (11:00 in New York): after the two recorded AAPL sessions. */
const NOW_MS = Date.UTC(2005, 3, 5, 15, 0);
const STOCKS = '/v2/snapshot/locale/us/markets/stocks/tickers';
const AGGS = '/v2/aggs/ticker/*';
const NEWS = '/v2/reference/news';

let server: ReplayServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function polygonAt(
  routes: Record<string, ReplayHandler>,
  credentials: Credentials = staticCredentials({ polygon: KEY }),
  timeoutMs = 2_000,
): Promise<MarketDataProvider> {
  server = await startReplayServer(routes);
  return createPolygonProvider({ clock: fixedClock(NOW_MS), credentials, http: { baseUrl: server.url, timeoutMs } });
}

/** The recorded single-ticker snapshot, as the multi-ticker endpoint sends it. */
function snapshotList(): ReplayHandler {
  const single = JSON.parse(readFixture('polygon', 'rest-v2-snapshot-ticker-AAPL.json')) as { ticker: unknown };
  return { json: { status: 'OK', tickers: [single.ticker], count: 1 } };
}

describe('polygon quotes', () => {
  it('asks one snapshot for every stock, with the key in a header only; a ticker left out is unknown', async () => {
    const polygon = await polygonAt({ [STOCKS]: snapshotList() });
    const batch = await polygon.getQuotes(['aapl', 'NOPE', 'GC=F']);
    expect(batch.quotes.map((q) => [q.symbol, q.last.toString(), q.previousClose.toString(), q.currency])).toEqual([
      ['AAPL', '159.99', '163.64', 'USD'],
    ]);
    expect(batch.quotes[0]).toMatchObject({ source: 'polygon', marketState: 'regular', demo: false });
    expect(batch.failures.map((f) => [f.symbol, f.error.code])).toEqual([
      ['GC=F', 'unsupported-symbol'],
      ['NOPE', 'unknown-symbol'],
    ]);
    const [request] = server!.requests;
    expect(request?.query).toEqual({ tickers: 'AAPL,NOPE' });
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.url).not.toContain(KEY);
  });

  it('without a snapshot entitlement (free plan) quotes the last two daily bars, and stops asking for snapshots', async () => {
    const polygon = await polygonAt({
      [STOCKS]: { status: 403, fixture: 'polygon/error-403-not-entitled.json' },
      [AGGS]: { fixture: 'polygon/rest-v2-aggs-range-AAPL-1-day-2005-04-01_04.json' },
    });
    const [quote] = (await polygon.getQuotes(['AAPL'])).quotes;
    expect([quote?.last.toString(), quote?.previousClose.toString(), quote?.open.toString()]).toEqual([
      '1.4675',
      '1.4604',
      '1.4639',
    ]);
    // 16:00 New York on 2005-04-04 (EDT since 2005-04-03).
    expect(quote?.tsMs).toBe(Date.UTC(2005, 3, 4, 20, 0));
    await polygon.getQuotes(['AAPL']);
    expect(server!.requests.map((r) => r.path.split('/').slice(0, 6).join('/'))).toEqual([
      '/v2/snapshot/locale/us/markets',
      '/v2/aggs/ticker/AAPL/range',
      '/v2/aggs/ticker/AAPL/range',
    ]);
    // The daily range ends before today's New York date, which the free plan refuses before the close.
    const to = Number(server!.requests[1]?.path.split('/').at(-1));
    expect(to).toBe(Date.UTC(2005, 3, 5, 4, 0) - 1);
  });

  it('an end-of-day quote for a ticker without bars is an unknown symbol', async () => {
    const empty = { ticker: 'NOPE', queryCount: 0, resultsCount: 0, adjusted: true, status: 'OK', request_id: 'x' };
    const polygon = await polygonAt({ [AGGS]: { json: empty } });
    const batch = await polygon.getQuotes(['^GSPC']);
    expect(batch.failures[0]?.error).toBeInstanceOf(UnknownSymbolError);
    expect(server!.requests[0]?.path).toMatch(/^\/v2\/aggs\/ticker\/I:SPX\/range\/1\/day\//);
  });

  it.each([
    ['a JSON body', { status: 429, fixture: 'polygon/error-429-max-requests-per-minute.json' }],
    ['a plain-text body', { status: 429, body: 'Too Many Requests' }],
  ])('429 with %s is a RateLimitError that keeps Retry-After', async (_, response) => {
    const polygon = await polygonAt({ [STOCKS]: { ...response, headers: { 'retry-after': '12' } } });
    const error = await rejection(polygon.getQuotes(['AAPL']));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 12_000, retryable: true, provider: 'polygon' });
  });

  it('401 is key-rejected, naming the provider and how to set the key', async () => {
    const polygon = await polygonAt({ [STOCKS]: { status: 401, fixture: 'polygon/error-401-unknown-api-key.json' } });
    const error = await rejection(polygon.getQuotes(['AAPL']));
    expect(error).toMatchObject({ code: 'key-rejected', retryable: false });
    expect((error as ProviderError).message).toMatch(/^polygon rejected the API key \(HTTP 401: Unknown API Key\)/);
    expect((error as ProviderError).hint).toContain('stockato keys set polygon');
  });

  it('without a key: capabilities are there, and a request fails with missing-key before anything is sent', async () => {
    const polygon = await polygonAt({}, NO_CREDENTIALS);
    expect(polygon.capabilities).toBe(POLYGON_CAPABILITIES);
    expect(polygon.capabilities).toMatchObject({ requiresKey: true, quota: { perMinute: 5 } });
    const error = await rejection(polygon.getQuotes(['AAPL']));
    expect(error).toMatchObject({ code: 'missing-key', retryable: false });
    expect((error as ProviderError).hint).toContain('stockato keys set polygon');
    expect((error as ProviderError).hint).toContain('STOCKATO_POLYGON_KEY');
    expect(server!.requests).toEqual([]);
  });

  it('asks the credentials once, on the first request', async () => {
    const credentials = staticCredentials({ polygon: KEY });
    const polygon = await polygonAt({ [STOCKS]: snapshotList() }, credentials);
    expect(credentials.asked).toEqual([]);
    await polygon.getQuotes(['AAPL']);
    await polygon.getQuotes(['AAPL']);
    expect(credentials.asked).toEqual(['polygon']);
  });

  it('a server that never answers times out after the configured 300 ms', async () => {
    const polygon = await polygonAt({ [STOCKS]: { hang: 'before-headers' } }, undefined, 300);
    expect(await rejection(polygon.getQuotes(['AAPL']))).toMatchObject({ code: 'timeout', retryable: true });
  });

  it.each([
    ['truncated', { fixture: 'polygon/rest-v2-snapshot-ticker-AAPL.json', truncateAt: 200 }],
    ['not JSON', { body: '<html>502 Bad Gateway</html>' }],
  ])('a %s body is malformed', async (_, response) => {
    const polygon = await polygonAt({ [STOCKS]: response });
    expect(await rejection(polygon.getQuotes(['AAPL']))).toMatchObject({ code: 'malformed', retryable: true });
  });
});

describe('polygon history', () => {
  const fromMs = Date.UTC(2005, 3, 1);
  const toMs = Date.UTC(2005, 3, 5);

  it('asks for aggregates in [from, to) and moves daily bars to 00:00 UTC', async () => {
    const polygon = await polygonAt({
      [AGGS]: { fixture: 'polygon/rest-v2-aggs-range-AAPL-1-day-2005-04-01_04.json' },
    });
    const history = await polygon.getHistory({ symbol: 'AAPL', interval: '1d', fromMs, toMs });
    expect(history.bars.map((b) => [b.tsMs, b.close.toString()])).toEqual([
      [Date.UTC(2005, 3, 1), '1.4604'],
      [Date.UTC(2005, 3, 4), '1.4675'],
    ]);
    expect(history.instrument).toMatchObject({ symbol: 'AAPL', currency: 'USD', assetClass: 'equity' });
    expect(server!.requests.map((r) => [r.path, r.query])).toEqual([
      [`/v2/aggs/ticker/AAPL/range/1/day/${fromMs}/${toMs - 1}`, { adjusted: 'true', sort: 'asc', limit: '50000' }],
    ]);
  });

  it('follows next_url on the configured host, with the key header again', async () => {
    const first = JSON.parse(readFixture('polygon', 'rest-v2-aggs-range-AAPL-1-day-2005-04-01_04.json')) as {
      results: unknown[];
    };
    const [bar1, bar2] = first.results;
    const polygon = await polygonAt({
      [AGGS]: (request) =>
        request.query['cursor'] === 'page2'
          ? { json: { ...first, results: [bar2] } }
          : {
              json: {
                ...first,
                results: [bar1],
                next_url: 'https://api.massive.com/v2/aggs/ticker/AAPL/range/1/day/x/y?cursor=page2',
              },
            },
    });
    const history = await polygon.getHistory({ symbol: 'AAPL', interval: '1d', fromMs, toMs });
    expect(history.bars).toHaveLength(2);
    expect(server!.requests[1]?.url).toBe('/v2/aggs/ticker/AAPL/range/1/day/x/y?cursor=page2');
    expect(server!.requests[1]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('a range without results has no bars', async () => {
    const empty = { ticker: 'AAPL', queryCount: 0, resultsCount: 0, adjusted: true, status: 'OK', request_id: 'x' };
    const polygon = await polygonAt({ [AGGS]: { json: empty } });
    expect((await polygon.getHistory({ symbol: 'AAPL', interval: '5m', fromMs, toMs })).bars).toEqual([]);
    expect(server!.requests[0]?.path).toContain('/range/5/minute/');
  });

  it("today's bars before the close on the free plan are not-entitled, with a hint", async () => {
    const polygon = await polygonAt({ [AGGS]: { status: 403, fixture: 'polygon/error-403-today-before-eod.json' } });
    const error = await rejection(polygon.getHistory({ symbol: 'AAPL', interval: '1d', fromMs, toMs }));
    expect(error).toMatchObject({ code: 'not-entitled', retryable: false });
    expect((error as ProviderError).hint).toMatch(/ends yesterday/);
  });
});

describe('polygon news and search', () => {
  it('reads reference news for a ticker, newest first', async () => {
    const polygon = await polygonAt({ [NEWS]: { fixture: 'polygon/rest-v2-reference-news-NFLX.json' } });
    const news = await polygon.getNews!('NFLX');
    expect(news.length).toBeGreaterThan(0);
    expect(news[0]).toMatchObject({ publisher: 'MarketWatch', publishedMs: Date.UTC(2022, 3, 28, 17, 8) });
    expect(server!.requests[0]?.query).toEqual({ ticker: 'NFLX', limit: '20', order: 'desc', sort: 'published_utc' });
  });

  it('has no search, and says so', async () => {
    const polygon = await polygonAt({});
    expect(await rejection(polygon.search('apple'))).toMatchObject({ code: 'unsupported-operation' });
    expect(server!.requests).toEqual([]);
  });
});
