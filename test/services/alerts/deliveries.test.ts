import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import { deliverDue, MAX_DELIVERY_ATTEMPTS } from '../../../src/services/alerts/deliveries.js';
import { openStore, type Store } from '../../../src/store/store.js';
import { createTempHome, type TempHome } from '../../helpers/temp-home.js';

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

function firingWith(target: string): number {
  const { id } = store.alerts.add(
    {
      name: undefined,
      symbol: 'ACME',
      rule: 'price > 1',
      interval: '1d',
      cooldownMs: 0,
      once: false,
      notify: [target],
    },
    0,
  );
  const firingId = store.alerts.insertFiring({
    alertId: id,
    seq: 1,
    firedMs: 0,
    barMs: 0,
    symbol: 'ACME',
    name: undefined,
    rule: 'price > 1',
    interval: '1d',
    values: [],
  });
  store.alerts.outbox.enqueue(firingId, target, 0);
  return firingId;
}

describe('deliverDue', () => {
  it('skips a desktop notification where the system has no notifier, with a note, and never retries it', async () => {
    const firingId = firingWith('desktop');
    const report = await deliverDue(store, fixedClock(1), { env: { PATH: '' }, platform: 'linux', timeoutMs: 1000 });
    expect(report.skipped).toEqual([
      {
        alertId: 1,
        target: 'desktop',
        note: 'no desktop notifier on this system (notify-send (package libnotify-bin) not found on PATH)',
      },
    ]);
    expect(store.alerts.outbox.ofFiring(firingId)[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(
      (await deliverDue(store, fixedClock(2), { env: { PATH: '' }, platform: 'linux', timeoutMs: 1000 })).skipped,
    ).toEqual([]);
  });

  it(`retries a failing hook at each check and gives up after ${MAX_DELIVERY_ATTEMPTS} attempts`, async () => {
    const firingId = firingWith('cmd:exit 7');
    const notify = { env: { PATH: process.env['PATH'] }, platform: 'linux', timeoutMs: 5000 };
    const outcomes: boolean[] = [];
    for (let run = 1; run <= MAX_DELIVERY_ATTEMPTS + 1; run++) {
      const report = await deliverDue(store, fixedClock(run), notify);
      outcomes.push(...report.failed.map((f) => f.willRetry));
      if (run === 1) expect(report.failed[0]?.error).toBe('cmd: "exit 7" exited with 7');
    }
    expect(outcomes).toEqual([...Array<boolean>(MAX_DELIVERY_ATTEMPTS - 1).fill(true), false]);
    expect(store.alerts.outbox.ofFiring(firingId)[0]).toMatchObject({
      status: 'failed',
      attempts: MAX_DELIVERY_ATTEMPTS,
    });
  });
});
