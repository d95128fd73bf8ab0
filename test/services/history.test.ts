import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/errors.js';
import { createDemoProvider } from '../../src/providers/demo/provider.js';
import type { HistoryRequest, MarketDataProvider } from '../../src/providers/provider.js';
import { getHistory, type HistoryDeps } from '../../src/services/history.js';
import { openStore, type Store } from '../../src/store/store.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { ManualClock } from '../providers/router/fakes.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

let home: TempHome;
let store: Store;
let clock: ManualClock;
let asked: HistoryRequest[];
let failWith: ProviderError | undefined;
let provider: MarketDataProvider;

/** The real demo market, seen as a real (not simulated) source that records what it is asked. */
beforeEach(() => {
  home = createTempHome();
  store = openStore(home.path('stockato.db'));
  clock = new ManualClock(Date.UTC(2026, 2, 4, 18));
  asked = [];
  failWith = undefined;
  const demo = createDemoProvider({ clock });
  provider = {
    ...demo,
    id: 'fake',
    capabilities: { ...demo.capabilities, simulated: false },
    getHistory: (request) => {
      asked.push(request);
      return failWith ? Promise.reject(failWith) : demo.getHistory(request);
    },
  };
});
afterEach(() => {
  store.close();
  home.cleanup();
});

const deps = (policy: HistoryDeps['policy'] = { ttlMs: 6 * HOUR }): HistoryDeps => ({ provider, store, clock, policy });
const request = (fromMs: number): HistoryRequest => ({ symbol: 'ACME', interval: '1d', fromMs, toMs: clock.nowMs() });

describe('getHistory: incremental refresh', () => {
  it('fetches the whole range once, then serves it from the cache within the TTL', async () => {
    const fromMs = clock.nowMs() - 30 * DAY;
    const first = await getHistory(request(fromMs), deps());
    expect(first.fromCache).toBe(false);
    expect(asked).toEqual([{ symbol: 'ACME', interval: '1d', fromMs, toMs: clock.nowMs() }]);
    clock.advance(HOUR);
    const second = await getHistory(request(fromMs), deps());
    expect(second.fromCache).toBe(true);
    expect(second.bars).toEqual(first.bars);
    expect(asked).toHaveLength(1);
  });

  it('after the TTL only the bars that were still forming are fetched again, not the whole range', async () => {
    const fromMs = clock.nowMs() - 30 * DAY;
    await getHistory(request(fromMs), deps());
    const firstToMs = clock.nowMs();
    clock.advance(2 * DAY);
    const result = await getHistory(request(fromMs), deps());
    expect(asked[1]).toEqual({ symbol: 'ACME', interval: '1d', fromMs: firstToMs - DAY, toMs: clock.nowMs() });
    expect(result.fetched).toEqual([{ fromMs: firstToMs - DAY, toMs: clock.nowMs() }]);
    // A wider range asks only for the older part it lacks.
    await getHistory(request(fromMs - 10 * DAY), deps());
    expect(asked[2]).toEqual({ symbol: 'ACME', interval: '1d', fromMs: fromMs - 10 * DAY, toMs: fromMs });
    // The same bars as one fetch of the whole range would give.
    const whole = await createDemoProvider({ clock }).getHistory(request(fromMs));
    expect(result.bars).toEqual(whole.bars);
  });
});

describe('getHistory: stale data', () => {
  const down = new ProviderError('fake', 'server-error', 'fake: server error (HTTP 503)', true);

  it('serves the cached bars, stale with their age, when the refresh fails', async () => {
    const fromMs = clock.nowMs() - 30 * DAY;
    const fresh = await getHistory(request(fromMs), deps());
    clock.advance(7 * HOUR);
    failWith = down;
    const stale = await getHistory(request(fromMs), deps());
    expect(stale.freshness).toMatchObject({ stale: true, ageMs: 7 * HOUR });
    expect(stale.bars).toEqual(fresh.bars);
  });

  it('past --max-age it is an error; with nothing cached the provider error itself', async () => {
    const fromMs = clock.nowMs() - 30 * DAY;
    await getHistory(request(fromMs), deps());
    clock.advance(7 * HOUR);
    failWith = down;
    await expect(getHistory(request(fromMs), deps({ ttlMs: 6 * HOUR, maxAgeMs: HOUR }))).rejects.toMatchObject({
      code: 'stale-data',
      message: expect.stringMatching(/^ACME: the last good data is 7h old/),
    });
    await expect(getHistory({ symbol: 'GLOBX', interval: '1d', fromMs, toMs: clock.nowMs() }, deps())).rejects.toBe(
      down,
    );
  });

  it('a final error (unknown symbol) is never answered with old bars', async () => {
    const fromMs = clock.nowMs() - 30 * DAY;
    await getHistory(request(fromMs), deps());
    clock.advance(7 * HOUR);
    failWith = new ProviderError('fake', 'unknown-symbol', 'unknown symbol', false);
    await expect(getHistory(request(fromMs), deps())).rejects.toBe(failWith);
  });
});
