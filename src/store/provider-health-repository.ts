import type BetterSqlite3 from 'better-sqlite3';
import { toStoreError } from './sqlite-errors.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** What the router last saw of one provider; `stockato doctor` reads this shape. */
export interface ProviderHealth {
  readonly provider: string;
  /** UTC epoch ms of the last answer (an unknown symbol is an answer too). */
  readonly lastSuccessMs?: number;
  /** UTC epoch ms of the last failure (network, 5xx, 429, timeout, bad payload, refused key). */
  readonly lastFailureMs?: number;
  readonly lastErrorCode?: string;
  /** Already redacted of keys by the HTTP client; never a secret. */
  readonly lastErrorMessage?: string;
}

interface HealthRow {
  provider: string;
  lastSuccessMs: number | null;
  lastFailureMs: number | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
}

/** The longest error message kept: enough to diagnose, never a whole response body. */
const MESSAGE_LIMIT = 500;

/** One row per provider with its last success and last failure. */
export class ProviderHealthRepository {
  readonly #path: string;
  readonly #success: Statement;
  readonly #failure: Statement;
  readonly #all: Statement;

  constructor(db: Database) {
    this.#path = db.name;
    // MAX keeps the newest time when processes record out of order.
    this.#success = db.prepare(
      `INSERT INTO provider_health (provider, last_success_ms) VALUES (?, ?)
       ON CONFLICT (provider) DO UPDATE SET
         last_success_ms = MAX(COALESCE(last_success_ms, 0), excluded.last_success_ms)`,
    );
    this.#failure = db.prepare(
      `INSERT INTO provider_health (provider, last_failure_ms, last_error_code, last_error_message)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (provider) DO UPDATE SET
         last_failure_ms = excluded.last_failure_ms,
         last_error_code = excluded.last_error_code,
         last_error_message = excluded.last_error_message
       WHERE excluded.last_failure_ms >= COALESCE(last_failure_ms, 0)`,
    );
    this.#all = db.prepare(
      `SELECT provider, last_success_ms AS lastSuccessMs, last_failure_ms AS lastFailureMs,
              last_error_code AS lastErrorCode, last_error_message AS lastErrorMessage
       FROM provider_health ORDER BY provider`,
    );
  }

  recordSuccess(provider: string, atMs: number): void {
    assertTime(atMs);
    this.#run(() => this.#success.run(provider, atMs));
  }

  recordFailure(provider: string, error: { readonly code: string; readonly message: string }, atMs: number): void {
    assertTime(atMs);
    const message = error.message.length > MESSAGE_LIMIT ? `${error.message.slice(0, MESSAGE_LIMIT)}…` : error.message;
    this.#run(() => this.#failure.run(provider, atMs, error.code, message));
  }

  /** Every provider seen, by id. */
  all(): ProviderHealth[] {
    const rows = this.#run(() => this.#all.all() as HealthRow[]);
    return rows.map(toHealth);
  }

  #run<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }
}

function toHealth(row: HealthRow): ProviderHealth {
  return {
    provider: row.provider,
    ...(row.lastSuccessMs !== null ? { lastSuccessMs: row.lastSuccessMs } : {}),
    ...(row.lastFailureMs !== null ? { lastFailureMs: row.lastFailureMs } : {}),
    ...(row.lastErrorCode !== null ? { lastErrorCode: row.lastErrorCode } : {}),
    ...(row.lastErrorMessage !== null ? { lastErrorMessage: row.lastErrorMessage } : {}),
  };
}

function assertTime(atMs: number): void {
  if (!Number.isSafeInteger(atMs)) throw new RangeError(`atMs must be an integer, got ${atMs}`);
}
