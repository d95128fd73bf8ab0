import type BetterSqlite3 from 'better-sqlite3';
import type { TriggerState } from '../engine/alerts/index.js';
import type { Interval } from '../engine/interval.js';
import { AlertOutbox } from './alert-outbox.js';
import { toFiring, type Firing, type FiringRow, type NewFiring } from './alert-firing-row.js';

export type { Firing, NewFiring } from './alert-firing-row.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

export interface NewAlert {
  readonly name: string | undefined;
  readonly symbol: string;
  readonly rule: string;
  readonly interval: Interval;
  readonly cooldownMs: number;
  readonly once: boolean;
  /** Notification targets; undefined means the configured default (`alerts.notify`). */
  readonly notify: readonly string[] | undefined;
}

/** The evaluation state of an alert with its write version (bumped by every write). */
export interface AlertState extends TriggerState {
  readonly version: number;
  readonly lastEvaluatedMs: number | undefined;
  readonly lastCondition: boolean | null;
}

export interface Alert extends NewAlert {
  readonly id: number;
  readonly enabled: boolean;
  readonly createdMs: number;
  readonly state: AlertState;
}

interface AlertRow {
  id: number;
  name: string | null;
  symbol: string;
  rule: string;
  interval: string;
  cooldown_ms: number;
  once: number;
  notify: string | null;
  enabled: number;
  created_at_ms: number;
  version: number;
  armed: number;
  exhausted: number;
  fired_count: number;
  last_fired_ms: number | null;
  last_observed_ms: number | null;
  last_evaluated_ms: number | null;
  last_condition: number | null;
}

const SELECT_ALERT = `SELECT a.*, s.version, s.armed, s.exhausted, s.fired_count, s.last_fired_ms, s.last_observed_ms,
  s.last_evaluated_ms, s.last_condition FROM alerts a JOIN alert_state s ON s.alert_id = a.id`;

/**
 * Alerts, their evaluation state and their firings; `outbox` holds the deliveries. The caller
 * groups writes in `Store.transaction` so that a state change, its firing and its deliveries are
 * committed together or not at all.
 */
export class AlertRepository {
  readonly outbox: AlertOutbox;
  readonly #insertAlert: Statement;
  readonly #insertState: Statement;
  readonly #all: Statement;
  readonly #enabled: Statement;
  readonly #byId: Statement;
  readonly #enabledStates: Statement;
  readonly #remove: Statement;
  readonly #setEnabled: Statement;
  readonly #writeState: Statement;
  readonly #writeEnabledState: Statement;
  readonly #touchStates: Statement;
  readonly #insertFiring: Statement;
  readonly #firings: Statement;
  readonly #firingsOf: Statement;
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    this.outbox = new AlertOutbox(db);
    this.#insertAlert = db.prepare(
      `INSERT INTO alerts (name, symbol, rule, interval, cooldown_ms, once, notify, enabled, created_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    this.#insertState = db.prepare('INSERT INTO alert_state (alert_id) VALUES (?)');
    this.#all = db.prepare(`${SELECT_ALERT} ORDER BY a.id`);
    this.#enabled = db.prepare(`${SELECT_ALERT} WHERE a.enabled = 1 ORDER BY a.id`);
    this.#byId = db.prepare(`${SELECT_ALERT} WHERE a.id = ?`);
    this.#enabledStates = db.prepare(
      `SELECT a.id, a.rule, a.cooldown_ms, a.once, s.version, s.armed, s.exhausted, s.fired_count, s.last_fired_ms,
         s.last_observed_ms, s.last_evaluated_ms, s.last_condition
       FROM alerts a JOIN alert_state s ON s.alert_id = a.id WHERE a.enabled = 1`,
    );
    this.#remove = db.prepare('DELETE FROM alerts WHERE id = ?');
    this.#setEnabled = db.prepare('UPDATE alerts SET enabled = ? WHERE id = ?');
    this.#writeState = db.prepare(
      `UPDATE alert_state SET version = version + 1, armed = ?, exhausted = ?, fired_count = ?, last_fired_ms = ?,
         last_observed_ms = ?, last_evaluated_ms = ?, last_condition = ?
       WHERE alert_id = ? AND version = ?`,
    );
    // The same compare-and-set, and only while the alert is enabled with the same rule (an id
    // can be reused after a removal): what a check writes from the state it listed before the lock.
    this.#writeEnabledState = db.prepare(
      `UPDATE alert_state SET version = version + 1, armed = ?, exhausted = ?, fired_count = ?, last_fired_ms = ?,
         last_observed_ms = ?, last_evaluated_ms = ?, last_condition = ?
       WHERE alert_id = ? AND version = ? AND alert_id IN (SELECT id FROM alerts WHERE id = ? AND enabled = 1 AND rule = ?)`,
    );
    this.#touchStates = db.prepare(
      `UPDATE alert_state SET version = version + 1, last_evaluated_ms = ?
       WHERE (alert_id, version) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))
         AND alert_id IN (SELECT a.id FROM alerts a JOIN json_each(?) j ON a.id = j.value ->> 0
                          WHERE a.enabled = 1 AND a.rule = j.value ->> 2)
       RETURNING alert_id`,
    );
    this.#insertFiring = db.prepare(
      `INSERT INTO alert_firings (alert_id, seq, fired_at_ms, bar_ms, symbol, name, rule, interval, values_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#firings = db.prepare('SELECT * FROM alert_firings ORDER BY fired_at_ms DESC, id DESC LIMIT ?');
    this.#firingsOf = db.prepare(
      'SELECT * FROM alert_firings WHERE alert_id = ? ORDER BY fired_at_ms DESC, id DESC LIMIT ?',
    );
  }

  /** Adds an alert, armed and enabled, and returns it with its id. */
  add(alert: NewAlert, nowMs: number): Alert {
    const run = this.#db.transaction(() => {
      const { lastInsertRowid } = this.#insertAlert.run(
        alert.name ?? null,
        alert.symbol,
        alert.rule,
        alert.interval,
        alert.cooldownMs,
        alert.once ? 1 : 0,
        alert.notify === undefined ? null : JSON.stringify(alert.notify),
        nowMs,
      );
      this.#insertState.run(lastInsertRowid);
      return Number(lastInsertRowid);
    });
    return this.get(run.immediate()) as Alert;
  }

  list(): Alert[] {
    return (this.#all.all() as AlertRow[]).map(toAlert);
  }

  listEnabled(): Alert[] {
    return (this.#enabled.all() as AlertRow[]).map(toAlert);
  }

  /** The state, rule and policy of every enabled alert by id: what a check re-reads under the write lock. */
  enabledStates(): Map<number, Pick<Alert, 'id' | 'rule' | 'cooldownMs' | 'once' | 'state'>> {
    const rows = this.#enabledStates.all() as AlertRow[];
    return new Map(
      rows.map((row) => [
        row.id,
        { id: row.id, rule: row.rule, cooldownMs: row.cooldown_ms, once: row.once === 1, state: toState(row) },
      ]),
    );
  }

  get(id: number): Alert | undefined {
    const row = this.#byId.get(id) as AlertRow | undefined;
    return row === undefined ? undefined : toAlert(row);
  }

  /** Deletes the alert and its state; its firings stay in the history. False when there was none. */
  remove(id: number): boolean {
    return this.#remove.run(id).changes > 0;
  }

  setEnabled(id: number, enabled: boolean): boolean {
    return this.#setEnabled.run(enabled ? 1 : 0, id).changes > 0;
  }

  /**
   * Writes the state if it is still at `expectedVersion` (compare-and-set) and returns whether it
   * was: false means another process wrote it first, and the caller must read it again.
   */
  writeState(alertId: number, expectedVersion: number, state: Omit<AlertState, 'version'>): boolean {
    const result = this.#writeState.run(
      state.armed ? 1 : 0,
      state.exhausted ? 1 : 0,
      state.firedCount,
      state.lastFiredMs ?? null,
      state.lastObservedMs ?? null,
      state.lastEvaluatedMs ?? null,
      state.lastCondition === null ? null : state.lastCondition ? 1 : 0,
      alertId,
      expectedVersion,
    );
    return result.changes === 1;
  }

  /**
   * writeState for an alert listed before the write lock was taken: written only if the state is
   * still at `expectedVersion` AND the alert is still enabled with `rule`. False otherwise (the
   * caller reads it again with `get`).
   */
  writeEnabledState(
    alertId: number,
    expectedVersion: number,
    rule: string,
    state: Omit<AlertState, 'version'>,
  ): boolean {
    const result = this.#writeEnabledState.run(
      state.armed ? 1 : 0,
      state.exhausted ? 1 : 0,
      state.firedCount,
      state.lastFiredMs ?? null,
      state.lastObservedMs ?? null,
      state.lastEvaluatedMs ?? null,
      state.lastCondition === null ? null : state.lastCondition ? 1 : 0,
      alertId,
      expectedVersion,
      alertId,
      rule,
    );
    return result.changes === 1;
  }

  /**
   * For alerts whose evaluation changed nothing but the time: sets `last_evaluated_ms` (and
   * bumps the version) in one statement, with writeEnabledState's conditions for each alert
   * (still at its version, enabled, same rule). Returns the ids written; the others were changed
   * meanwhile and must be read again.
   */
  touchStates(
    alerts: ReadonlyArray<{ readonly id: number; readonly version: number; readonly rule: string }>,
    evaluatedMs: number,
  ): Set<number> {
    if (alerts.length === 0) return new Set();
    const json = JSON.stringify(alerts.map((a) => [a.id, a.version, a.rule]));
    const rows = this.#touchStates.all(evaluatedMs, json, json) as Array<{ alert_id: number }>;
    return new Set(rows.map((row) => row.alert_id));
  }

  /** Records a firing; a second firing with the same alert and sequence is a constraint error. */
  insertFiring(firing: NewFiring): number {
    const { lastInsertRowid } = this.#insertFiring.run(
      firing.alertId,
      firing.seq,
      firing.firedMs,
      firing.barMs ?? null,
      firing.symbol,
      firing.name ?? null,
      firing.rule,
      firing.interval,
      JSON.stringify(firing.values),
    );
    return Number(lastInsertRowid);
  }

  /** The latest firings, newest first, of every alert or of one. */
  firings(limit: number, alertId?: number): Firing[] {
    const rows = (
      alertId === undefined ? this.#firings.all(limit) : this.#firingsOf.all(alertId, limit)
    ) as FiringRow[];
    return rows.map(toFiring);
  }
}

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    name: row.name ?? undefined,
    symbol: row.symbol,
    rule: row.rule,
    interval: row.interval as Interval,
    cooldownMs: row.cooldown_ms,
    once: row.once === 1,
    notify: row.notify === null ? undefined : (JSON.parse(row.notify) as string[]),
    enabled: row.enabled === 1,
    createdMs: row.created_at_ms,
    state: toState(row),
  };
}

function toState(row: AlertRow): AlertState {
  return {
    version: row.version,
    armed: row.armed === 1,
    exhausted: row.exhausted === 1,
    firedCount: row.fired_count,
    lastFiredMs: row.last_fired_ms ?? undefined,
    lastObservedMs: row.last_observed_ms ?? undefined,
    lastEvaluatedMs: row.last_evaluated_ms ?? undefined,
    lastCondition: row.last_condition === null ? null : row.last_condition === 1,
  };
}
