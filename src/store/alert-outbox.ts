import type BetterSqlite3 from 'better-sqlite3';
import { toFiring, type Firing, type FiringRow } from './alert-firing-row.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** One delivery to do: a firing and the target to tell. */
export interface Delivery {
  readonly id: number;
  readonly target: string;
  readonly attempts: number;
  readonly firing: Firing;
}

export interface DeliveryCounts {
  readonly pending: number;
  readonly delivered: number;
  readonly failed: number;
}

/**
 * The outbox: one row per firing and notification target, written in the same transaction as
 * the firing. Delivery is a later step that claims due rows with a lease (so two overlapping
 * runs never send the same row at once), then marks each delivered or failed. A crash between
 * sending and marking sends it again when the lease runs out: delivery is at least once, the
 * firing itself exactly once.
 */
export class AlertOutbox {
  readonly #enqueue: Statement;
  readonly #due: Statement;
  readonly #claim: Statement;
  readonly #delivered: Statement;
  readonly #retry: Statement;
  readonly #counts: Statement;
  readonly #ofFiring: Statement;
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    this.#enqueue = db.prepare(
      `INSERT INTO alert_deliveries (firing_id, target, next_attempt_ms) VALUES (?, ?, ?)
       ON CONFLICT (firing_id, target) DO NOTHING`,
    );
    this.#due = db.prepare(
      `SELECT d.id AS delivery_id, d.target, d.attempts, f.* FROM alert_deliveries d
       JOIN alert_firings f ON f.id = d.firing_id
       WHERE d.status = 'pending' AND d.next_attempt_ms <= ? AND d.claimed_until_ms <= ?
       ORDER BY d.id LIMIT ?`,
    );
    this.#claim = db.prepare(
      `UPDATE alert_deliveries SET claimed_until_ms = ? WHERE id = ? AND status = 'pending' AND claimed_until_ms <= ?`,
    );
    this.#delivered = db.prepare(
      `UPDATE alert_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at_ms = ?,
         claimed_until_ms = 0, last_error = NULL WHERE id = ?`,
    );
    this.#retry = db.prepare(
      `UPDATE alert_deliveries SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_ms = ?,
         claimed_until_ms = 0 WHERE id = ?`,
    );
    this.#counts = db.prepare(
      `SELECT coalesce(sum(status = 'pending'), 0) AS pending, coalesce(sum(status = 'delivered'), 0) AS delivered,
         coalesce(sum(status = 'failed'), 0) AS failed FROM alert_deliveries`,
    );
    this.#ofFiring = db.prepare(
      'SELECT target, status, attempts, last_error FROM alert_deliveries WHERE firing_id = ?',
    );
  }

  enqueue(firingId: number, target: string, nowMs: number): void {
    this.#enqueue.run(firingId, target, nowMs);
  }

  /** Claims up to `limit` due deliveries for `leaseMs`, in one IMMEDIATE transaction. */
  claimDue(nowMs: number, leaseMs: number, limit: number): Delivery[] {
    const run = this.#db.transaction(() => {
      const rows = this.#due.all(nowMs, nowMs, limit) as Array<
        FiringRow & { delivery_id: number; target: string; attempts: number }
      >;
      return rows
        .filter((row) => this.#claim.run(nowMs + leaseMs, row.delivery_id, nowMs).changes === 1)
        .map((row) => ({ id: row.delivery_id, target: row.target, attempts: row.attempts, firing: toFiring(row) }));
    });
    return run.immediate();
  }

  markDelivered(id: number, nowMs: number): void {
    this.#delivered.run(nowMs, id);
  }

  /** Records a failed attempt: retried at `nextAttemptMs`, or given up on with `giveUp`. */
  markFailed(id: number, error: string, nextAttemptMs: number, giveUp: boolean): void {
    this.#retry.run(giveUp ? 'failed' : 'pending', error, nextAttemptMs, id);
  }

  counts(): DeliveryCounts {
    return this.#counts.get() as DeliveryCounts;
  }

  ofFiring(firingId: number): Array<{ target: string; status: string; attempts: number; lastError: string | null }> {
    return (
      this.#ofFiring.all(firingId) as Array<{
        target: string;
        status: string;
        attempts: number;
        last_error: string | null;
      }>
    ).map((row) => ({ target: row.target, status: row.status, attempts: row.attempts, lastError: row.last_error }));
  }
}
