import type BetterSqlite3 from 'better-sqlite3';
import { toStoreError } from './sqlite-errors.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Rows older than this are never read again; pruning keeps the table a few rows per provider. */
const KEEP_MS = 2 * DAY_MS;

/** Requests a provider allows; an absent limit is no limit. */
export interface BudgetLimits {
  readonly perMinute?: number;
  readonly perDay?: number;
}

/** Why a request may not be made now. */
export type BudgetDenial = 'per-minute' | 'per-day' | 'retry-after';

export type BudgetDecision =
  { readonly ok: true } | { readonly ok: false; readonly reason: BudgetDenial; readonly retryAtMs: number };

/** The start of the fixed minute and UTC day windows holding `nowMs`. */
export function budgetWindows(nowMs: number): { minuteStartMs: number; dayStartMs: number } {
  return {
    minuteStartMs: Math.floor(nowMs / MINUTE_MS) * MINUTE_MS,
    dayStartMs: Math.floor(nowMs / DAY_MS) * DAY_MS,
  };
}

/**
 * Per-provider request budgets in fixed windows (a clock minute, a UTC day) and Retry-After
 * blocks, shared by every process on the database. Each call is one IMMEDIATE transaction: the
 * write lock is taken before the counts are read, so two cron runs can never both see the last
 * free request and spend it twice.
 */
export class BudgetRepository {
  readonly #path: string;
  readonly #used: Statement;
  readonly #blockedUntil: Statement;
  readonly #spend: Statement;
  readonly #block: Statement;
  readonly #prune: Statement;
  readonly #tryConsume: (provider: string, nowMs: number, limits: BudgetLimits) => BudgetDecision;
  readonly #blockUntil: (provider: string, nowMs: number, untilMs: number) => void;

  constructor(db: Database) {
    this.#path = db.name;
    this.#used = db
      .prepare('SELECT used FROM provider_budgets WHERE provider = ? AND span = ? AND window_start_ms = ?')
      .pluck();
    this.#blockedUntil = db.prepare('SELECT max(blocked_until_ms) FROM provider_budgets WHERE provider = ?').pluck();
    this.#spend = db.prepare(
      `INSERT INTO provider_budgets (provider, span, window_start_ms, used) VALUES (?, ?, ?, 1)
       ON CONFLICT (provider, span, window_start_ms) DO UPDATE SET used = used + 1`,
    );
    // The block lives on the day row; reads take the max over all rows, so it outlives the day.
    this.#block = db.prepare(
      `INSERT INTO provider_budgets (provider, span, window_start_ms, blocked_until_ms) VALUES (?, 'day', ?, ?)
       ON CONFLICT (provider, span, window_start_ms) DO UPDATE
       SET blocked_until_ms = max(blocked_until_ms, excluded.blocked_until_ms)`,
    );
    this.#prune = db.prepare('DELETE FROM provider_budgets WHERE window_start_ms < ? AND blocked_until_ms <= ?');
    this.#tryConsume = db.transaction(this.#consume.bind(this)).immediate;
    this.#blockUntil = db.transaction((provider: string, nowMs: number, untilMs: number) => {
      this.#block.run(provider, budgetWindows(nowMs).dayStartMs, untilMs);
    }).immediate;
  }

  /**
   * Spends one request of `provider` at `nowMs` when neither window is full and no Retry-After
   * block is running; otherwise spends nothing and says when to try again.
   */
  tryConsume(provider: string, nowMs: number, limits: BudgetLimits): BudgetDecision {
    try {
      return this.#tryConsume(provider, nowMs, limits);
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  /** Refuses requests to `provider` until `untilMs` (a Retry-After); an earlier block never shortens a later one. */
  blockUntil(provider: string, nowMs: number, untilMs: number): void {
    try {
      this.#blockUntil(provider, nowMs, untilMs);
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  /** Requests spent by `provider` in the minute and the day holding `nowMs`. */
  usage(provider: string, nowMs: number): { minute: number; day: number } {
    const { minuteStartMs, dayStartMs } = budgetWindows(nowMs);
    try {
      return {
        minute: (this.#used.get(provider, 'minute', minuteStartMs) as number | undefined) ?? 0,
        day: (this.#used.get(provider, 'day', dayStartMs) as number | undefined) ?? 0,
      };
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  #consume(provider: string, nowMs: number, limits: BudgetLimits): BudgetDecision {
    const blockedUntilMs = (this.#blockedUntil.get(provider) as number | null) ?? 0;
    if (blockedUntilMs > nowMs) return { ok: false, reason: 'retry-after', retryAtMs: blockedUntilMs };
    const { minuteStartMs, dayStartMs } = budgetWindows(nowMs);
    const usedToday = (this.#used.get(provider, 'day', dayStartMs) as number | undefined) ?? 0;
    if (limits.perDay !== undefined && usedToday >= limits.perDay) {
      return { ok: false, reason: 'per-day', retryAtMs: dayStartMs + DAY_MS };
    }
    const usedThisMinute = (this.#used.get(provider, 'minute', minuteStartMs) as number | undefined) ?? 0;
    if (limits.perMinute !== undefined && usedThisMinute >= limits.perMinute) {
      return { ok: false, reason: 'per-minute', retryAtMs: minuteStartMs + MINUTE_MS };
    }
    this.#spend.run(provider, 'minute', minuteStartMs);
    this.#spend.run(provider, 'day', dayStartMs);
    this.#prune.run(nowMs - KEEP_MS, nowMs);
    return { ok: true };
  }
}
