import type { OperandValue } from '../engine/alerts/index.js';
import type { Interval } from '../engine/interval.js';

export interface NewFiring {
  readonly alertId: number;
  /** The state's fired count after this firing: 1 for the first. Unique per alert. */
  readonly seq: number;
  readonly firedMs: number;
  readonly barMs: number | undefined;
  readonly symbol: string;
  readonly name: string | undefined;
  readonly rule: string;
  readonly interval: Interval;
  readonly values: readonly OperandValue[];
}

export interface Firing extends NewFiring {
  readonly id: number;
}

/** A row of alert_firings. */
export interface FiringRow {
  id: number;
  alert_id: number;
  seq: number;
  fired_at_ms: number;
  bar_ms: number | null;
  symbol: string;
  name: string | null;
  rule: string;
  interval: string;
  values_json: string;
}

export function toFiring(row: FiringRow): Firing {
  return {
    id: row.id,
    alertId: row.alert_id,
    seq: row.seq,
    firedMs: row.fired_at_ms,
    barMs: row.bar_ms ?? undefined,
    symbol: row.symbol,
    name: row.name ?? undefined,
    rule: row.rule,
    interval: row.interval as Interval,
    values: JSON.parse(row.values_json) as OperandValue[],
  };
}
