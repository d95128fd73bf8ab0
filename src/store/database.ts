import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { needsStatementRetention, retainStatements } from './statement-retention.js';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, migrate } from './migrations.js';
import { NEVER_OVERWRITES_HINT, toStoreError } from './sqlite-errors.js';

export type Database = BetterSqlite3.Database;

export interface OpenDatabaseOptions {
  /** Open without writing anything: no WAL switch, no migration. The file must exist and be current. */
  readonly readonly?: boolean;
}

/** How long a writer waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens (creating if missing) the Stockato database at `path` and brings its schema up to date.
 * `:memory:` gives a private in-memory database (for tests).
 *
 * The file is inspected before anything is written: a file that is not SQLite ('not-a-database'),
 * an SQLite file of another application ('foreign-database'), a damaged one ('corrupt-database') or
 * one made by a newer Stockato ('database-too-new') is refused with a StoreError naming it, and
 * left byte for byte as it was. A missing or unwritable folder is 'cannot-open'; callers create
 * the folder. Pragmas: WAL, busy_timeout 5000 ms, synchronous NORMAL, foreign keys on.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const readonly = options.readonly === true;
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) assertOpenableFile(path, readonly);
  const db = connect(path, readonly);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    assertOurs(db, path, readonly);
    db.pragma('foreign_keys = ON');
    if (!readonly) {
      // Only now, once the file is known to be ours: switching to WAL rewrites its header.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw toStoreError(error, path);
  }
}

function connect(path: string, readonly: boolean): Database {
  let db: Database;
  try {
    db = new BetterSqlite3(path, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw toStoreError(error, path);
  }
  if (needsStatementRetention()) retainStatements(db);
  // SQLite silently falls back to read-only when the file's permissions forbid writing.
  if (!readonly && db.readonly) {
    db.close();
    throw new StoreError('cannot-open', `cannot write ${path}: the file is read-only`, {
      hint: 'check the permissions of the file',
    });
  }
  return db;
}

/** Checks the folder, the file type and the SQLite header without opening the file for writing. */
function assertOpenableFile(path: string, readonly: boolean): void {
  const folder = dirname(path);
  const folderStats = statOrUndefined(folder);
  if (!folderStats?.isDirectory()) {
    throw new StoreError('cannot-open', `cannot open ${path}: the folder ${folder} does not exist`, {
      hint: 'create the folder first, or set STOCKATO_HOME to an existing folder',
    });
  }
  const stats = statOrUndefined(path);
  if (stats === undefined) {
    if (!readonly) return;
    throw new StoreError('cannot-open', `cannot open ${path}: the file does not exist`, {
      hint: 'run any stockato command that stores data to create it',
    });
  }
  if (!stats.isFile()) {
    throw new StoreError('cannot-open', `cannot open ${path}: it is not a regular file`, {
      hint: NEVER_OVERWRITES_HINT,
    });
  }
  if (stats.size > 0 && !hasSqliteHeader(path)) {
    throw new StoreError('not-a-database', `${path} is not a Stockato database (not an SQLite file)`, {
      hint: NEVER_OVERWRITES_HINT,
    });
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function hasSqliteHeader(path: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new StoreError('cannot-open', `cannot read ${path} (${(error as Error).message})`, {
      hint: 'check the permissions of the file',
      cause: error,
    });
  }
  try {
    const read = readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads only (no write happens before this passes): application_id, user_version and whether any
 * table exists. A file with our id is ours; an empty file is ours to initialize; anything else is
 * another application's.
 */
function assertOurs(db: Database, path: string, readonly: boolean): void {
  // One statement, so one snapshot: read separately, another process's migration could commit
  // in between and an id of 0 beside its new tables would look like a foreign file.
  const [applicationId, version, objects] = db
    .prepare(
      `SELECT (SELECT application_id FROM pragma_application_id),
              (SELECT user_version FROM pragma_user_version),
              (SELECT count(*) FROM sqlite_schema)`,
    )
    .raw()
    .get() as [number, number, number];
  const isEmpty = applicationId === 0 && version === 0 && objects === 0;
  if (applicationId !== APPLICATION_ID && !isEmpty) {
    throw new StoreError(
      'foreign-database',
      `${path} is an SQLite database of another application, not a Stockato database`,
      { hint: NEVER_OVERWRITES_HINT },
    );
  }
  if (version > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      'database-too-new',
      `${path} has schema version ${version}, newer than this Stockato understands (${LATEST_SCHEMA_VERSION})`,
      { hint: 'upgrade stockato (npm install -g stockato@latest)' },
    );
  }
  if (readonly && version < LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      'database-outdated',
      `${path} has schema version ${version}; this Stockato needs ${LATEST_SCHEMA_VERSION} and cannot upgrade it read-only`,
      { hint: 'run any stockato command that stores data once to upgrade it' },
    );
  }
}
