import type { Firing } from '../store/alert-firing-row.js';

/** A one-line description of a firing: `#3 ACME price > 200 (price=201.5)`. */
export function firingLine(firing: Firing): string {
  const values = firing.values.map((v) => `${v.label}=${formatValue(v.value)}`).join(', ');
  const name = firing.name === undefined ? '' : ` "${firing.name}"`;
  return `alert #${firing.alertId}${name} ${firing.symbol} ${firing.interval}: ${firing.rule}${values === '' ? '' : ` (${values})`}`;
}

export function formatValue(value: number | null): string {
  if (value === null) return 'n/a';
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(8)));
}

/** The firing as a JSON object: the same fields in NDJSON output, webhooks and hooks. */
export function firingRecord(firing: Firing): Record<string, unknown> {
  return {
    alertId: firing.alertId,
    firingId: firing.id,
    seq: firing.seq,
    name: firing.name ?? null,
    symbol: firing.symbol,
    interval: firing.interval,
    rule: firing.rule,
    firedAt: new Date(firing.firedMs).toISOString(),
    barTime: firing.barMs === undefined ? null : new Date(firing.barMs).toISOString(),
    values: firing.values,
    message: firingLine(firing),
  };
}

/** Environment of a `cmd:` hook: STOCKATO_ALERT_ID, _NAME, _SYMBOL, _INTERVAL, _RULE, _FIRED_AT, _MESSAGE, _VALUES (JSON). */
export function firingEnv(firing: Firing): Record<string, string> {
  return {
    STOCKATO_ALERT_ID: String(firing.alertId),
    STOCKATO_ALERT_FIRING_ID: String(firing.id),
    STOCKATO_ALERT_NAME: firing.name ?? '',
    STOCKATO_ALERT_SYMBOL: firing.symbol,
    STOCKATO_ALERT_INTERVAL: firing.interval,
    STOCKATO_ALERT_RULE: firing.rule,
    STOCKATO_ALERT_FIRED_AT: new Date(firing.firedMs).toISOString(),
    STOCKATO_ALERT_MESSAGE: firingLine(firing),
    STOCKATO_ALERT_VALUES: JSON.stringify(firing.values),
  };
}
