import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/store.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';

let home: TempHome;
let store: Store;
beforeEach(() => {
  home = createTempHome();
  store = openStore(home.path('stockato.db'));
});
afterEach(() => {
  store.close();
  home.cleanup();
});

describe('ProviderHealthRepository', () => {
  it('is empty on a new database', () => {
    expect(store.providerHealth.all()).toEqual([]);
  });

  it('keeps the last success and the last failure of each provider, by id', () => {
    store.providerHealth.recordSuccess('yahoo', 1_000);
    store.providerHealth.recordFailure('yahoo', { code: 'server-error', message: 'HTTP 503' }, 2_000);
    store.providerHealth.recordSuccess('yahoo', 3_000);
    store.providerHealth.recordFailure('binance', { code: 'rate-limited', message: 'HTTP 429' }, 2_500);
    expect(store.providerHealth.all()).toEqual([
      { provider: 'binance', lastFailureMs: 2_500, lastErrorCode: 'rate-limited', lastErrorMessage: 'HTTP 429' },
      {
        provider: 'yahoo',
        lastSuccessMs: 3_000,
        lastFailureMs: 2_000,
        lastErrorCode: 'server-error',
        lastErrorMessage: 'HTTP 503',
      },
    ]);
  });

  it('never lets an older record (another process, late) replace a newer one', () => {
    store.providerHealth.recordSuccess('yahoo', 5_000);
    store.providerHealth.recordSuccess('yahoo', 4_000);
    store.providerHealth.recordFailure('yahoo', { code: 'timeout', message: 'new' }, 6_000);
    store.providerHealth.recordFailure('yahoo', { code: 'server-error', message: 'old' }, 5_500);
    expect(store.providerHealth.all()).toEqual([
      {
        provider: 'yahoo',
        lastSuccessMs: 5_000,
        lastFailureMs: 6_000,
        lastErrorCode: 'timeout',
        lastErrorMessage: 'new',
      },
    ]);
  });

  it('survives reopening the file, and cuts a very long message', () => {
    store.providerHealth.recordFailure('yahoo', { code: 'malformed', message: 'x'.repeat(2_000) }, 1);
    store.close();
    store = openStore(home.path('stockato.db'));
    const [health] = store.providerHealth.all();
    expect(health?.lastErrorMessage?.length).toBe(501);
  });

  it('refuses a time that is not an integer', () => {
    expect(() => store.providerHealth.recordSuccess('yahoo', 1.5)).toThrow(RangeError);
  });
});

describe('ResponseCacheRepository', () => {
  it('returns what was put, of any age, and keeps the newer of two writes', () => {
    expect(store.responses.get('quote', 'AAPL')).toBeUndefined();
    store.responses.put('quote', 'AAPL', { source: 'yahoo', fetchedAtMs: 2_000, body: '{"last":"1.10"}' });
    store.responses.put('quote', 'AAPL', { source: 'binance', fetchedAtMs: 1_000, body: '{"last":"9"}' });
    store.responses.put('news', 'AAPL', { source: 'yahoo', fetchedAtMs: 500, body: '[]' });
    expect(store.responses.get('quote', 'AAPL')).toEqual({
      source: 'yahoo',
      fetchedAtMs: 2_000,
      body: '{"last":"1.10"}',
    });
    expect(store.responses.get('news', 'AAPL')?.body).toBe('[]');
  });
});
