import type BetterSqlite3 from 'better-sqlite3';

type Database = BetterSqlite3.Database;

/**
 * `PRAGMA application_id` of every Stockato database: "STKT" in ASCII. It tells our files apart
 * from other applications' SQLite files, which we must never touch.
 */
export const APPLICATION_ID = 0x53544b54;

export interface Migration {
  /** Becomes `PRAGMA user_version` once applied; versions are 1, 2, 3, ... without gaps. */
  readonly version: number;
  readonly name: string;
  /** Runs inside the migration transaction; must not commit or use PRAGMAs that need autocommit. */
  up(db: Database): void;
}

/*
 * Prices and volumes are canonical decimal TEXT (Decimal.toString()), never REAL. Tables are
 * STRICT so SQLite itself rejects a non-integer time or a BLOB where text belongs.
 * Never edit a migration that has shipped: add a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'bars, history coverage, instruments, meta',
    up(db) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.exec(`
        CREATE TABLE schema_migrations (
          version INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          applied_at_ms INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE bars (
          symbol TEXT NOT NULL,
          interval TEXT NOT NULL,
          ts_ms INTEGER NOT NULL,
          open TEXT NOT NULL,
          high TEXT NOT NULL,
          low TEXT NOT NULL,
          close TEXT NOT NULL,
          volume TEXT NOT NULL,
          PRIMARY KEY (symbol, interval, ts_ms)
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE history_coverage (
          symbol TEXT NOT NULL,
          interval TEXT NOT NULL,
          source TEXT NOT NULL,
          from_ms INTEGER NOT NULL,
          to_ms INTEGER NOT NULL,
          fetched_at_ms INTEGER NOT NULL,
          PRIMARY KEY (symbol, interval, source, from_ms),
          CHECK (from_ms < to_ms)
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE instruments (
          symbol TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          asset_class TEXT NOT NULL,
          currency TEXT NOT NULL,
          exchange TEXT NOT NULL,
          source TEXT NOT NULL,
          updated_at_ms INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'provider request budgets',
    up(db) {
      // One row per provider, span ('minute' or 'day') and window start: the requests spent in
      // that fixed window. blocked_until_ms carries a Retry-After so the next process waits too.
      db.exec(`
        CREATE TABLE provider_budgets (
          provider TEXT NOT NULL,
          span TEXT NOT NULL CHECK (span IN ('minute', 'day')),
          window_start_ms INTEGER NOT NULL,
          used INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0),
          blocked_until_ms INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (provider, span, window_start_ms)
        ) WITHOUT ROWID, STRICT;
      `);
    },
  },
  {
    version: 3,
    name: 'provider health, cached responses',
    up(db) {
      // provider_health: the last success and the last failure of each provider, as the router
      // saw them (error messages are redacted of keys before they get here).
      // cached_responses: the last good answer per kind and key (a quote per symbol, a search per
      // text, news per symbol or the market) as JSON whose decimals are strings, so they stay exact.
      db.exec(`
        CREATE TABLE provider_health (
          provider TEXT PRIMARY KEY,
          last_success_ms INTEGER,
          last_failure_ms INTEGER,
          last_error_code TEXT,
          last_error_message TEXT
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE cached_responses (
          kind TEXT NOT NULL CHECK (kind IN ('quote', 'search', 'news')),
          key TEXT NOT NULL,
          source TEXT NOT NULL,
          fetched_at_ms INTEGER NOT NULL,
          body TEXT NOT NULL,
          PRIMARY KEY (kind, key)
        ) WITHOUT ROWID, STRICT;
      `);
    },
  },
  {
    version: 4,
    name: 'alerts, their evaluation state, firings and deliveries',
    up(db) {
      // alert_state.version is bumped by every write, so a writer can tell its read is current.
      // A firing is unique per alert and sequence number (the state's fired_count), so no two
      // processes can record the same firing. Firings copy the alert's symbol, rule and name so
      // history outlives `alerts rm`. Deliveries are the outbox: one row per firing and target.
      db.exec(`
        CREATE TABLE alerts (
          id INTEGER PRIMARY KEY,
          name TEXT,
          symbol TEXT NOT NULL,
          rule TEXT NOT NULL,
          interval TEXT NOT NULL,
          cooldown_ms INTEGER NOT NULL DEFAULT 0 CHECK (cooldown_ms >= 0),
          once INTEGER NOT NULL DEFAULT 0 CHECK (once IN (0, 1)),
          notify TEXT,
          enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
          created_at_ms INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE alert_state (
          alert_id INTEGER PRIMARY KEY REFERENCES alerts (id) ON DELETE CASCADE,
          version INTEGER NOT NULL DEFAULT 0,
          armed INTEGER NOT NULL DEFAULT 1 CHECK (armed IN (0, 1)),
          exhausted INTEGER NOT NULL DEFAULT 0 CHECK (exhausted IN (0, 1)),
          fired_count INTEGER NOT NULL DEFAULT 0,
          last_fired_ms INTEGER,
          last_observed_ms INTEGER,
          last_evaluated_ms INTEGER,
          last_condition INTEGER
        ) STRICT;

        CREATE TABLE alert_firings (
          id INTEGER PRIMARY KEY,
          alert_id INTEGER NOT NULL,
          seq INTEGER NOT NULL,
          fired_at_ms INTEGER NOT NULL,
          bar_ms INTEGER,
          symbol TEXT NOT NULL,
          name TEXT,
          rule TEXT NOT NULL,
          interval TEXT NOT NULL,
          values_json TEXT NOT NULL,
          UNIQUE (alert_id, seq)
        ) STRICT;
        CREATE INDEX alert_firings_by_time ON alert_firings (fired_at_ms);

        CREATE TABLE alert_deliveries (
          id INTEGER PRIMARY KEY,
          firing_id INTEGER NOT NULL REFERENCES alert_firings (id) ON DELETE CASCADE,
          target TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_ms INTEGER NOT NULL,
          claimed_until_ms INTEGER NOT NULL DEFAULT 0,
          last_error TEXT,
          delivered_at_ms INTEGER,
          UNIQUE (firing_id, target)
        ) STRICT;
        CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_ms);
      `);
    },
  },
  {
    version: 5,
    name: 'watchlists',
    up(db) {
      // Named watchlists in the user's order, and their symbols in the user's order. Positions
      // are rewritten whole on every reorder (lists are short), so they stay 0..n-1.
      db.exec(`
        CREATE TABLE watchlists (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
          position INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE watchlist_symbols (
          watchlist_id INTEGER NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
          symbol TEXT NOT NULL,
          position INTEGER NOT NULL,
          PRIMARY KEY (watchlist_id, symbol)
        ) WITHOUT ROWID, STRICT;
      `);
    },
  },
];

/** The schema version this build creates and understands. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  /** The migrations to apply; tests pass their own list. */
  readonly migrations?: readonly Migration[];
  /** Clock for the applied_at_ms column. */
  readonly nowMs?: () => number;
}

/**
 * Applies every pending migration, in order, in ONE `BEGIN IMMEDIATE` transaction: the upgrade is
 * all or nothing, and the version is read again after the write lock is held, so when several
 * processes open a new file at the same moment exactly one migrates and the others find it done.
 * Returns the versions this call applied (empty when the database was already current).
 */
export function migrate(db: Database, options: MigrateOptions = {}): number[] {
  const { migrations = MIGRATIONS, nowMs = Date.now } = options;
  const run = db.transaction(() => {
    const current = schemaVersion(db);
    const pending = migrations.filter((m) => m.version > current);
    for (const migration of pending) {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        nowMs(),
      );
      db.pragma(`user_version = ${migration.version}`);
    }
    return pending.map((m) => m.version);
  });
  return run.immediate();
}
