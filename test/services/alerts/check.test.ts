import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import type { MarketDataProvider } from '../../../src/providers/provider.js';
import { runCheck, type CheckDeps } from '../../../src/services/alerts/check.js';
import type { NewAlert } from '../../../src/store/alert-repository.js';
import { openStore, type Store } from '../../../src/store/store.js';
import { createTempHome, type TempHome } from '../../helpers/temp-home.js';
import { demoAt, T } from '../../providers/demo/helpers.js';

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

const alert = (symbol: string, rule: string, extra: Partial<NewAlert> = {}): NewAlert => ({
  name: undefined,
  symbol,
  rule,
  interval: '1d',
  cooldownMs: 0,
  once: false,
  notify: undefined,
  ...extra,
});

/** The demo provider, counting the requests made to it. */
function counted(provider: MarketDataProvider) {
  const calls = { quotes: [] as string[][], history: [] as string[] };
  const wrapped: MarketDataProvider = {
    ...provider,
    getQuotes: (symbols, options) => {
      calls.quotes.push([...symbols]);
      return provider.getQuotes(symbols, options);
    },
    getHistory: (request, options) => {
      calls.history.push(`${request.symbol} ${request.interval}`);
      return provider.getHistory(request, options);
    },
  };
  return { provider: wrapped, calls };
}

function deps(provider: MarketDataProvider, nowMs = T): CheckDeps {
  return { provider, store, clock: fixedClock(nowMs), ttlMs: () => 6 * 3_600_000, defaultNotify: ['stdout'] };
}

describe('runCheck', () => {
  it('fires a true level rule once, and not again while it stays true', async () => {
    store.alerts.add(alert('ACME', 'price > 1'), T);
    const { provider } = counted(demoAt());
    const first = await runCheck(deps(provider));
    expect(first.fired.map((f) => [f.alertId, f.seq, f.symbol])).toEqual([[1, 1, 'ACME']]);
    const second = await runCheck(deps(provider, T + 60_000));
    expect(second.fired).toEqual([]);
    expect(store.alerts.firings(10)).toHaveLength(1);
    expect(store.alerts.get(1)?.state).toMatchObject({ armed: false, firedCount: 1, version: 2 });
  });

  it('asks for one quote batch and one history per symbol and interval, served from the cache next time', async () => {
    store.alerts.add(alert('ACME', 'price > 1'), T);
    store.alerts.add(alert('ACME', 'rsi(14) < 30'), T);
    store.alerts.add(alert('ACME', 'sma(50) crosses above sma(200)'), T);
    store.alerts.add(alert('GLOBX', 'change(1d) <= -5%'), T);
    store.alerts.add(alert('ACME', 'close > 1', { interval: '1wk' }), T);
    const { provider, calls } = counted(demoAt());
    const result = await runCheck(deps(provider));
    expect(result.evaluated).toBe(5);
    expect(calls.quotes).toEqual([['ACME', 'GLOBX']]);
    expect(calls.history.sort()).toEqual(['ACME 1d', 'ACME 1wk', 'GLOBX 1d']);
    calls.history.length = 0;
    await runCheck(deps(provider));
    expect(calls.history).toEqual([]);
  });

  it('reports an unknown symbol and still checks the others', async () => {
    store.alerts.add(alert('NOPE', 'price > 1'), T);
    store.alerts.add(alert('ACME', 'price > 1'), T);
    const result = await runCheck(deps(demoAt()));
    expect(result.failures.map((f) => [f.alertId, f.error.code])).toEqual([[1, 'unknown-symbol']]);
    expect(result.fired.map((f) => f.alertId)).toEqual([2]);
  });

  it('keeps the listing order in firings and failures, though each symbol is evaluated as a group', async () => {
    store.alerts.add(alert('ACME', 'price > 1'), T);
    store.alerts.add(alert('NOPE', 'price > 1'), T);
    store.alerts.add(alert('GLOBX', 'price > 1'), T);
    store.alerts.add(alert('ACME', 'rsi(14 < 30'), T);
    store.alerts.add(alert('ACME', 'close > 1'), T);
    store.alerts.add(alert('NOPE', 'close > 1'), T);
    const result = await runCheck(deps(demoAt()));
    expect(result.fired.map((f) => f.alertId)).toEqual([1, 3, 5]);
    expect(result.failures.map((f) => [f.alertId, f.error.code])).toEqual([
      [2, 'unknown-symbol'],
      [4, 'invalid-rule'],
      [6, 'unknown-symbol'],
    ]);
    expect(result.evaluated).toBe(3);
  });

  it('writes outbox rows with the firing, for the alert targets or the default ones, never stdout', async () => {
    store.alerts.add(alert('ACME', 'price > 1', { notify: ['stdout', 'webhook:http://127.0.0.1:9/x'] }), T);
    store.alerts.add(alert('GLOBX', 'price > 1'), T);
    const result = await runCheck({ ...deps(demoAt()), defaultNotify: ['desktop'] });
    const [acme, globx] = result.fired;
    expect(store.alerts.outbox.ofFiring(acme?.id as number).map((d) => d.target)).toEqual([
      'webhook:http://127.0.0.1:9/x',
    ]);
    expect(store.alerts.outbox.ofFiring(globx?.id as number).map((d) => d.target)).toEqual(['desktop']);
  });

  it('skips disabled alerts and stops a --once alert after its firing', async () => {
    store.alerts.add(alert('ACME', 'price > 1', { once: true }), T);
    store.alerts.add(alert('GLOBX', 'price > 1'), T);
    store.alerts.setEnabled(2, false);
    expect((await runCheck(deps(demoAt()))).fired.map((f) => f.alertId)).toEqual([1]);
    expect(store.alerts.get(1)?.state.exhausted).toBe(true);
  });
});

describe('runCheck: a run that dies before its commit', () => {
  it('leaves no state, firing or delivery behind, and the next run fires each alert once', async () => {
    store.alerts.add(alert('ACME', 'price > 1', { notify: ['desktop'] }), T);
    store.alerts.add(alert('GLOBX', 'price > 1', { notify: ['desktop'] }), T);
    // The second firing's insert fails inside the recording transaction, as a crash would.
    store.db.exec(`CREATE TRIGGER crash BEFORE INSERT ON alert_firings WHEN NEW.alert_id = 2
                   BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
    await expect(runCheck(deps(demoAt()))).rejects.toThrow(/simulated crash/);
    expect(store.alerts.firings(10)).toEqual([]);
    expect(store.alerts.outbox.counts()).toEqual({ pending: 0, delivered: 0, failed: 0 });
    expect(store.alerts.list().map((a) => a.state.version)).toEqual([0, 0]);

    store.db.exec('DROP TRIGGER crash');
    const next = await runCheck(deps(demoAt()));
    expect(next.fired.map((f) => [f.alertId, f.seq])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(store.alerts.outbox.counts()).toEqual({ pending: 2, delivered: 0, failed: 0 });
  });
});
