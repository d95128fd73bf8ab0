import { evaluateRule, parseRule, type Rule } from '../../engine/alerts/index.js';
import type { Clock } from '../../engine/clock.js';
import { AppError } from '../../errors.js';
import { formatNotifyTarget, parseNotifyTarget } from '../../notify/targets.js';
import type { Alert } from '../../store/alert-repository.js';
import type { Firing } from '../../store/alert-firing-row.js';
import type { Store } from '../../store/store.js';
import { mergeNeeds, type GroupNeeds } from './lookback.js';
import { gatherMarketData, groupKey, type MarketDataDeps } from './market-data.js';
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
  const failures: CheckFailure[] = [];
  const compiled: Array<{ alert: Alert; rule: Rule }> = [];
  const groups = new Map<string, { symbol: string; interval: Alert['interval']; needs: GroupNeeds }>();
  // Many alerts share a rule text (the same screen over a watchlist): parse each text once.
  const parsedRules = new Map<string, ReturnType<typeof parseRule>>();
  for (const alert of alerts) {
    let parsed = parsedRules.get(alert.rule);
    if (parsed === undefined) {
      parsed = parseRule(alert.rule);
      parsedRules.set(alert.rule, parsed);
    }
    if (!parsed.ok) {
      failures.push({
        alertId: alert.id,
        symbol: alert.symbol,
        error: new AppError('invalid-rule', `alert #${alert.id}: ${parsed.error.message}`),
      });
      continue;
    }
    compiled.push({ alert, rule: parsed.rule });
    const key = groupKey(alert.symbol, alert.interval);
    const group = groups.get(key);
    groups.set(key, {
      symbol: alert.symbol,
      interval: alert.interval,
      needs: mergeNeeds(group?.needs, parsed.rule.needs),
    });
  }
  const gathered = await gatherMarketData([...groups.values()], deps);
  const nowMs = deps.clock.nowMs();
  const evaluated: EvaluatedAlert[] = [];
  for (const { alert, rule } of compiled) {
    const key = groupKey(alert.symbol, alert.interval);
    const data = gathered.data.get(key);
    if (data === undefined) {
      const error = gathered.failures.get(key) ?? new AppError('no-data', `no data for ${alert.symbol}`);
      failures.push({ alertId: alert.id, symbol: alert.symbol, error });
      continue;
    }
    evaluated.push({ alert, evaluation: evaluateRule(rule, data), targets: outboxTargets(alert, deps.defaultNotify) });
  }
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
