import { StoreError } from '../errors.js';

/** Told to the user whenever a file is refused: we never repair or replace what we did not write. */
export const NEVER_OVERWRITES_HINT =
  'move it away or set STOCKATO_HOME to another folder; Stockato never overwrites it';

const DAMAGED_HINT =
  'run "stockato db check" for details, then restore a backup or move the file away; Stockato never overwrites it';

interface SqliteLikeError extends Error {
  readonly code: string;
}

/**
 * True for errors raised by SQLite through better-sqlite3. Duck-typed on the `SQLITE_*` code so
 * that it also recognizes errors from another copy of the library (a bundle, a worker).
 */
export function isSqliteError(error: unknown): error is SqliteLikeError {
  const code: unknown = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

/**
 * Turns an SQLite failure into a StoreError naming the database file. Errors that are not about
 * the file (SQL mistakes, constraint violations, our own bugs) are returned unchanged so that they
 * surface as bugs with their stack.
 */
export function toStoreError(error: unknown, path: string): unknown {
  if (!isSqliteError(error)) return error;
  const code = error.code;
  const cause = { cause: error };
  if (code === 'SQLITE_NOTADB') {
    return new StoreError('not-a-database', `${path} is not a Stockato database (not an SQLite file)`, {
      hint: NEVER_OVERWRITES_HINT,
      ...cause,
    });
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError('corrupt-database', `${path} is damaged (SQLite says: ${error.message})`, {
      hint: DAMAGED_HINT,
      ...cause,
    });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      'database-busy',
      `${path} stayed locked by another process for longer than the 5 second wait`,
      { hint: 'try again; if it keeps happening, look for a stuck stockato process', ...cause },
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new StoreError('read-only', `cannot write ${path}: it is read-only (${error.message})`, {
      hint: 'check the permissions of the file and its folder',
      ...cause,
    });
  }
  if (code === 'SQLITE_FULL') {
    return new StoreError('disk-full', `cannot write ${path}: the disk is full`, {
      hint: 'free some space, then try again',
      ...cause,
    });
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new StoreError('cannot-open', `cannot open ${path} (${error.message})`, {
      hint: 'check that the folder exists and that you may write to it',
      ...cause,
    });
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError('io-error', `reading or writing ${path} failed (${error.message})`, {
      hint: 'check the disk; then run "stockato db check"',
      ...cause,
    });
  }
  return error;
}
