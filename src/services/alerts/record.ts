import { stepTrigger, type Evaluation } from '../../engine/alerts/index.js';
import { StoreError } from '../../errors.js';
import type { Alert } from '../../store/alert-repository.js';
import type { Firing } from '../../store/alert-firing-row.js';
import type { Store } from '../../store/store.js';

export interface EvaluatedAlert {
  readonly alert: Alert;
  readonly evaluation: Evaluation;
  /** Outbox targets for a firing (stdout excluded: the check prints it). */
  readonly targets: readonly string[];
}

/**
 * Applies evaluations to the stored state in ONE immediate transaction (the write lock is held
 * from the first read): each alert's state is read again under the lock, stepped, and written
 * with a compare-and-set on its version; a firing and its outbox rows go in with it. So two
 * overlapping checks serialize here, and the second sees the first's state (already disarmed)
 * and cannot fire the same change again; a crash before commit leaves nothing, and the next run
 * evaluates again. Alerts removed or disabled meanwhile are skipped. Returns the new firings.
 */
export function recordEvaluations(store: Store, evaluated: readonly EvaluatedAlert[], nowMs: number): Firing[] {
  return store.transaction(() => {
    const current = store.alerts.enabledStates();
    const fired: Firing[] = [];
    for (const { alert, evaluation, targets } of evaluated) {
      const fresh = current.get(alert.id);
      if (fresh === undefined || fresh.rule !== alert.rule) continue;
      const step = stepTrigger(fresh.state, evaluation.condition, evaluation.observedMs, nowMs, fresh);
      const written = store.alerts.writeState(fresh.id, fresh.state.version, {
        ...step.state,
        lastEvaluatedMs: nowMs,
        lastCondition: evaluation.condition,
      });
      if (!written) {
        // Cannot happen under the write lock; refuse rather than risk a double firing.
        throw new StoreError('alert-state-conflict', `the state of alert #${fresh.id} changed during the check`);
      }
      if (!step.fired) continue;
      const firing = {
        alertId: fresh.id,
        seq: step.state.firedCount,
        firedMs: nowMs,
        barMs: evaluation.barMs,
        symbol: alert.symbol,
        name: alert.name,
        rule: fresh.rule,
        interval: alert.interval,
        values: evaluation.values,
      };
      const id = store.alerts.insertFiring(firing);
      for (const target of targets) store.alerts.outbox.enqueue(id, target, nowMs);
      fired.push({ ...firing, id });
    }
    return fired;
  });
}
