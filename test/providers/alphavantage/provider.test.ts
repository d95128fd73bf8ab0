import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import { DAY_MS } from '../../../src/engine/interval.js';
import { RateLimitError, UnknownSymbolError, type ProviderError } from '../../../src/errors.js';
import { createAlphaVantageProvider } from '../../../src/providers/alphavantage/provider.js';
import type { MarketDataProvider } from '../../../src/providers/provider.js';
import { NO_CREDENTIALS, type Credentials } from '../../../src/secrets/credentials.js';
import {
  readFixture,
  startReplayServer,
  type ReplayHandler,
  type ReplayResponse,
  type ReplayServer,
} from '../../helpers/replay-server.js';
import { rejection, staticCredentials } from '../keyed/helpers.js';

const KEY = 'AVTESTKEY0123456';
/** 2023-11-28 22:00 UTC (17:00 in New York), the day of the recorded IBM series. */
const NOW_MS = Date.UTC(2023, 10, 28, 22, 0);
const QUERY = '/query';

let server: ReplayServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function alphaVantageAt(
  routes: Record<string, ReplayHandler>,
  credentials: Credentials = staticCredentials({ alphavantage: KEY }),
  timeoutMs = 2_000,
): Promise<MarketDataProvider> {
  server = await startReplayServer(routes);
  return createAlphaVantageProvider({
    clock: fixedClock(NOW_MS),
    credentials,
    http: { baseUrl: server.url, timeoutMs },
  });
}

/** Answers by `function=`, as Alpha Vantage's single endpoint does. */
function byFunction(answers: Record<string, ReplayResponse>): ReplayHandler {
  return (request) => answers[request.query['function'] ?? ''] ?? { status: 404, body: 'no such function' };
}

describe('alphavantage quotes', () => {
  it('asks GLOBAL_QUOTE per symbol with the apikey parameter; an empty quote is an unknown symbol', async () => {
    const alphavantage = await alphaVantageAt({
      [QUERY]: (request) =>
        request.query['symbol'] === 'MSFT'
          ? { fixture: 'alphavantage/rest-GLOBAL_QUOTE-MSFT-2018-10-05.json' }
          : { json: { 'Global Quote': {} } },
    });
    const batch = await alphavantage.getQuotes(['MSFT', 'NOPE', 'BTC-USD']);
    expect(
      batch.quotes.map((q) => [q.symbol, q.last.toString(), q.previousClose.toString(), q.volume.toString()]),
    ).toEqual([['MSFT', '112.13', '112.79', '29062853']]);
    // 16:00 New York on the latest trading day.
    expect(batch.quotes[0]?.tsMs).toBe(Date.UTC(2018, 9, 5, 20, 0));
    expect(batch.failures.map((f) => [f.symbol, f.error.code])).toEqual([
      ['BTC-USD', 'unsupported-symbol'],
      ['NOPE', 'unknown-symbol'],
    ]);
    expect(server!.requests.map((r) => r.query)).toEqual([
      { function: 'GLOBAL_QUOTE', symbol: 'MSFT', apikey: KEY },
      { function: 'GLOBAL_QUOTE', symbol: 'NOPE', apikey: KEY },
    ]);
  });

  it('"Invalid API call" for a symbol is an unknown symbol', async () => {
    const alphavantage = await alphaVantageAt({ [QUERY]: { fixture: 'alphavantage/error-invalid-api-call.json' } });
    const batch = await alphavantage.getQuotes(['ZZZZ']);
    expect(batch.failures[0]?.error).toBeInstanceOf(UnknownSymbolError);
  });

  it.each([
    ['the legacy per-minute Note', 'error-note-legacy-5-per-minute.json', 60_000],
    ['the 25-a-day Information', 'error-information-25-per-day-2024.json', undefined],
  ])('%s (HTTP 200) is a RateLimitError, and no further symbol is asked', async (_, file, retryAfterMs) => {
    const alphavantage = await alphaVantageAt({ [QUERY]: { fixture: `alphavantage/${file}` } });
    const error = await rejection(alphavantage.getQuotes(['MSFT', 'IBM']));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs, provider: 'alphavantage', retryable: true });
    expect(server!.requests).toHaveLength(1);
  });

  it('the throttle notice that quotes the key has the key scrubbed out', async () => {
    const body = readFixture('alphavantage', 'error-information-25-per-day-detected-key.json').replace('<APIKEY>', KEY);
    const alphavantage = await alphaVantageAt({ [QUERY]: { body, headers: { 'content-type': 'application/json' } } });
    const error = (await rejection(alphavantage.getQuotes(['MSFT']))) as ProviderError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toContain('We have detected your API key as ***');
    expect(JSON.stringify(error.toJSON())).not.toContain(KEY);
    expect(error.stack).not.toContain(KEY);
  });

  it('the demo key notice is key-rejected; the premium notice is not-entitled', async () => {
    const alphavantage = await alphaVantageAt({
      [QUERY]: [
        { fixture: 'alphavantage/error-information-demo-key.json' },
        { fixture: 'alphavantage/error-information-premium-endpoint.json' },
      ],
    });
    const demo = (await rejection(alphavantage.getQuotes(['MSFT']))) as ProviderError;
    expect(demo).toMatchObject({ code: 'key-rejected', retryable: false });
    expect(demo.hint).toContain('stockato keys set alphavantage');
    expect(await rejection(alphavantage.getQuotes(['MSFT']))).toMatchObject({ code: 'not-entitled', retryable: false });
  });

  it.each([
    ['a JSON body', { status: 429, json: { Information: 'rate limit' } }],
    ['a plain-text body', { status: 429, body: 'Too Many Requests' }],
  ])('an HTTP 429 with %s is a RateLimitError with Retry-After', async (_, response) => {
    const alphavantage = await alphaVantageAt({ [QUERY]: { ...response, headers: { 'retry-after': '20' } } });
    const error = await rejection(alphavantage.getQuotes(['MSFT']));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 20_000 });
  });

  it('without a key fails with missing-key and sends nothing', async () => {
    const alphavantage = await alphaVantageAt({}, NO_CREDENTIALS);
    expect(alphavantage.capabilities).toMatchObject({ requiresKey: true, quota: { perMinute: 5, perDay: 25 } });
    const error = (await rejection(alphavantage.getQuotes(['MSFT']))) as ProviderError;
    expect(error).toMatchObject({ code: 'missing-key' });
    expect(error.hint).toContain('STOCKATO_ALPHAVANTAGE_KEY');
    expect(server!.requests).toEqual([]);
  });

  it('a server that never answers times out, and the message shows no query string', async () => {
    const alphavantage = await alphaVantageAt({ [QUERY]: { hang: 'before-headers' } }, undefined, 300);
    const error = (await rejection(alphavantage.getQuotes(['MSFT']))) as ProviderError;
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toContain('/query');
    expect(error.message).not.toContain('apikey');
  });

  it.each([
    ['truncated', { fixture: 'alphavantage/rest-GLOBAL_QUOTE-MSFT-2018-10-05.json', truncateAt: 80 }],
    ['not JSON', { body: '<html>maintenance</html>' }],
  ])('a %s body is malformed', async (_, response) => {
    const alphavantage = await alphaVantageAt({ [QUERY]: response });
    expect(await rejection(alphavantage.getQuotes(['MSFT']))).toMatchObject({ code: 'malformed', retryable: true });
  });
});

describe('alphavantage history', () => {
  const daily = { fixture: 'alphavantage/rest-TIME_SERIES_DAILY-IBM-compact-trimmed-8-days-2023-11-28.json' };

  it('asks the compact daily series for a recent range and keeps bars in [from, to)', async () => {
    const alphavantage = await alphaVantageAt({ [QUERY]: byFunction({ TIME_SERIES_DAILY: daily }) });
    const history = await alphavantage.getHistory({
      symbol: 'IBM',
      interval: '1d',
      fromMs: Date.UTC(2023, 10, 27),
      toMs: Date.UTC(2023, 10, 29),
    });
    expect(history.bars.map((b) => [b.tsMs, b.close.toString()])).toEqual([
      [Date.UTC(2023, 10, 27), expect.any(String)],
      [Date.UTC(2023, 10, 28), '155.65'],
    ]);
    expect(server!.requests[0]?.query).toMatchObject({
      function: 'TIME_SERIES_DAILY',
      symbol: 'IBM',
      outputsize: 'compact',
    });
  });

  it('asks the full series for an older start', async () => {
    const alphavantage = await alphaVantageAt({ [QUERY]: byFunction({ TIME_SERIES_DAILY: daily }) });
    await alphavantage.getHistory({ symbol: 'IBM', interval: '1d', fromMs: NOW_MS - 400 * DAY_MS, toMs: NOW_MS });
    expect(server!.requests[0]?.query['outputsize']).toBe('full');
  });

  it('refuses intraday intervals without a request', async () => {
    const alphavantage = await alphaVantageAt({});
    const error = await rejection(
      alphavantage.getHistory({ symbol: 'IBM', interval: '5m', fromMs: NOW_MS - DAY_MS, toMs: NOW_MS }),
    );
    expect(error).toMatchObject({ code: 'unsupported-interval' });
    expect(server!.requests).toEqual([]);
  });
});

describe('alphavantage search and news', () => {
  it('searches with SYMBOL_SEARCH', async () => {
    const alphavantage = await alphaVantageAt({
      [QUERY]: byFunction({ SYMBOL_SEARCH: { fixture: 'alphavantage/rest-SYMBOL_SEARCH-BA.json' } }),
    });
    const found = await alphavantage.search(' BA ');
    expect(found[0]).toMatchObject({ symbol: 'BA', name: 'The Boeing Company', currency: 'USD' });
    expect(server!.requests[0]?.query).toEqual({ function: 'SYMBOL_SEARCH', keywords: 'BA', apikey: KEY });
    expect(await alphavantage.search('  ')).toEqual([]);
    expect(server!.requests).toHaveLength(1);
  });

  it('an empty match list is no instruments', async () => {
    const alphavantage = await alphaVantageAt({ [QUERY]: { json: { bestMatches: [] } } });
    expect(await alphavantage.search('zzzzzz')).toEqual([]);
  });

  it('reads NEWS_SENTIMENT for a ticker, latest first', async () => {
    const alphavantage = await alphaVantageAt({
      [QUERY]: byFunction({
        NEWS_SENTIMENT: { fixture: 'alphavantage/rest-NEWS_SENTIMENT-2024-05-04-trimmed-2-of-50-items.json' },
      }),
    });
    const news = await alphavantage.getNews!('AAPL');
    expect(news.map((n) => [n.publisher, n.publishedMs])).toEqual([
      ['Benzinga', Date.UTC(2024, 4, 4, 16, 3, 17)],
      ['Motley Fool', Date.UTC(2024, 4, 4, 15, 15, 58)],
    ]);
    expect(server!.requests[0]?.query).toEqual({
      function: 'NEWS_SENTIMENT',
      tickers: 'AAPL',
      sort: 'LATEST',
      limit: '20',
      apikey: KEY,
    });
  });
});
