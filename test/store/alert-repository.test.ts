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

const NEW = {
  name: 'dip',
  symbol: 'ACME',
  rule: 'price < 100',
  interval: '1d' as const,
  cooldownMs: 3_600_000,
  once: true,
  notify: ['desktop'],
};

const firing = (alertId: number, seq: number) => ({
  alertId,
  seq,
  firedMs: 1000 + seq,
  barMs: 0,
  symbol: 'ACME',
  name: undefined,
  rule: 'price < 100',
  interval: '1d' as const,
  values: [{ label: 'price', value: 99.5, previous: 101 }],
});

describe('AlertRepository', () => {
  it('round-trips an alert with a fresh armed state', () => {
    const added = store.alerts.add(NEW, 5);
    expect(added).toMatchObject({ ...NEW, id: 1, enabled: true, createdMs: 5 });
    expect(added.state).toEqual({
      version: 0,
      armed: true,
      exhausted: false,
      firedCount: 0,
      lastFiredMs: undefined,
      lastObservedMs: undefined,
      lastEvaluatedMs: undefined,
      lastCondition: null,
    });
    expect(store.alerts.add({ ...NEW, notify: undefined, name: undefined }, 6)).toMatchObject({
      notify: undefined,
      name: undefined,
    });
  });

  it('writes state only at the expected version (compare-and-set)', () => {
    const { id, state } = store.alerts.add(NEW, 0);
    const next = { ...state, armed: false, firedCount: 1, lastFiredMs: 10 };
    expect(store.alerts.writeState(id, 0, next)).toBe(true);
    expect(store.alerts.writeState(id, 0, next)).toBe(false);
    expect(store.alerts.get(id)?.state).toMatchObject({ version: 1, armed: false, firedCount: 1, lastFiredMs: 10 });
  });

  it('refuses a second firing with the same sequence number', () => {
    const { id } = store.alerts.add(NEW, 0);
    store.alerts.insertFiring(firing(id, 1));
    expect(() => store.alerts.insertFiring(firing(id, 1))).toThrow(/UNIQUE/);
    expect(store.alerts.firings(10)).toHaveLength(1);
  });

  it('keeps the firing history when an alert is removed', () => {
    const { id } = store.alerts.add(NEW, 0);
    store.alerts.insertFiring(firing(id, 1));
    expect(store.alerts.remove(id)).toBe(true);
    expect(store.alerts.remove(id)).toBe(false);
    expect(store.alerts.firings(10, id)[0]?.values).toEqual([{ label: 'price', value: 99.5, previous: 101 }]);
  });
});

describe('AlertOutbox', () => {
  it('hands a due delivery to one claimer at a time, and again after a failure', () => {
    const { id } = store.alerts.add(NEW, 0);
    const firingId = store.alerts.insertFiring(firing(id, 1));
    store.alerts.outbox.enqueue(firingId, 'desktop', 100);
    store.alerts.outbox.enqueue(firingId, 'desktop', 100);
    const [claimed, ...rest] = store.alerts.outbox.claimDue(100, 1000, 10);
    expect(rest).toEqual([]);
    expect(claimed).toMatchObject({ target: 'desktop', attempts: 0, firing: { id: firingId, seq: 1 } });
    expect(store.alerts.outbox.claimDue(200, 1000, 10)).toEqual([]);
    store.alerts.outbox.markFailed(claimed?.id as number, 'boom', 300, false);
    expect(store.alerts.outbox.claimDue(300, 1000, 10).map((d) => d.attempts)).toEqual([1]);
    expect(store.alerts.outbox.claimDue(2000, 1000, 10)).toHaveLength(1); // the lease ran out
    store.alerts.outbox.markDelivered(claimed?.id as number, 2100);
    expect(store.alerts.outbox.claimDue(9999, 1000, 10)).toEqual([]);
    expect(store.alerts.outbox.counts()).toEqual({ pending: 0, delivered: 1, failed: 0 });
  });
});
