import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { toStoreError } from '../../src/store/sqlite-errors.js';

const sqliteError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });
const PATH = '/home/me/.local/share/stockato/stockato.db';

describe('toStoreError', () => {
  it.each([
    ['SQLITE_NOTADB', 'not-a-database'],
    ['SQLITE_CORRUPT', 'corrupt-database'],
    ['SQLITE_CORRUPT_INDEX', 'corrupt-database'],
    ['SQLITE_BUSY', 'database-busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'database-busy'],
    ['SQLITE_READONLY', 'read-only'],
    ['SQLITE_FULL', 'disk-full'],
    ['SQLITE_CANTOPEN', 'cannot-open'],
    ['SQLITE_IOERR_WRITE', 'io-error'],
  ])('maps %s to a StoreError %s naming the file', (sqliteCode, code) => {
    const cause = sqliteError(sqliteCode);
    const error = toStoreError(cause, PATH) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(PATH);
    expect(error.hint).toBeTruthy();
    expect(error.cause).toBe(cause);
  });

  it.each([
    ['a constraint violation (a bug)', sqliteError('SQLITE_CONSTRAINT_PRIMARYKEY')],
    ['an SQL error (a bug)', sqliteError('SQLITE_ERROR')],
    ['a plain error', new TypeError('x is undefined')],
    ['a non-error', 'text'],
  ])('leaves %s unchanged', (_name, error) => {
    expect(toStoreError(error, PATH)).toBe(error);
  });
});
