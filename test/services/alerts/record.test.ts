import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../src/engine/alerts/index.js';
import { recordEvaluations, type EvaluatedAlert } from '../../../src/services/alerts/record.js';
import type { Alert, NewAlert } from '../../../src/store/alert-repository.js';
import { openStore, type Store } from '../../../src/store/store.js';
import { createTempHome, type TempHome } from '../../helpers/temp-home.js';

const T = Date.parse('2026-03-04T18:00:00Z');
const BAR = Date.parse('2026-03-04T00:00:00Z');

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

const newAlert = (symbol: string, extra: Partial<NewAlert> = {}): NewAlert => ({
  name: undefined,
  symbol,
  rule: 'close > 1',
  interval: '1d',
  cooldownMs: 0,
  once: false,
  notify: ['desktop'],
  ...extra,
});

const evaluation = (condition: boolean | null): Evaluation => ({
  condition,
  barMs: BAR,
  observedMs: BAR,
  values: [{ label: 'close', value: 2, previous: 1 }],
});

/** What a check hands recordEvaluations: the alerts as listed before the lock, evaluated. */
const evaluate = (listed: readonly Alert[], condition: boolean | null): EvaluatedAlert[] =>
  listed.map((alert) => ({ alert, evaluation: evaluation(condition), targets: ['desktop'] }));

describe('recordEvaluations', () => {
  it('fires once when two checks record from the same listing (the second re-reads the state)', () => {
    store.alerts.add(newAlert('ACME'), T);
    store.alerts.add(newAlert('GLOBX'), T);
    const listed = store.alerts.listEnabled();
    const first = recordEvaluations(store, evaluate(listed, true), T);
    const second = recordEvaluations(store, evaluate(listed, true), T + 1);
    expect(first.map((f) => [f.alertId, f.seq])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(second).toEqual([]);
    expect(store.alerts.firings(10)).toHaveLength(2);
    expect(store.alerts.outbox.counts()).toEqual({ pending: 2, delivered: 0, failed: 0 });
    const after = store.alerts.list().map((a) => [a.state.version, a.state.armed, a.state.lastEvaluatedMs]);
    expect(after).toEqual([
      [2, false, T + 1],
      [2, false, T + 1],
    ]);
  });

  it('steps from the stored state when another check re-armed the alert after the listing', () => {
    store.alerts.add(newAlert('ACME'), T);
    recordEvaluations(store, evaluate(store.alerts.listEnabled(), true), T); // fires, disarms
    const listed = store.alerts.listEnabled(); // disarmed: a true condition alone would not fire
    recordEvaluations(store, evaluate(listed, false), T + 1); // another check re-arms it
    const fired = recordEvaluations(store, evaluate(listed, true), T + 2);
    expect(fired.map((f) => [f.alertId, f.seq])).toEqual([[1, 2]]);
  });

  it('skips alerts disabled or removed after the listing, whether their state changes or not', () => {
    for (const symbol of ['ACME', 'GLOBX', 'INITECH', 'UMBRELLA']) store.alerts.add(newAlert(symbol), T);
    recordEvaluations(store, evaluate(store.alerts.listEnabled(), false), T);
    const listed = store.alerts.listEnabled();
    store.alerts.setEnabled(1, false);
    store.alerts.remove(2);
    // false again changes nothing but the time (one statement); true would fire (one by one).
    expect(recordEvaluations(store, evaluate(listed, false), T + 1)).toEqual([]);
    expect(store.alerts.get(1)?.state).toMatchObject({ version: 1, lastEvaluatedMs: T });
    expect(store.alerts.get(3)?.state).toMatchObject({ version: 2, lastEvaluatedMs: T + 1 });
    store.alerts.setEnabled(3, false);
    expect(recordEvaluations(store, evaluate(store.alerts.listEnabled(), true), T + 2).map((f) => f.alertId)).toEqual([
      4,
    ]);
    expect(recordEvaluations(store, evaluate(listed, true), T + 3)).toEqual([]);
    expect(store.alerts.get(1)?.state.version).toBe(1);
    expect(store.alerts.get(3)?.state.version).toBe(2);
  });

  it('skips an alert whose id was reused by a new alert after the listing', () => {
    store.alerts.add(newAlert('ACME'), T);
    const listed = store.alerts.listEnabled();
    store.alerts.remove(1);
    const reused = store.alerts.add(newAlert('ACME', { rule: 'close < 1' }), T);
    expect(reused.id).toBe(1);
    expect(recordEvaluations(store, evaluate(listed, null), T + 1)).toEqual([]);
    expect(recordEvaluations(store, evaluate(listed, true), T + 1)).toEqual([]);
    expect(store.alerts.get(1)?.state).toMatchObject({ version: 0, lastEvaluatedMs: undefined });
  });

  it('records the evaluation time and condition of alerts whose trigger state does not change', () => {
    store.alerts.add(newAlert('ACME'), T);
    store.alerts.add(newAlert('GLOBX'), T);
    recordEvaluations(store, evaluate(store.alerts.listEnabled(), null), T);
    recordEvaluations(store, evaluate(store.alerts.listEnabled(), null), T + 5);
    expect(store.alerts.list().map((a) => a.state)).toEqual(
      [1, 2].map(() => ({
        version: 2,
        armed: true,
        exhausted: false,
        firedCount: 0,
        lastFiredMs: undefined,
        lastObservedMs: BAR,
        lastEvaluatedMs: T + 5,
        lastCondition: null,
      })),
    );
  });
});
