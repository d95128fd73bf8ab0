import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/engine/decimal.js';
import { getQuotes, type QuoteDeps } from '../../src/services/quotes.js';
import { openStore, type Store } from '../../src/store/store.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { failures, FakeProvider, ManualClock, quote } from '../providers/router/fakes.js';

let home: TempHome;
let store: Store;
let clock: ManualClock;
let provider: FakeProvider;
beforeEach(() => {
  home = createTempHome();
  store = openStore(home.path('stockato.db'));
  clock = new ManualClock();
  provider = new FakeProvider('yahoo');
});
afterEach(() => {
  store.close();
  home.cleanup();
});

const deps = (policy: QuoteDeps['policy'] = { ttlMs: 15_000 }): QuoteDeps => ({
  provider,
  cache: store.responses,
  clock,
  policy,
});

describe('getQuotes through the cache', () => {
  it('asks once, then serves from the cache within the TTL, then asks again', async () => {
    const first = await getQuotes(['AAPL'], deps());
    expect(first.quotes[0]?.freshness).toEqual({ stale: false, ageMs: 0 });
    clock.advance(10_000);
    const second = await getQuotes(['AAPL'], deps());
    expect(second.quotes[0]?.freshness).toEqual({ stale: false, ageMs: 10_000 });
    expect(provider.calls).toBe(1);
    clock.advance(6_000);
    await getQuotes(['AAPL'], deps());
    expect(provider.calls).toBe(2);
  });

  it('--max-age tightens the TTL: an older cached quote is asked for again', async () => {
    await getQuotes(['AAPL'], deps());
    clock.advance(5_000);
    await getQuotes(['AAPL'], deps({ ttlMs: 15_000, maxAgeMs: 1_000 }));
    expect(provider.calls).toBe(2);
  });

  it('keeps decimals exact through the cache', async () => {
    const exact = { ...quote('AAPL', 'yahoo'), last: Decimal.of('123.4500000001'), volume: Decimal.of('1e30') };
    provider.getQuotes = () => Promise.resolve({ quotes: [exact], failures: [] });
    await getQuotes(['AAPL'], deps());
    clock.advance(1_000);
    const [served] = (await getQuotes(['AAPL'], deps())).quotes;
    expect(served?.quote.last.toString()).toBe('123.4500000001');
    expect(served?.quote.volume.eq(Decimal.of('1e30'))).toBe(true);
  });

  it('serves the last good quote, stale with its age, when the refresh fails retryably', async () => {
    await getQuotes(['AAPL', 'MSFT'], deps());
    clock.advance(3_600_000);
    provider.throwAll = failures.serverError('yahoo');
    const result = await getQuotes(['AAPL', 'MSFT', 'TSLA'], deps());
    expect(result.quotes.map((q) => [q.quote.symbol, q.freshness.stale, q.freshness.ageMs])).toEqual([
      ['AAPL', true, 3_600_000],
      ['MSFT', true, 3_600_000],
    ]);
    expect(result.quotes[0]?.freshness.reason?.code).toBe('server-error');
    // Never cached: nothing to stand in for it, so the failure is reported.
    expect(result.failures.map((f) => [f.symbol, f.error.code])).toEqual([['TSLA', 'server-error']]);
  });

  it('past --max-age the stale quote is an error naming the symbol and its age', async () => {
    await getQuotes(['AAPL'], deps());
    clock.advance(7_200_000);
    provider.throwAll = failures.timeout('yahoo');
    const result = await getQuotes(['AAPL'], deps({ ttlMs: 15_000, maxAgeMs: 1_000 }));
    expect(result.quotes).toEqual([]);
    expect(result.failures[0]?.error.code).toBe('stale-data');
    expect(result.failures[0]?.error.message).toMatch(/^AAPL: the last good data is 2h old, older than --max-age 1s/);
    expect(result.failures[0]?.error.exitCode).toBe(1);
  });

  it('never papers over an unknown symbol with an old quote', async () => {
    await getQuotes(['AAPL'], deps());
    clock.advance(60_000);
    provider.scripts['AAPL'] = failures.unknown('yahoo', 'AAPL');
    const result = await getQuotes(['AAPL'], deps());
    expect(result.quotes).toEqual([]);
    expect(result.failures[0]?.error.code).toBe('unknown-symbol');
  });

  it('caches nothing for a simulated provider', async () => {
    provider = new FakeProvider('demo', { '*': 'ok' }, { simulated: true });
    await getQuotes(['ACME'], deps());
    await getQuotes(['ACME'], deps());
    expect(provider.calls).toBe(2);
    expect(store.responses.get('quote', 'ACME')).toBeUndefined();
  });

  it('works without a cache (no SQLite driver): asks every time, nothing stale', async () => {
    const result = await getQuotes(['AAPL'], { ...deps(), cache: undefined });
    expect(result.quotes).toHaveLength(1);
    provider.throwAll = failures.serverError('yahoo');
    expect((await getQuotes(['AAPL'], { ...deps(), cache: undefined })).failures[0]?.error.code).toBe('server-error');
  });
});
