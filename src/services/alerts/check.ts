import { evaluateRule, parseRule, type Rule } from '../../engine/alerts/index.js';
import type { Clock } from '../../engine/clock.js';
import { AppError } from '../../errors.js';
import { formatNotifyTarget, parseNotifyTarget } from '../../notify/targets.js';
import type { Alert } from '../../store/alert-repository.js';
import type { Firing } from '../../store/alert-firing-row.js';
import type { Store } from '../../store/store.js';
import { mergeNeeds } from './lookback.js';
import { groupKey, visitMarketData, type Group, type MarketDataDeps } from './market-data.js';
import { recordEvaluations, type EvaluatedAlert } from './record.js';

export interface CheckDeps extends Omit<MarketDataDeps, 'store'> {
  readonly store: Store;
  readonly clock: Clock;
  /** Targets for alerts without their own (`alerts.notify`). */
  readonly defaultNotify: readonly string[];
}

export interface CheckFailure {
  readonly alertId: number;
  readonly symbol: string;
  readonly error: AppError;
}

export interface CheckResult {
  readonly evaluated: number;
  readonly fired: readonly Firing[];
  readonly failures: readonly CheckFailure[];
  readonly requests: { quotes: number; history: number; news: number };
}

/**
 * One `alerts check`: every enabled alert is evaluated on freshly gathered data and the results
 * are recorded atomically (see recordEvaluations). Delivery is a separate step (deliverDue).
 */
export async function runCheck(deps: CheckDeps): Promise<CheckResult> {
  const alerts = deps.store.alerts.listEnabled();
  // One outcome per alert, in listing order: evaluated, or why not.
  const outcomes = new Array<EvaluatedAlert | CheckFailure | undefined>(alerts.length);
  // Alerts by symbol and interval, with their place in `alerts` (results keep that order).
  const groups = new Map<string, Group & { members: Array<{ index: number; alert: Alert; rule: Rule }> }>();
  // Many alerts share a rule text (the same screen over a watchlist): parse each text once.
  const parsedRules = new Map<string, ReturnType<typeof parseRule>>();
  alerts.forEach((alert, index) => {
    let parsed = parsedRules.get(alert.rule);
    if (parsed === undefined) {
      parsed = parseRule(alert.rule);
      parsedRules.set(alert.rule, parsed);
    }
    if (!parsed.ok) {
      const error = new AppError('invalid-rule', `alert #${alert.id}: ${parsed.error.message}`);
      outcomes[index] = { alertId: alert.id, symbol: alert.symbol, error };
      return;
    }
    const key = groupKey(alert.symbol, alert.interval);
    const group = groups.get(key);
    const member = { index, alert, rule: parsed.rule };
    if (group === undefined) {
      groups.set(key, {
        symbol: alert.symbol,
        interval: alert.interval,
        needs: mergeNeeds(undefined, parsed.rule.needs),
        members: [member],
      });
    } else {
      mergeNeeds(group.needs, parsed.rule.needs);
      group.members.push(member);
    }
  });
  // Each symbol's rules are evaluated as soon as its bars are read, then the bars are dropped.
  const gathered = await visitMarketData([...groups.values()], deps, (key, data) => {
    for (const { index, alert, rule } of groups.get(key)?.members ?? []) {
      outcomes[index] = {
        alert,
        evaluation: evaluateRule(rule, data),
        targets: outboxTargets(alert, deps.defaultNotify),
      };
    }
  });
  for (const [key, group] of groups) {
    const error = gathered.failures.get(key) ?? new AppError('no-data', `no data for ${group.symbol}`);
    for (const { index, alert } of group.members) {
      outcomes[index] ??= { alertId: alert.id, symbol: alert.symbol, error };
    }
  }
  const evaluated: EvaluatedAlert[] = [];
  const failures: CheckFailure[] = [];
  for (const outcome of outcomes) {
    if (outcome === undefined) continue;
    if ('evaluation' in outcome) evaluated.push(outcome);
    else failures.push(outcome);
  }
  const nowMs = deps.clock.nowMs();
  const fired = recordEvaluations(deps.store, evaluated, nowMs);
  return { evaluated: evaluated.length, fired, failures, requests: gathered.requests };
}

/** The alert's targets (or the default) in canonical form, without stdout. */
export function outboxTargets(alert: Pick<Alert, 'notify'>, defaults: readonly string[]): string[] {
  return (alert.notify ?? defaults).flatMap((text) => {
    const parsed = parseNotifyTarget(text);
    return parsed.ok && parsed.target.kind !== 'stdout' ? [formatNotifyTarget(parsed.target)] : [];
  });
}
