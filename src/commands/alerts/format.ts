import { formatDuration } from '../../duration.js';
import { firingRecord, formatValue } from '../../notify/message.js';
import { isoTime, type Dataset } from '../../output/dataset.js';
import type { Alert } from '../../store/alert-repository.js';
import type { Firing } from '../../store/alert-firing-row.js';

/** The stable JSON form of an alert. */
export function alertRecord(alert: Alert): Record<string, unknown> {
  return {
    id: alert.id,
    name: alert.name ?? null,
    symbol: alert.symbol,
    rule: alert.rule,
    interval: alert.interval,
    cooldown: alert.cooldownMs === 0 ? null : formatDuration(alert.cooldownMs),
    once: alert.once,
    notify: alert.notify ?? null,
    enabled: alert.enabled,
    exhausted: alert.state.exhausted,
    armed: alert.state.armed,
    firedCount: alert.state.firedCount,
    lastFiredAt: alert.state.lastFiredMs === undefined ? null : isoTime(alert.state.lastFiredMs),
    lastCheckedAt: alert.state.lastEvaluatedMs === undefined ? null : isoTime(alert.state.lastEvaluatedMs),
    createdAt: isoTime(alert.createdMs),
  };
}

function status(alert: Alert): string {
  if (!alert.enabled) return 'disabled';
  if (alert.state.exhausted) return 'done';
  return alert.state.armed ? 'armed' : 'fired';
}

export function alertDataset(alerts: readonly Alert[]): Dataset<Alert> {
  return {
    rows: alerts,
    record: alertRecord,
    columns: [
      { key: 'id', header: 'ID', kind: 'text', value: (a) => String(a.id) },
      { key: 'symbol', header: 'SYMBOL', kind: 'text', value: (a) => a.symbol },
      { key: 'rule', header: 'RULE', kind: 'text', value: (a) => a.rule, maxWidth: 48 },
      { key: 'interval', header: 'INTERVAL', kind: 'text', value: (a) => a.interval, priority: 2 },
      { key: 'status', header: 'STATUS', kind: 'text', value: status },
      { key: 'firedCount', header: 'FIRED', kind: 'text', value: (a) => String(a.state.firedCount), priority: 3 },
      { key: 'lastFiredAt', header: 'LAST FIRED', kind: 'time', value: (a) => a.state.lastFiredMs, priority: 4 },
      { key: 'name', header: 'NAME', kind: 'text', value: (a) => a.name, priority: 1, maxWidth: 24 },
    ],
  };
}

export function firingDataset(firings: readonly Firing[]): Dataset<Firing> {
  return {
    rows: firings,
    record: firingRecord,
    columns: [
      { key: 'firedAt', header: 'FIRED AT', kind: 'time', value: (f) => f.firedMs },
      { key: 'alertId', header: 'ALERT', kind: 'text', value: (f) => String(f.alertId) },
      { key: 'symbol', header: 'SYMBOL', kind: 'text', value: (f) => f.symbol },
      { key: 'rule', header: 'RULE', kind: 'text', value: (f) => f.rule, maxWidth: 40 },
      {
        key: 'values',
        header: 'VALUES',
        kind: 'text',
        value: (f) => f.values.map((v) => `${v.label}=${formatValue(v.value)}`).join(' '),
        maxWidth: 48,
        priority: 1,
      },
    ],
  };
}
