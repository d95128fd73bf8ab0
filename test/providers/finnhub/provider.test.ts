import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import { RateLimitError, UnknownSymbolError, type ProviderError } from '../../../src/errors.js';
import { createFinnhubProvider } from '../../../src/providers/finnhub/provider.js';
import type { MarketDataProvider } from '../../../src/providers/provider.js';
import { NO_CREDENTIALS, type Credentials } from '../../../src/secrets/credentials.js';
import { startReplayServer, type ReplayHandler, type ReplayServer } from '../../helpers/replay-server.js';
import { rejection, staticCredentials } from '../keyed/helpers.js';

const KEY = 'c0ffee_TEST_finnhub_42';
/** 2022-02-24 21:00 UTC, 16:00 in New York: the recorded AAPL quote is from the close. */
const NOW_MS = Date.UTC(2022, 1, 24, 21, 0);

let server: ReplayServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function finnhubAt(
  routes: Record<string, ReplayHandler>,
  credentials: Credentials = staticCredentials({ finnhub: KEY }),
  timeoutMs = 2_000,
): Promise<MarketDataProvider> {
  server = await startReplayServer(routes);
  return createFinnhubProvider({ clock: fixedClock(NOW_MS), credentials, http: { baseUrl: server.url, timeoutMs } });
}

describe('finnhub quotes', () => {
  it('asks one quote per symbol with the key in a header; the all-zero answer is an unknown symbol', async () => {
    const finnhub = await finnhubAt({
      '/quote': (request) => ({
        fixture:
          request.query['symbol'] === 'AAPL'
            ? 'finnhub/rest-quote-AAPL-2022-02-24.json'
            : 'finnhub/rest-quote-unknown-symbol-zeros.json',
      }),
    });
    const batch = await finnhub.getQuotes(['AAPL', 'NOPE', 'BTC-USD']);
    expect(batch.quotes.map((q) => [q.symbol, q.last.toString(), q.previousClose.toString(), q.tsMs])).toEqual([
      ['AAPL', '162.74', '160.07', 1645736402000],
    ]);
    expect(batch.quotes[0]).toMatchObject({ marketState: 'post', source: 'finnhub', currency: 'USD' });
    expect(batch.failures.map((f) => [f.symbol, f.error.code])).toEqual([
      ['BTC-USD', 'unsupported-symbol'],
      ['NOPE', 'unknown-symbol'],
    ]);
    expect(batch.failures[1]?.error).toBeInstanceOf(UnknownSymbolError);
    expect(server!.requests.map((r) => r.query)).toEqual([{ symbol: 'AAPL' }, { symbol: 'NOPE' }]);
    expect(server!.requests[0]?.headers['x-finnhub-token']).toBe(KEY);
    expect(server!.requests[0]?.url).not.toContain(KEY);
  });

  it.each([
    ['a JSON body', { status: 429, fixture: 'finnhub/error-429-api-limit-reached.json' }],
    ['a plain-text body', { status: 429, body: 'Too Many Requests' }],
  ])('429 with %s is a RateLimitError with Retry-After, and no further symbol is asked', async (_, response) => {
    const finnhub = await finnhubAt({ '/quote': { ...response, headers: { 'retry-after': '7' } } });
    const error = await rejection(finnhub.getQuotes(['AAPL', 'MSFT']));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 7_000, provider: 'finnhub' });
    expect(server!.requests).toHaveLength(1);
  });

  it('a rate limit after some quotes keeps them and fails the rest with it', async () => {
    const finnhub = await finnhubAt({
      '/quote': [{ fixture: 'finnhub/rest-quote-AAPL-2022-02-24.json' }, { status: 429, body: 'slow down' }],
    });
    const batch = await finnhub.getQuotes(['AAPL', 'MSFT', 'IBM']);
    expect(batch.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
    expect(batch.failures.map((f) => [f.symbol, f.error.code])).toEqual([
      ['MSFT', 'rate-limited'],
      ['IBM', 'rate-limited'],
    ]);
    expect(server!.requests).toHaveLength(2);
  });

  it.each([['error-401-invalid-api-key.json'], ['error-401-missing-api-key.json']])(
    '401 %s is key-rejected, naming finnhub',
    async (file) => {
      const finnhub = await finnhubAt({ '/quote': { status: 401, fixture: `finnhub/${file}` } });
      const error = (await rejection(finnhub.getQuotes(['AAPL']))) as ProviderError;
      expect(error).toMatchObject({ code: 'key-rejected', retryable: false, provider: 'finnhub' });
      expect(error.message).toMatch(/^finnhub rejected the API key/);
      expect(error.hint).toContain('stockato keys set finnhub');
    },
  );

  it('without a key fails with missing-key and sends nothing', async () => {
    const finnhub = await finnhubAt({}, NO_CREDENTIALS);
    expect(finnhub.capabilities).toMatchObject({ requiresKey: true, quota: { perMinute: 60 }, maxSymbolsPerQuote: 1 });
    const error = (await rejection(finnhub.getQuotes(['AAPL']))) as ProviderError;
    expect(error).toMatchObject({ code: 'missing-key', retryable: false });
    expect(error.hint).toContain('STOCKATO_FINNHUB_KEY');
    expect(server!.requests).toEqual([]);
  });

  it('a server that never answers times out', async () => {
    const finnhub = await finnhubAt(
      { '/quote': { hang: 'mid-body', fixture: 'finnhub/rest-quote-AAPL-2022-02-24.json' } },
      undefined,
      300,
    );
    expect(await rejection(finnhub.getQuotes(['AAPL']))).toMatchObject({ code: 'timeout', retryable: true });
  });

  it.each([
    ['truncated', { fixture: 'finnhub/rest-quote-AAPL-2022-02-24.json', truncateAt: 30 }],
    ['not JSON', { body: 'upstream connect error' }],
  ])('a %s body is malformed', async (_, response) => {
    const finnhub = await finnhubAt({ '/quote': response });
    expect(await rejection(finnhub.getQuotes(['AAPL']))).toMatchObject({ code: 'malformed', retryable: true });
  });
});

describe('finnhub history', () => {
  const fromMs = Date.UTC(2021, 8, 7);
  const toMs = Date.UTC(2021, 8, 23);

  it('reads daily candles in [from, to) with the range in unix seconds', async () => {
    const finnhub = await finnhubAt({ '/stock/candle': { fixture: 'finnhub/rest-stock-candle-AAPL-D-2021-09.json' } });
    const history = await finnhub.getHistory({ symbol: 'AAPL', interval: '1d', fromMs, toMs });
    expect(history.bars).toHaveLength(12);
    expect(history.bars[0]).toMatchObject({ tsMs: Date.UTC(2021, 8, 7) });
    expect(history.bars[0]?.close.toString()).toBe('156.69');
    expect(server!.requests[0]?.query).toEqual({
      symbol: 'AAPL',
      resolution: 'D',
      from: String(fromMs / 1000),
      to: String(toMs / 1000 - 1),
    });
  });

  it('no_data is an empty history', async () => {
    const finnhub = await finnhubAt({ '/stock/candle': { fixture: 'finnhub/rest-stock-candle-no-data.json' } });
    expect((await finnhub.getHistory({ symbol: 'AAPL', interval: '1h', fromMs, toMs })).bars).toEqual([]);
  });

  it('403 on a free key is not-entitled (candles are premium), not a bad key', async () => {
    const finnhub = await finnhubAt({
      '/stock/candle': { status: 403, fixture: 'finnhub/error-403-premium-endpoint.json' },
    });
    const error = (await rejection(
      finnhub.getHistory({ symbol: 'AAPL', interval: '1d', fromMs, toMs }),
    )) as ProviderError;
    expect(error).toMatchObject({ code: 'not-entitled', retryable: false });
    expect(error.hint).toMatch(/paid plan/);
  });
});

describe('finnhub news', () => {
  it('asks company news of the past week', async () => {
    const finnhub = await finnhubAt({ '/company-news': { fixture: 'finnhub/rest-company-news-AAPL-2020-12-08.json' } });
    const news = await finnhub.getNews!('AAPL');
    expect(news).toHaveLength(10);
    expect(news[0]).toMatchObject({ id: '61651699', publisher: 'thestar.com.my', symbols: ['AAPL'] });
    expect(server!.requests[0]?.query).toEqual({ symbol: 'AAPL', from: '2022-02-17', to: '2022-02-24' });
  });

  it('an empty list is no news', async () => {
    const finnhub = await finnhubAt({ '/company-news': { json: [] } });
    expect(await finnhub.getNews!('AAPL')).toEqual([]);
  });

  it('without a symbol reads general market news', async () => {
    const finnhub = await finnhubAt({ '/news': { fixture: 'finnhub/rest-company-news-AAPL-2020-12-08.json' } });
    expect(await finnhub.getNews!(undefined)).toHaveLength(10);
    expect(server!.requests[0]?.query).toEqual({ category: 'general' });
  });
});
