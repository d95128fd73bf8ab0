import BetterSqlite3 from 'better-sqlite3';
import { needsStatementRetention, retainStatements } from '../../src/store/statement-retention.js';

/**
 * A plain better-sqlite3 connection for tests that build files by hand (another application's
 * database, an old schema), with the same Node 24 statement retention as the store uses.
 */
export function openRaw(path: string, options?: BetterSqlite3.Options): BetterSqlite3.Database {
  const db = new BetterSqlite3(path, options);
  if (needsStatementRetention()) retainStatements(db);
  return db;
}
