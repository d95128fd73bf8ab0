import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import { RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import { createBinanceProvider } from '../../../src/providers/binance/provider.js';
import type { MarketDataProvider } from '../../../src/providers/provider.js';
import {
  readFixture,
  startReplayServer,
  type RecordedRequest,
  type ReplayHandler,
  type ReplayResponse,
  type ReplayServer,
} from '../../helpers/replay-server.js';

const NOW_MS = Date.UTC(2021, 9, 23);
const TICKER = '/api/v3/ticker/24hr';
const KLINES = '/api/v3/klines';
const MINUTE_MS = 60_000;

let server: ReplayServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function binanceAt(routes: Record<string, ReplayHandler>, timeoutMs = 2_000): Promise<MarketDataProvider> {
  server = await startReplayServer(routes);
  return createBinanceProvider({ clock: fixedClock(NOW_MS), http: { baseUrl: server.url, timeoutMs } });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but the call succeeded');
}

/** Tickers for the symbols asked, from the recorded BTCUSDT one; any symbol named NOPE* is unknown (-1121). */
function echoTickers(request: RecordedRequest): ReplayResponse {
  const template = JSON.parse(readFixture('binance', 'rest-ticker-24hr-BTCUSDT-2021-10-22.json'));
  const symbols = JSON.parse(request.query['symbols'] ?? '[]') as string[];
  if (symbols.some((s) => s.startsWith('NOPE'))) {
    return { status: 400, fixture: 'binance/error-400-invalid-symbol.json' };
  }
  return { json: symbols.map((symbol) => ({ ...template, symbol })) };
}

/** Klines of `interval` from startTime, at most `limit` and not after endTime, from the recorded first row. */
function klinePages(stepMs: number, firstMs: number, lastMs: number) {
  const row = JSON.parse(readFixture('binance', 'rest-klines-BTCUSDT-1m-10bars-2021-10-22.json'))[0];
  return (request: RecordedRequest): ReplayResponse => {
    const start = Number(request.query['startTime']);
    const end = Math.min(Number(request.query['endTime']), lastMs);
    const limit = Number(request.query['limit']);
    const rows = [];
    for (let t = Math.max(firstMs, Math.ceil((start - firstMs) / stepMs) * stepMs + firstMs); t <= end; t += stepMs) {
      if (rows.length === limit) break;
      rows.push([t, ...row.slice(1, 6), t + stepMs - 1, ...row.slice(7)]);
    }
    return { json: rows };
  };
}

describe('binance quotes', () => {
  it('asks for many symbols in one request and maps them back', async () => {
    const binance = await binanceAt({ [TICKER]: echoTickers });
    const batch = await binance.getQuotes(['btc-usd', 'ETH-BTC']);
    expect(batch.failures).toEqual([]);
    expect(batch.quotes.map((q) => [q.symbol, q.currency, q.last.toString()])).toEqual([
      ['BTC-USD', 'USD', '60755.18'],
      ['ETH-BTC', 'BTC', '60755.18'],
    ]);
    expect(server?.requestsTo(TICKER).map((r) => r.query['symbols'])).toEqual(['["BTCUSDT","ETHBTC"]']);
  });

  it('an unknown symbol fails alone: the batch is asked again symbol by symbol', async () => {
    const binance = await binanceAt({ [TICKER]: echoTickers });
    const batch = await binance.getQuotes(['BTC-USD', 'NOPE-USD', 'AAPL']);
    expect(batch.quotes.map((q) => q.symbol)).toEqual(['BTC-USD']);
    expect(batch.failures.map((f) => [f.symbol, f.error.code])).toEqual([
      ['AAPL', 'unsupported-symbol'],
      ['NOPE-USD', 'unknown-symbol'],
    ]);
    expect(batch.failures[1]?.error).toBeInstanceOf(UnknownSymbolError);
    expect(server?.requestsTo(TICKER).map((r) => r.query['symbols'])).toEqual([
      '["BTCUSDT","NOPEUSDT"]',
      '["BTCUSDT"]',
      '["NOPEUSDT"]',
    ]);
  });

  it('429 with Retry-After rejects the whole call with a RateLimitError', async () => {
    const binance = await binanceAt({
      [TICKER]: {
        status: 429,
        fixture: 'binance/error-429-too-much-request-weight.json',
        headers: { 'retry-after': '42' },
      },
    });
    const error = await rejection(binance.getQuotes(['BTC-USD', 'ETH-USD']));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 42_000, retryable: true, provider: 'binance' });
  });

  it('451 restricted location is not retryable and points at another provider', async () => {
    const binance = await binanceAt({
      [TICKER]: { status: 451, fixture: 'binance/error-451-restricted-location.json' },
    });
    const error = await rejection(binance.getQuotes(['BTC-USD']));
    expect(error).toMatchObject({ code: 'restricted-location', retryable: false });
    expect((error as { hint?: string }).hint).toMatch(/Coinbase/);
  });

  it('a server that never answers times out after the configured 300 ms', async () => {
    const binance = await binanceAt({ [TICKER]: { hang: 'before-headers' } }, 300);
    const started = performance.now();
    const error = await rejection(binance.getQuotes(['BTC-USD']));
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('a truncated body is malformed', async () => {
    const binance = await binanceAt({
      [TICKER]: { fixture: 'binance/rest-ticker-24hr-BTCUSDT-2021-10-22.json', truncateAt: 100 },
    });
    expect(await rejection(binance.getQuotes(['BTC-USD']))).toMatchObject({ code: 'malformed', retryable: true });
  });

  it('a JSON body of the wrong shape is malformed', async () => {
    const binance = await binanceAt({ [TICKER]: { json: { symbol: 'BTCUSDT' } } });
    expect(await rejection(binance.getQuotes(['BTC-USD']))).toMatchObject({ code: 'malformed' });
  });
});

describe('binance history', () => {
  const firstMs = Date.UTC(2021, 9, 20);

  it('pages through 2,500 minutes: startTime advances, no duplicates, range honoured', async () => {
    const binance = await binanceAt({ [KLINES]: klinePages(MINUTE_MS, firstMs, NOW_MS) });
    const fromMs = firstMs + 30 * MINUTE_MS + 1; // not on a bar start: the first bar is the next one
    const toMs = fromMs + 2_500 * MINUTE_MS;
    const history = await binance.getHistory({ symbol: 'BTC-USD', interval: '1m', fromMs, toMs });
    const starts = history.bars.map((b) => b.tsMs);
    expect(starts).toHaveLength(2_500);
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts[0]).toBe(firstMs + 31 * MINUTE_MS);
    expect(Math.max(...starts)).toBeLessThan(toMs);
    expect(starts.every((t, i) => i === 0 || t - (starts[i - 1] as number) === MINUTE_MS)).toBe(true);
    const queries = server?.requestsTo(KLINES).map((r) => r.query) ?? [];
    expect(queries.map((q) => Number(q['startTime']))).toEqual([
      fromMs,
      firstMs + 1_030 * MINUTE_MS + 1,
      firstMs + 2_030 * MINUTE_MS + 1,
    ]);
    expect(queries[0]).toMatchObject({ symbol: 'BTCUSDT', interval: '1m', limit: '1000', endTime: String(toMs - 1) });
    expect(history.instrument).toMatchObject({ symbol: 'BTC-USD', currency: 'USD', assetClass: 'crypto' });
  });

  it('drops bars the server sends outside [fromMs, toMs)', async () => {
    const binance = await binanceAt({ [KLINES]: { fixture: 'binance/rest-klines-BTCUSDT-1m-10bars-2021-10-22.json' } });
    const first = 1634943780000;
    const history = await binance.getHistory({
      symbol: 'BTC-USD',
      interval: '1m',
      fromMs: first + 2 * MINUTE_MS,
      toMs: first + 7 * MINUTE_MS,
    });
    expect(history.bars.map((b) => (b.tsMs - first) / MINUTE_MS)).toEqual([2, 3, 4, 5, 6]);
  });

  it('maps weekly bars to 1w and stops at a short page', async () => {
    const binance = await binanceAt({ [KLINES]: { fixture: 'binance/rest-klines-BTCUSDT-1m-10bars-2021-10-22.json' } });
    await binance.getHistory({ symbol: 'BTC-USD', interval: '1wk', fromMs: firstMs, toMs: NOW_MS });
    expect(server?.requestsTo(KLINES).map((r) => r.query['interval'])).toEqual(['1w']);
  });

  it('an unknown symbol (-1121) is an UnknownSymbolError naming it', async () => {
    const binance = await binanceAt({ [KLINES]: { status: 400, fixture: 'binance/error-400-invalid-symbol.json' } });
    const error = await rejection(
      binance.getHistory({ symbol: 'NOPE-USD', interval: '1d', fromMs: firstMs, toMs: NOW_MS }),
    );
    expect(error).toBeInstanceOf(UnknownSymbolError);
    expect(error).toMatchObject({ symbol: 'NOPE-USD', retryable: false });
  });

  it('refuses a range that would need more than 100 pages without asking', async () => {
    const binance = await binanceAt({});
    const error = await rejection(
      binance.getHistory({ symbol: 'BTC-USD', interval: '1m', fromMs: NOW_MS - 400 * 86_400_000, toMs: NOW_MS }),
    );
    expect(error).toMatchObject({ code: 'range-unavailable', retryable: false });
    expect(server?.requests).toEqual([]);
  });
});

describe('binance search', () => {
  it('matches base asset and symbol, fetching exchangeInfo once', async () => {
    const binance = await binanceAt({
      '/api/v3/exchangeInfo': { fixture: 'binance/rest-exchangeInfo-BTCUSDT-ETHUSDT-2021-10-22.json' },
    });
    expect((await binance.search('eth')).map((i) => i.symbol)).toEqual(['ETH-USD']);
    expect((await binance.search('BTCUSDT')).map((i) => [i.symbol, i.name, i.exchange])).toEqual([
      ['BTC-USD', 'BTC/USDT', 'BINANCE'],
    ]);
    expect(await binance.search('DOGE')).toEqual([]);
    expect(server?.requests).toHaveLength(1);
  });

  it('ranks an exact base asset before a longer one it prefixes', async () => {
    const info = JSON.parse(readFixture('binance', 'rest-exchangeInfo-BTCUSDT-ETHUSDT-2021-10-22.json'));
    const btc = info.symbols[0];
    info.symbols.push({ ...btc, symbol: 'BTCDOWNUSDT', baseAsset: 'BTCDOWN' });
    const binance = await binanceAt({ '/api/v3/exchangeInfo': { json: info } });
    expect((await binance.search('btc')).map((i) => i.symbol)).toEqual(['BTC-USD', 'BTCDOWN-USD']);
  });

  it('forgets a failed exchangeInfo so the next search asks again', async () => {
    const binance = await binanceAt({
      '/api/v3/exchangeInfo': [
        { status: 503, body: 'busy' },
        { fixture: 'binance/rest-exchangeInfo-BTCUSDT-ETHUSDT-2021-10-22.json' },
      ],
    });
    expect(await rejection(binance.search('BTC'))).toMatchObject({ code: 'server-error' });
    expect((await binance.search('BTC')).map((i) => i.symbol)).toEqual(['BTC-USD']);
  });
});
