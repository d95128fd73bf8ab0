import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/errors.js';
import type { MarketDataProvider, NewsItem } from '../../../src/providers/provider.js';
import { createRouter, type RouterOptions } from '../../../src/providers/router/router.js';
import { FakeProvider, ManualClock, failures } from './fakes.js';

const REQUEST = { symbol: 'AAPL', interval: '1d', fromMs: 0, toMs: 86_400_000 } as const;

function router(chain: RouterOptions['chain'], extra: Partial<RouterOptions> = {}): MarketDataProvider {
  return createRouter({ chain, clock: new ManualClock(), ...extra });
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe('router fallback down the chain', () => {
  it.each([
    ['429 rate limited', failures.rateLimited('a')],
    ['5xx server error', failures.serverError('a')],
    ['timeout', failures.timeout('a')],
    ['malformed payload', failures.malformed('a')],
    ['unsupported symbol', failures.unsupported('a', 'AAPL')],
  ])('asks the next provider after %s', async (_name, error) => {
    const a = new FakeProvider('a', { AAPL: error });
    const b = new FakeProvider('b');
    const history = await router([a, b]).getHistory(REQUEST);
    expect(history.instrument.symbol).toBe('AAPL');
    expect([a.calls, b.calls]).toEqual([1, 1]);
  });

  it.each([
    ['unknown symbol', failures.unknown('a', 'AAPL'), 'unknown-symbol'],
    ['unauthorized', failures.unauthorized('a'), 'unauthorized'],
    [
      'range unavailable',
      new ProviderError('a', 'range-unavailable', 'a: no 1m bars that old', false),
      'range-unavailable',
    ],
  ])('stops at %s: the error is final and the next provider is not asked', async (_name, error, code) => {
    const a = new FakeProvider('a', { AAPL: error });
    const b = new FakeProvider('b');
    const thrown = await rejection(router([a, b]).getHistory(REQUEST));
    expect(thrown.code).toBe(code);
    expect(thrown).toBe(error);
    expect(b.calls).toBe(0);
  });

  it('skips providers that cannot do the request (no history, or not that interval)', async () => {
    const noHistory = new FakeProvider('no-history', {}, { history: false });
    const noMinutes = new FakeProvider('daily-only', {}, { intervals: ['1d'] });
    const minutes = new FakeProvider('minutes', {}, { intervals: ['1m'] });
    await router([noHistory, noMinutes, minutes]).getHistory({ ...REQUEST, interval: '1m' });
    expect([noHistory.calls, noMinutes.calls, minutes.calls]).toEqual([0, 0, 1]);
  });

  it('when every provider fails, names each one and why, retryable as the last was', async () => {
    const yahoo = new FakeProvider('yahoo', { '*': failures.rateLimited('yahoo', 30_000) });
    const polygon = new FakeProvider('polygon', { '*': failures.serverError('polygon') });
    const r = router([yahoo, polygon]);
    const first = await rejection(r.getHistory(REQUEST));
    expect(first.code).toBe('all-providers-failed');
    expect(first.provider).toBe('router');
    expect(first.retryable).toBe(true);
    expect(first.message).toBe(
      'no provider could answer for AAPL: yahoo: rate limited; polygon: server error (HTTP 503)',
    );
    expect(first.hint).toContain('try again later');
    // Yahoo's Retry-After now keeps it out, and the message says for how long.
    const second = await rejection(r.getHistory({ ...REQUEST, toMs: 2 * 86_400_000 }));
    expect(second.message).toBe(
      'no provider could answer for AAPL: yahoo: rate limited (retry in 30s); polygon: server error (HTTP 503)',
    );
    expect(yahoo.calls).toBe(1);
  });

  it('a chain that can do nothing says so', async () => {
    const thrown = await rejection(router([new FakeProvider('a', {}, { search: false })]).search('apple'));
    expect(thrown.message).toBe('no provider could answer for search "apple": no provider in the chain can do this');
    expect(thrown.retryable).toBe(false);
  });
});

describe('router chains and overrides', () => {
  it('asks the override of a symbol first, then the chain in order', async () => {
    const yahoo = new FakeProvider('yahoo');
    const coinbase = new FakeProvider('coinbase');
    const r = router([yahoo, coinbase], { overrides: { 'BTC-USD': 'coinbase' } });
    const batch = await r.getQuotes(['BTC-USD', 'AAPL']);
    expect(batch.quotes.map((q) => `${q.symbol}@${q.source}`)).toEqual(['BTC-USD@coinbase', 'AAPL@yahoo']);
    expect(coinbase.quoteCalls).toEqual([['BTC-USD']]);
    expect(yahoo.quoteCalls).toEqual([['AAPL']]);
  });

  it('falls back from an override to the rest of the chain', async () => {
    const yahoo = new FakeProvider('yahoo');
    const coinbase = new FakeProvider('coinbase', { '*': failures.serverError('coinbase') });
    const r = router([yahoo, coinbase], { overrides: { 'BTC-USD': 'coinbase' } });
    await r.getHistory({ ...REQUEST, symbol: 'BTC-USD' });
    expect([coinbase.calls, yahoo.calls]).toEqual([1, 1]);
  });

  it('refuses an override naming a provider in no chain', () => {
    expect(() => router([new FakeProvider('yahoo')], { overrides: { 'BTC-USD': 'kraken' } })).toThrow(
      /override for BTC-USD names "kraken"/,
    );
  });

  it.each([
    ['BTC-USD', 'binance'],
    ['AAPL', 'yahoo'],
    ['EURUSD=X', 'fallback'],
  ])('takes the chain of the asset class of %s', async (symbol, expected) => {
    const providers = [new FakeProvider('binance'), new FakeProvider('yahoo'), new FakeProvider('fallback')];
    const [binance, yahoo, fallback] = providers as [FakeProvider, FakeProvider, FakeProvider];
    const r = router({ crypto: [binance], equity: [yahoo], default: [fallback] });
    const batch = await r.getQuotes([symbol]);
    expect(batch.quotes[0]?.source).toBe(expected);
  });

  it('declares the union of its providers as capabilities', () => {
    const a = new FakeProvider(
      'a',
      {},
      { assetClasses: ['equity'], intervals: ['1d'], requiresKey: true, news: false },
    );
    const b = new FakeProvider(
      'b',
      {},
      { assetClasses: ['crypto'], intervals: ['1m', '1d'], requiresKey: false, news: true },
    );
    const r = router({ crypto: [b], default: [a] });
    expect(r.id).toBe('router');
    expect(r.capabilities).toMatchObject({
      assetClasses: ['equity', 'crypto'],
      intervals: ['1m', '1d'],
      news: true,
      requiresKey: false,
      simulated: false,
    });
    expect(r.capabilities.quota).toBeUndefined();
  });
});

describe('router news and search', () => {
  class NewsProvider extends FakeProvider {
    async getNews(symbol: string | undefined): Promise<readonly NewsItem[]> {
      this.calls += 1;
      if (this.throwAll) throw this.throwAll as ProviderError;
      return [
        {
          id: this.id,
          title: `${symbol ?? 'market'} news`,
          publisher: this.id,
          url: 'https://example.com',
          publishedMs: 0,
          symbols: [],
        },
      ];
    }
  }

  it('asks only providers with news, falling back on a retryable failure', async () => {
    const silent = new NewsProvider('silent', {}, { news: false });
    const failing = new NewsProvider('failing', {}, { news: true });
    failing.throwAll = failures.serverError('failing');
    const working = new NewsProvider('working', {}, { news: true });
    const news = await router([silent, failing, working]).getNews?.('AAPL');
    expect(news?.map((item) => `${item.publisher}: ${item.title}`)).toEqual(['working: AAPL news']);
    expect([silent.calls, failing.calls, working.calls]).toEqual([0, 1, 1]);
  });

  it('searches down the default chain', async () => {
    const a = new FakeProvider('a', { '*': failures.timeout('a') });
    const b = new FakeProvider('b');
    expect((await router([a, b]).search('apple')).map((i) => i.symbol)).toEqual(['apple']);
    expect([a.calls, b.calls]).toEqual([1, 1]);
  });
});
