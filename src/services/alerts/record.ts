import { stepTrigger, type Evaluation, type TriggerStep } from '../../engine/alerts/index.js';
import { StoreError } from '../../errors.js';
import type { Alert, AlertState } from '../../store/alert-repository.js';
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
 * from the first write). Each alert is stepped from the state it was listed with and written with
 * a compare-and-set on that state's version, only while it is still enabled with the same rule
 * (every state write bumps the version, so an unchanged version means an unchanged state).
 * Alerts whose step changes nothing but the evaluation time are written in one statement. An
 * alert that fails the compare-and-set was written (or disabled, or removed) by another check
 * since it was listed: it is read again under the lock and stepped from that state, or skipped
 * when removed or disabled. So two overlapping checks serialize here, and the second sees the
 * first's state (already disarmed) and cannot fire the same change again; a crash before commit
 * leaves nothing, and the next run evaluates again. Returns the new firings, in input order.
 */
export function recordEvaluations(store: Store, evaluated: readonly EvaluatedAlert[], nowMs: number): Firing[] {
  return store.transaction(() => {
    const steps = evaluated.map(({ alert, evaluation }) => stepOf(alert, alert.state, evaluation, nowMs));
    const unchanged = evaluated.filter((item, i) => onlyTimeChanges(item, steps[i] as TriggerStep));
    const touched = store.alerts.touchStates(
      unchanged.map(({ alert }) => ({ id: alert.id, version: alert.state.version, rule: alert.rule })),
      nowMs,
    );
    const fired: Firing[] = [];
    evaluated.forEach((item, i) => {
      const { alert, evaluation } = item;
      if (touched.has(alert.id)) return;
      let step = steps[i] as TriggerStep;
      if (
        !store.alerts.writeEnabledState(alert.id, alert.state.version, alert.rule, stateOf(step, evaluation, nowMs))
      ) {
        // Written by another check since it was listed (or disabled, or removed): read it again.
        const fresh = store.alerts.get(alert.id);
        if (fresh === undefined || !fresh.enabled || fresh.rule !== alert.rule) return;
        step = stepOf(fresh, fresh.state, evaluation, nowMs);
        if (!store.alerts.writeState(fresh.id, fresh.state.version, stateOf(step, evaluation, nowMs))) {
          // Cannot happen under the write lock; refuse rather than risk a double firing.
          throw new StoreError('alert-state-conflict', `the state of alert #${fresh.id} changed during the check`);
        }
      }
      if (!step.fired) return;
      const firing = {
        alertId: alert.id,
        seq: step.state.firedCount,
        firedMs: nowMs,
        barMs: evaluation.barMs,
        symbol: alert.symbol,
        name: alert.name,
        rule: alert.rule,
        interval: alert.interval,
        values: evaluation.values,
      };
      const id = store.alerts.insertFiring(firing);
      for (const target of item.targets) store.alerts.outbox.enqueue(id, target, nowMs);
      fired.push({ ...firing, id });
    });
    return fired;
  });
}

function stepOf(alert: Alert, state: AlertState, evaluation: Evaluation, nowMs: number): TriggerStep {
  return stepTrigger(state, evaluation.condition, evaluation.observedMs, nowMs, alert);
}

function stateOf(step: TriggerStep, evaluation: Evaluation, nowMs: number): Omit<AlertState, 'version'> {
  return { ...step.state, lastEvaluatedMs: nowMs, lastCondition: evaluation.condition };
}

/** True when the step leaves every stored field as listed except the evaluation time. */
function onlyTimeChanges({ alert, evaluation }: EvaluatedAlert, step: TriggerStep): boolean {
  const before = alert.state;
  const after = step.state;
  return (
    !step.fired &&
    after.armed === before.armed &&
    after.exhausted === before.exhausted &&
    after.firedCount === before.firedCount &&
    after.lastFiredMs === before.lastFiredMs &&
    after.lastObservedMs === before.lastObservedMs &&
    evaluation.condition === before.lastCondition
  );
}
