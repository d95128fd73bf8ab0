import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import { DAY_MS } from '../../../src/engine/interval.js';
import { RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import { USER_AGENT } from '../../../src/providers/coinbase/http.js';
import { createCoinbaseProvider } from '../../../src/providers/coinbase/provider.js';
import type { MarketDataProvider } from '../../../src/providers/provider.js';
import {
  readFixture,
  startReplayServer,
  type RecordedRequest,
  type ReplayHandler,
  type ReplayResponse,
  type ReplayServer,
} from '../../helpers/replay-server.js';

const NOW_MS = Date.UTC(2024, 2, 13, 12);
const HOUR_MS = 3_600_000;
const PRODUCTS = '/products/*';

let server: ReplayServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function coinbaseAt(routes: Record<string, ReplayHandler>, timeoutMs = 2_000): Promise<MarketDataProvider> {
  server = await startReplayServer(routes);
  return createCoinbaseProvider({ clock: fixedClock(NOW_MS), http: { baseUrl: server.url, timeoutMs } });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but the call succeeded');
}

/** The documented stats shape (no recorded capture exists). */
const STATS = { open: '72000.00', high: '73500.00', low: '71800.00', last: '73367.80', volume: '1207.5' };

/** Ticker and stats for any product; products starting NOPE answer the recorded 404. */
function exchange(request: RecordedRequest): ReplayResponse {
  if (request.path.startsWith('/products/NOPE'))
    return { status: 404, fixture: 'coinbase/error-exchange-404-unknown-product.json' };
  if (request.path.endsWith('/ticker')) return { fixture: 'coinbase/rest-exchange-ticker-BTC-USDT-2024-03-13.json' };
  if (request.path.endsWith('/stats')) return { json: STATS };
  return { status: 404, body: 'no route' };
}

/** Every candle in [start, end] (inclusive, as Coinbase does) newest first, from the recorded row. */
function candles(request: RecordedRequest): ReplayResponse {
  const row = JSON.parse(readFixture('coinbase', 'rest-exchange-candles-BTC-USDT-1h-2024-03-13.json'))[0];
  const stepS = Number(request.query['granularity']);
  const startS = Math.ceil(Date.parse(request.query['start'] ?? '') / 1000 / stepS) * stepS;
  const endS = Math.min(Date.parse(request.query['end'] ?? '') / 1000, NOW_MS / 1000);
  const rows = [];
  for (let t = startS; t <= endS; t += stepS) rows.unshift([t, ...row.slice(1)]);
  return { json: rows };
}

describe('coinbase quotes', () => {
  it('builds quotes from ticker and stats, with a User-Agent', async () => {
    const coinbase = await coinbaseAt({ [PRODUCTS]: exchange });
    const batch = await coinbase.getQuotes(['btc-usd']);
    expect(batch.quotes.map((q) => [q.symbol, q.last.toString(), q.previousClose.toString()])).toEqual([
      ['BTC-USD', '73367.8', '72000'],
    ]);
    expect(server?.requests.map((r) => r.path).sort()).toEqual(['/products/BTC-USD/stats', '/products/BTC-USD/ticker']);
    expect(server?.requests[0]?.headers['user-agent']).toBe(USER_AGENT);
  });

  it('unknown (404) and unsupported symbols fail alone, beside the quotes', async () => {
    const coinbase = await coinbaseAt({ [PRODUCTS]: exchange });
    const batch = await coinbase.getQuotes(['NOPE-USD', 'AAPL', 'ETH-USD', 'ETH-USD']);
    expect(batch.quotes.map((q) => q.symbol)).toEqual(['ETH-USD']);
    expect(batch.failures.map((f) => [f.symbol, f.error.code])).toEqual([
      ['NOPE-USD', 'unknown-symbol'],
      ['AAPL', 'unsupported-symbol'],
    ]);
    expect(batch.failures[0]?.error).toBeInstanceOf(UnknownSymbolError);
    expect(server?.requests.filter((r) => r.path.startsWith('/products/ETH-USD'))).toHaveLength(2);
  });

  it('429 with Retry-After rejects the whole call with a RateLimitError', async () => {
    const coinbase = await coinbaseAt({
      [PRODUCTS]: {
        status: 429,
        fixture: 'coinbase/error-exchange-429-public-rate-limit.json',
        headers: { 'retry-after': '3' },
      },
    });
    const error = await rejection(coinbase.getQuotes(['BTC-USD', 'ETH-USD']));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 3_000, provider: 'coinbase' });
  });

  it('a server that never answers times out after the configured 300 ms', async () => {
    const coinbase = await coinbaseAt({ [PRODUCTS]: { hang: 'before-headers' } }, 300);
    const started = performance.now();
    expect(await rejection(coinbase.getQuotes(['BTC-USD']))).toMatchObject({ code: 'timeout', retryable: true });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('a body that is not JSON, or the wrong JSON, is malformed', async () => {
    const coinbase = await coinbaseAt({ [PRODUCTS]: { body: '<html>maintenance</html>' } });
    expect(await rejection(coinbase.getQuotes(['BTC-USD']))).toMatchObject({ code: 'malformed' });
    server?.route(PRODUCTS, { json: { price: 'soon' } });
    expect(await rejection(coinbase.getQuotes(['BTC-USD']))).toMatchObject({ code: 'malformed' });
  });
});

describe('coinbase history', () => {
  const CANDLES = '/products/BTC-USD/candles';

  it('pages 700 hours in windows of 300 candles without duplicates, within the range', async () => {
    const coinbase = await coinbaseAt({ [PRODUCTS]: candles });
    const fromMs = NOW_MS - 720 * HOUR_MS;
    const toMs = fromMs + 700 * HOUR_MS;
    const history = await coinbase.getHistory({ symbol: 'BTC-USD', interval: '1h', fromMs, toMs });
    const starts = history.bars.map((b) => b.tsMs);
    expect(starts).toHaveLength(700);
    expect(new Set(starts).size).toBe(700);
    expect(starts[0]).toBe(fromMs);
    expect(starts[699]).toBe(toMs - HOUR_MS);
    const queries = server?.requestsTo(CANDLES).map((r) => [r.query['start'], r.query['end'], r.query['granularity']]);
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(queries).toEqual([
      [iso(fromMs), iso(fromMs + 300 * HOUR_MS - 1000), '3600'],
      [iso(fromMs + 300 * HOUR_MS), iso(fromMs + 600 * HOUR_MS - 1000), '3600'],
      [iso(fromMs + 600 * HOUR_MS), iso(toMs - 1000), '3600'],
    ]);
  });

  it('builds weekly bars from daily candles; the last week is whole though the range ends inside it', async () => {
    const coinbase = await coinbaseAt({ [PRODUCTS]: candles });
    const monday = Date.UTC(2024, 1, 5);
    const history = await coinbase.getHistory({
      symbol: 'BTC-USD',
      interval: '1wk',
      fromMs: monday,
      toMs: monday + 8 * DAY_MS,
    });
    expect(history.bars.map((b) => [b.tsMs, b.volume.toString()])).toEqual([
      [monday, '10.97560842'],
      [monday + 7 * DAY_MS, '10.97560842'],
    ]);
    expect(server?.requestsTo(CANDLES)[0]?.query['granularity']).toBe('86400');
  });

  it('an unknown product is an UnknownSymbolError naming the symbol', async () => {
    const coinbase = await coinbaseAt({ [PRODUCTS]: exchange });
    const error = await rejection(
      coinbase.getHistory({ symbol: 'NOPE-USD', interval: '1d', fromMs: NOW_MS - DAY_MS, toMs: NOW_MS }),
    );
    expect(error).toBeInstanceOf(UnknownSymbolError);
    expect(error).toMatchObject({ symbol: 'NOPE-USD' });
  });
});

describe('coinbase search', () => {
  const LIST = [
    { id: 'BTC-USD', display_name: 'BTC/USD', status: 'online', trading_disabled: false },
    { id: 'BTC-EUR', display_name: 'BTC/EUR', status: 'online', trading_disabled: false },
    { id: 'ETH-USD', display_name: 'ETH/USD', status: 'online', trading_disabled: false },
    { id: 'OLD-USD', display_name: 'OLD/USD', status: 'delisted', trading_disabled: false },
    { id: 'OFF-USD', display_name: 'OFF/USD', status: 'online', trading_disabled: true },
  ];

  it('matches base and product id, USD first, fetching /products once', async () => {
    const coinbase = await coinbaseAt({ '/products': { json: LIST } });
    expect((await coinbase.search('btc')).map((i) => i.symbol)).toEqual(['BTC-USD', 'BTC-EUR']);
    expect((await coinbase.search('ETH-USD')).map((i) => [i.symbol, i.exchange])).toEqual([['ETH-USD', 'COINBASE']]);
    expect(await coinbase.search('OLD')).toEqual([]);
    expect(await coinbase.search('OFF')).toEqual([]);
    expect(server?.requests).toHaveLength(1);
  });
});
