import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import { RateLimitError, UnknownSymbolError, type ProviderError } from '../../../src/errors.js';
import { parseAlpacaKey } from '../../../src/providers/alpaca/key.js';
import { createAlpacaProvider } from '../../../src/providers/alpaca/provider.js';
import type { MarketDataProvider } from '../../../src/providers/provider.js';
import { NO_CREDENTIALS, type Credentials } from '../../../src/secrets/credentials.js';
import { startReplayServer, type ReplayHandler, type ReplayServer } from '../../helpers/replay-server.js';
import { rejection, staticCredentials } from '../keyed/helpers.js';

const KEY_ID = 'AKTEST1234567890';
const SECRET = 'sEcReT/with:colon+0987654321';
const KEY = `${KEY_ID}:${SECRET}`;
/** 2022-03-18 14:35 UTC, 10:35 in New York: just after the recorded AAPL trade. */
const NOW_MS = Date.UTC(2022, 2, 18, 14, 35);
const SNAPSHOTS = '/v2/stocks/snapshots';
const BARS = '/v2/stocks/bars';

let server: ReplayServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function alpacaAt(
  routes: Record<string, ReplayHandler>,
  credentials: Credentials = staticCredentials({ alpaca: KEY }),
  timeoutMs = 2_000,
): Promise<MarketDataProvider> {
  server = await startReplayServer(routes);
  return createAlpacaProvider({ clock: fixedClock(NOW_MS), credentials, http: { baseUrl: server.url, timeoutMs } });
}

describe('alpaca key', () => {
  it('splits KEY_ID:SECRET_KEY at the first colon', () => {
    expect(parseAlpacaKey(KEY)).toEqual({ keyId: KEY_ID, secretKey: SECRET });
  });

  it.each([
    ['no colon', 'AKTEST1234567890sEcReT', /has no colon/],
    ['an empty key id', ':sEcReT', /key id before the colon is empty/],
    ['an empty secret', 'AKTEST1234567890: ', /secret key after the colon is empty/],
  ])('refuses %s without quoting the value', async (_, value, reason) => {
    const error = (await rejection(Promise.resolve(value).then(parseAlpacaKey))) as ProviderError;
    expect(error).toMatchObject({ code: 'key-malformed', retryable: false });
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('KEY_ID:SECRET_KEY');
    expect(error.message).not.toContain(value.replace(/[: ]/g, '').slice(0, 10));
    expect(error.hint).toContain('stockato keys set alpaca');
  });

  it('a stored value without a colon fails before any request', async () => {
    const alpaca = await alpacaAt({}, staticCredentials({ alpaca: 'AKTEST1234567890' }));
    expect(await rejection(alpaca.getQuotes(['AAPL']))).toMatchObject({ code: 'key-malformed' });
    expect(server!.requests).toEqual([]);
  });
});

describe('alpaca quotes', () => {
  it('asks one snapshot request with both key headers; a symbol left out is unknown', async () => {
    const alpaca = await alpacaAt({ [SNAPSHOTS]: { fixture: 'alpaca/rest-v2-stocks-snapshots-AAPL.json' } });
    const batch = await alpaca.getQuotes(['AAPL', 'NOPE', 'EURUSD=X']);
    expect(
      batch.quotes.map((q) => [q.symbol, q.last.toString(), q.previousClose.toString(), q.open.toString()]),
    ).toEqual([['AAPL', '161.1998', '160.62', '160.59']]);
    expect(batch.quotes[0]).toMatchObject({ marketState: 'regular', source: 'alpaca', currency: 'USD' });
    expect(batch.failures.map((f) => [f.symbol, f.error.code])).toEqual([
      ['EURUSD=X', 'unsupported-symbol'],
      ['NOPE', 'unknown-symbol'],
    ]);
    expect(batch.failures[1]?.error).toBeInstanceOf(UnknownSymbolError);
    const [request] = server!.requests;
    expect(request?.query).toEqual({ symbols: 'AAPL,NOPE', feed: 'iex' });
    expect(request?.headers['apca-api-key-id']).toBe(KEY_ID);
    expect(request?.headers['apca-api-secret-key']).toBe(SECRET);
    expect(request?.url).not.toContain(KEY_ID);
  });

  it.each([
    ['a JSON body', { status: 429, fixture: 'alpaca/error-429-trading-rate-limit.json' }],
    ['a plain-text body', { status: 429, body: 'too many requests' }],
  ])('429 with %s is a RateLimitError with Retry-After', async (_, response) => {
    const alpaca = await alpacaAt({ [SNAPSHOTS]: { ...response, headers: { 'retry-after': '3' } } });
    const error = await rejection(alpaca.getQuotes(['AAPL']));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 3_000, provider: 'alpaca' });
  });

  it('401 is key-rejected, naming alpaca', async () => {
    const alpaca = await alpacaAt({
      [SNAPSHOTS]: { status: 401, fixture: 'alpaca/error-401-request-not-authorized.json' },
    });
    const error = (await rejection(alpaca.getQuotes(['AAPL']))) as ProviderError;
    expect(error).toMatchObject({ code: 'key-rejected', retryable: false });
    expect(error.message).toMatch(/^alpaca rejected the API key \(HTTP 401: request is not authorized\)/);
    expect(error.hint).toContain('stockato keys set alpaca');
  });

  it('403 for SIP data is not-entitled', async () => {
    const body = { message: 'subscription does not permit querying recent SIP data' };
    const alpaca = await alpacaAt({ [SNAPSHOTS]: { status: 403, json: body } });
    expect(await rejection(alpaca.getQuotes(['AAPL']))).toMatchObject({ code: 'not-entitled', retryable: false });
  });

  it('without a key fails with missing-key and sends nothing', async () => {
    const alpaca = await alpacaAt({}, NO_CREDENTIALS);
    expect(alpaca.capabilities).toMatchObject({ requiresKey: true, quota: { perMinute: 200 } });
    const error = (await rejection(alpaca.getQuotes(['AAPL']))) as ProviderError;
    expect(error).toMatchObject({ code: 'missing-key' });
    expect(error.hint).toContain('STOCKATO_ALPACA_KEY');
    expect(server!.requests).toEqual([]);
  });

  it('a server that never answers times out', async () => {
    const alpaca = await alpacaAt({ [SNAPSHOTS]: { hang: 'before-headers' } }, undefined, 300);
    expect(await rejection(alpaca.getQuotes(['AAPL']))).toMatchObject({ code: 'timeout', retryable: true });
  });

  it.each([
    ['truncated', { fixture: 'alpaca/rest-v2-stocks-snapshots-AAPL.json', truncateAt: 100 }],
    ['not JSON', { body: 'Bad Gateway' }],
  ])('a %s body is malformed', async (_, response) => {
    const alpaca = await alpacaAt({ [SNAPSHOTS]: response });
    expect(await rejection(alpaca.getQuotes(['AAPL']))).toMatchObject({ code: 'malformed', retryable: true });
  });
});

describe('alpaca history', () => {
  const fromMs = Date.UTC(2022, 1, 1);
  const toMs = Date.UTC(2022, 1, 3);

  it('reads bars with the IEX feed and split adjustment, following next_page_token', async () => {
    const alpaca = await alpacaAt({
      [BARS]: [
        { fixture: 'alpaca/rest-v2-stocks-bars-AAPL-1Day-2022-02.json' },
        { fixture: 'alpaca/rest-v2-stocks-bars-empty.json' },
      ],
    });
    const history = await alpaca.getHistory({ symbol: 'AAPL', interval: '1d', fromMs, toMs });
    expect(history.bars.map((b) => [b.tsMs, b.close.toString()])).toEqual([
      [Date.UTC(2022, 1, 1), '174.61'],
      [Date.UTC(2022, 1, 2), '175.84'],
    ]);
    expect(server!.requests.map((r) => r.query)).toEqual([
      {
        symbols: 'AAPL',
        timeframe: '1Day',
        start: '2022-02-01T00:00:00.000Z',
        end: '2022-02-02T23:59:59.999Z',
        limit: '10000',
        sort: 'asc',
        adjustment: 'all',
        feed: 'iex',
      },
      expect.objectContaining({ page_token: 'QUFQTHxEfDIwMjItMDItMDJUMDU6MDA6MDAuMDAwMDAwMDAwWg==' }),
    ]);
  });

  it('asks the crypto endpoint for a crypto pair', async () => {
    const alpaca = await alpacaAt({
      '/v1beta3/crypto/us/bars': { fixture: 'alpaca/rest-v1beta3-crypto-us-bars.json' },
    });
    const history = await alpaca.getHistory({
      symbol: 'ETH-USD',
      interval: '1d',
      fromMs: Date.UTC(2022, 2, 9),
      toMs: Date.UTC(2022, 2, 10),
    });
    expect(history.bars.map((b) => b.close.toString())).toEqual(['858.97']);
    expect(server!.requests[0]?.query).toMatchObject({ symbols: 'ETH/USD', timeframe: '1Day' });
    expect(server!.requests[0]?.query['feed']).toBeUndefined();
  });

  it('no bars is an empty history', async () => {
    const alpaca = await alpacaAt({ [BARS]: { fixture: 'alpaca/rest-v2-stocks-bars-empty.json' } });
    expect((await alpaca.getHistory({ symbol: 'AAPL', interval: '1h', fromMs, toMs })).bars).toEqual([]);
  });
});

describe('alpaca news', () => {
  it('reads news for a symbol, newest first', async () => {
    const alpaca = await alpacaAt({ '/v1beta1/news': { fixture: 'alpaca/rest-v1beta1-news-page1.json' } });
    const news = await alpaca.getNews!('AAPL');
    expect(news.map((n) => [n.id, n.symbols])).toEqual([['40432158', ['AAPL', 'QCOM']]]);
    expect(server!.requests[0]?.query).toEqual({ symbols: 'AAPL', limit: '20', sort: 'desc' });
  });
});
