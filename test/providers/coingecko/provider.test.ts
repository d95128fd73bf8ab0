import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import { DAY_MS } from '../../../src/engine/interval.js';
import { RateLimitError, UnknownSymbolError } from '../../../src/errors.js';
import { createCoinGeckoProvider } from '../../../src/providers/coingecko/provider.js';
import type { MarketDataProvider } from '../../../src/providers/provider.js';
import { startReplayServer, type ReplayHandler, type ReplayServer } from '../../helpers/replay-server.js';

/** Just after the last sample of the recorded alephium chart (2023-12-13T14:15:09Z). */
const NOW_MS = 1702476909000 + 60_000;
const PRICE = '/simple/price';
const CHART = '/coins/*';

let server: ReplayServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function coingeckoAt(routes: Record<string, ReplayHandler>, timeoutMs = 2_000): Promise<MarketDataProvider> {
  server = await startReplayServer(routes);
  return createCoinGeckoProvider({ clock: fixedClock(NOW_MS), http: { baseUrl: server.url, timeoutMs } });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but the call succeeded');
}

describe('coingecko quotes', () => {
  it('asks for every coin in one request; coins left out and symbols it cannot name fail alone', async () => {
    const coingecko = await coingeckoAt({
      [PRICE]: { fixture: 'coingecko/rest-simple-price-multi-ids-vs_btc-2023-12.json' },
    });
    const batch = await coingecko.getQuotes(['weth-btc', 'DAI-BTC', 'LTC-BTC', 'AAPL', 'NOTACOIN-USD']);
    expect(batch.quotes.map((q) => [q.symbol, q.last.toString(), q.currency])).toEqual([
      ['WETH-BTC', '0.05312674', 'BTC'],
      ['DAI-BTC', '0.00002389', 'BTC'],
    ]);
    expect(batch.failures.map((f) => [f.symbol, f.error.code])).toEqual([
      ['AAPL', 'unsupported-symbol'],
      ['NOTACOIN-USD', 'unsupported-symbol'],
      ['LTC-BTC', 'unknown-symbol'],
    ]);
    expect(batch.failures[2]?.error).toBeInstanceOf(UnknownSymbolError);
    expect(server?.requests.map((r) => r.query)).toEqual([
      {
        ids: 'weth,dai,litecoin',
        vs_currencies: 'btc',
        include_24hr_change: 'true',
        include_24hr_vol: 'true',
        include_last_updated_at: 'true',
      },
    ]);
  });

  it('reads the 24h change and volume', async () => {
    const coingecko = await coingeckoAt({
      [PRICE]: { fixture: 'coingecko/rest-simple-price-ethereum-usd-all-includes-2020-10-12.json' },
    });
    const [quote] = (await coingecko.getQuotes(['ETH-USD'])).quotes;
    expect(quote?.last.toString()).toBe('374.01');
    expect(quote?.previousClose.lt(quote.last)).toBe(true);
    expect(quote?.tsMs).toBe(1602472941000);
  });

  it('429 with Retry-After rejects the call with a RateLimitError; a Retry-After of 0 says nothing', async () => {
    const coingecko = await coingeckoAt({
      [PRICE]: [
        { status: 429, fixture: 'coingecko/error-429-rate-limit.json', headers: { 'retry-after': '30' } },
        { status: 429, fixture: 'coingecko/error-429-rate-limit.json', headers: { 'retry-after': '0' } },
      ],
    });
    const first = await rejection(coingecko.getQuotes(['BTC-USD']));
    expect(first).toBeInstanceOf(RateLimitError);
    expect(first).toMatchObject({ retryAfterMs: 30_000, retryable: true, provider: 'coingecko' });
    expect(await rejection(coingecko.getQuotes(['BTC-USD']))).toMatchObject({ retryAfterMs: undefined });
  });

  it('a server that never answers times out after the configured 300 ms', async () => {
    const coingecko = await coingeckoAt({ [PRICE]: { hang: 'mid-body', json: { bitcoin: { usd: 1 } } } }, 300);
    const started = performance.now();
    expect(await rejection(coingecko.getQuotes(['BTC-USD']))).toMatchObject({ code: 'timeout', retryable: true });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('a body that is not JSON is malformed', async () => {
    const coingecko = await coingeckoAt({ [PRICE]: { body: 'error code: 1015' } });
    expect(await rejection(coingecko.getQuotes(['BTC-USD']))).toMatchObject({ code: 'malformed', retryable: true });
  });
});

describe('coingecko history', () => {
  const fromMs = Date.UTC(2023, 11, 10);

  it('asks for enough days back from now, daily, and keeps bars in [fromMs, toMs)', async () => {
    const coingecko = await coingeckoAt({
      [CHART]: { fixture: 'coingecko/rest-coins-alephium-market_chart-vs_btc-days5-2023-12.json' },
    });
    const history = await coingecko.getHistory({
      symbol: 'ALPH-BTC',
      interval: '1d',
      fromMs,
      toMs: fromMs + 3 * DAY_MS,
    });
    expect(history.bars.map((b) => new Date(b.tsMs).toISOString().slice(0, 10))).toEqual([
      '2023-12-10',
      '2023-12-11',
      '2023-12-12',
    ]);
    expect(history.instrument).toMatchObject({ symbol: 'ALPH-BTC', name: 'Alephium', currency: 'BTC' });
    expect(server?.requests.map((r) => [r.path, r.query])).toEqual([
      ['/coins/alephium/market_chart', { vs_currency: 'btc', days: '4', interval: 'daily' }],
    ]);
  });

  it('refuses a start older than 365 days without asking', async () => {
    const coingecko = await coingeckoAt({});
    const error = await rejection(
      coingecko.getHistory({ symbol: 'BTC-USD', interval: '1d', fromMs: NOW_MS - 366 * DAY_MS, toMs: NOW_MS }),
    );
    expect(error).toMatchObject({ code: 'range-unavailable', retryable: false });
    expect(server?.requests).toEqual([]);
  });

  it("CoinGecko's own 10012 answer (HTTP 401 or 200) is range-unavailable too", async () => {
    const fixture = 'coingecko/error-401-10012-history-beyond-365-days.json';
    const coingecko = await coingeckoAt({ [CHART]: [{ status: 401, fixture }, { fixture }] });
    const request = { symbol: 'BTC-USD', interval: '1d' as const, fromMs: NOW_MS - 300 * DAY_MS, toMs: NOW_MS };
    expect(await rejection(coingecko.getHistory(request))).toMatchObject({
      code: 'range-unavailable',
      retryable: false,
    });
    expect(await rejection(coingecko.getHistory(request))).toMatchObject({
      code: 'range-unavailable',
      retryable: false,
    });
  });

  it('refuses intraday intervals', async () => {
    const coingecko = await coingeckoAt({});
    const error = await rejection(coingecko.getHistory({ symbol: 'BTC-USD', interval: '1h', fromMs, toMs: NOW_MS }));
    expect(error).toMatchObject({ code: 'unsupported-interval', retryable: false });
  });

  it('404 coin not found is an UnknownSymbolError', async () => {
    const coingecko = await coingeckoAt({
      [CHART]: { status: 404, fixture: 'coingecko/error-404-coin-not-found.json' },
    });
    const error = await rejection(coingecko.getHistory({ symbol: 'BTC-USD', interval: '1d', fromMs, toMs: NOW_MS }));
    expect(error).toBeInstanceOf(UnknownSymbolError);
  });
});

describe('coingecko search', () => {
  it('searches the built-in ids by ticker and name, without a request', async () => {
    const coingecko = await coingeckoAt({});
    expect((await coingecko.search('bitcoin')).map((i) => i.symbol)).toEqual(['BTC-USD', 'BCH-USD', 'WBTC-USD']);
    expect((await coingecko.search('eth')).map((i) => i.symbol).slice(0, 2)).toEqual(['ETH-USD', 'ETC-USD']);
    expect((await coingecko.search('ETH-EUR')).map((i) => [i.symbol, i.name])[0]).toEqual(['ETH-EUR', 'Ethereum']);
    expect(server?.requests).toEqual([]);
  });
});
