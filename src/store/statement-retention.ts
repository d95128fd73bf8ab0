import type BetterSqlite3 from 'better-sqlite3';

type Database = BetterSqlite3.Database;
type NativePrepare = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Statements prepared on any database, kept for the life of the process (only where needed).
 *
 * Why: on Node 24, better-sqlite3 12 aborts the process (`RemoveEnvironmentCleanupHook: Assertion
 * failed: (env) != nullptr`) when the garbage collector finalizes a Statement, which happens to
 * every one-off statement (`db.pragma()`, transactions of a closed database) as soon as a command
 * allocates enough. better-sqlite3 13 needs Node 22, and the project supports Node 20, so until
 * then no Statement is ever left for the collector on Node 24 and later. A CLI process prepares a
 * few dozen statements, so this costs nothing that matters; Node 20 and 22 are left alone.
 */
const RETAINED: unknown[] = [];

export function needsStatementRetention(nodeVersion: string = process.versions.node): boolean {
  return Number(nodeVersion.split('.')[0]) >= 24;
}

/**
 * Makes `db` and every statement it prepares (also inside pragma() and transaction()) live
 * forever: a closed Database finalized by the collector aborts the same way as a Statement.
 */
export function retainStatements(db: Database): void {
  RETAINED.push(db);
  // pragma() and transaction() call prepare() on the native handle, which the JS object keeps
  // under a private symbol; wrapping it there sees every statement.
  for (const symbol of Object.getOwnPropertySymbols(db)) {
    const native = (db as unknown as Record<symbol, { prepare?: NativePrepare } | undefined>)[symbol];
    const prepare = native?.prepare;
    if (native === undefined || typeof prepare !== 'function') continue;
    native.prepare = function retainingPrepare(this: unknown, ...args: unknown[]) {
      const statement = prepare.apply(this, args);
      RETAINED.push(statement);
      return statement;
    };
  }
}
