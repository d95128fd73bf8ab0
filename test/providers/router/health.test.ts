import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/providers/router/router.js';
import { openStore, type Store } from '../../../src/store/store.js';
import { createTempHome, type TempHome } from '../../helpers/temp-home.js';
import { failures, FakeProvider, ManualClock, T0 } from './fakes.js';

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

describe('the router records provider health in the store', () => {
  it('a failure for the provider that failed, a success for the one that answered', async () => {
    const clock = new ManualClock();
    const first = new FakeProvider('first');
    const second = new FakeProvider('second');
    first.throwAll = failures.serverError('first');
    const router = createRouter({ chain: [first, second], clock, health: store.providerHealth });
    await router.getQuotes(['AAPL']);
    expect(store.providerHealth.all()).toEqual([
      {
        provider: 'first',
        lastFailureMs: T0,
        lastErrorCode: 'server-error',
        lastErrorMessage: 'first: server error (HTTP 503)',
      },
      { provider: 'second', lastSuccessMs: T0 },
    ]);
  });

  it('an unknown symbol is an answer; a refused key is a failure (without opening the circuit)', async () => {
    const clock = new ManualClock();
    const keyless = new FakeProvider('keyless', { '*': failures.unknown('keyless', 'NOPE') });
    const keyed = new FakeProvider('keyed');
    keyed.throwAll = failures.unauthorized('keyed');
    await createRouter({ chain: [keyless], clock, health: store.providerHealth })
      .search('NOPE')
      .catch(() => undefined);
    await createRouter({ chain: [keyed], clock, health: store.providerHealth })
      .search('x')
      .catch(() => undefined);
    expect(store.providerHealth.all()).toEqual([
      { provider: 'keyed', lastFailureMs: T0, lastErrorCode: 'unauthorized', lastErrorMessage: 'keyed: no key' },
      { provider: 'keyless', lastSuccessMs: T0 },
    ]);
  });

  it('a health write that fails does not fail the answer', async () => {
    const clock = new ManualClock();
    const broken = {
      recordSuccess: () => {
        throw new Error('database is locked');
      },
      recordFailure: () => undefined,
    };
    const batch = await createRouter({ chain: [new FakeProvider('p')], clock, health: broken }).getQuotes(['AAPL']);
    expect(batch.quotes).toHaveLength(1);
  });
});
