import { openRaw } from '../helpers/raw-sqlite.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { openDatabase } from '../../src/store/database.js';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/store.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { bar } from './make-bars.js';

let home: TempHome;
beforeEach(() => {
  home = createTempHome();
});
afterEach(() => home.cleanup());

/** Runs `open` expecting a StoreError; returns it. */
function storeErrorOf(open: () => unknown): StoreError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError, but it opened');
}

function tableNames(path: string): string[] {
  const db = openRaw(path, { readonly: true });
  try {
    return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('openDatabase', () => {
  it('creates every table on a new file, stamps our application id and the latest version', () => {
    const path = home.path('stockato.db');
    const db = openDatabase(path);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
    expect(tableNames(path)).toEqual(
      [
        'alert_deliveries',
        'alert_firings',
        'alert_state',
        'alerts',
        'bars',
        'cached_responses',
        'history_coverage',
        'instruments',
        'meta',
        'provider_budgets',
        'provider_health',
        'schema_migrations',
        'watchlist_symbols',
        'watchlists',
      ].sort(),
    );
  });

  it('numbers migrations 1, 2, 3, ... without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('sets WAL, the busy timeout, synchronous NORMAL and foreign keys', () => {
    const db = openDatabase(home.path('stockato.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('reopens an existing database without migrating again and keeps its data', () => {
    const path = home.path('stockato.db');
    const first = openStore(path);
    first.bars.upsertBars('AAPL', '1d', [bar(0, '1.5')]);
    first.close();
    const second = openStore(path);
    expect(second.db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    expect(second.bars.countBars('AAPL', '1d')).toBe(1);
    second.close();
  });

  it('treats an empty file as a new database', () => {
    const path = home.path('stockato.db');
    writeFileSync(path, '');
    openDatabase(path).close();
    expect(tableNames(path)).toContain('bars');
  });

  it('opens :memory: for tests', () => {
    const store = openStore(':memory:');
    expect(store.bars.countBars('X', '1d')).toBe(0);
    store.close();
  });

  it.each([
    ['random bytes', randomBytes(8192)],
    ['a text file', Buffer.from('symbol,close\nAAPL,190.5\n')],
    ['a file shorter than the header', Buffer.from('SQLite')],
    [
      'an SQLite header followed by garbage',
      Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(4080)]),
    ],
  ])('refuses %s as not-a-database, naming the file, and leaves it unchanged', (_name, bytes) => {
    const path = home.path('stockato.db');
    writeFileSync(path, bytes);
    const error = storeErrorOf(() => openDatabase(path));
    expect(error.code).toBe('not-a-database');
    expect(error.message).toContain(path);
    expect(error.hint).toMatch(/never overwrites/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('names the file and the reason for a plain text file exactly as promised', () => {
    const path = home.path('stockato.db');
    writeFileSync(path, 'hello\n');
    const error = storeErrorOf(() => openDatabase(path));
    expect(error.code).toBe('not-a-database');
    expect(error.message).toBe(`${path} is not a Stockato database (not an SQLite file)`);
    expect(error.exitCode).toBe(1);
  });

  it("refuses another application's SQLite file as foreign-database and leaves it unchanged", () => {
    const path = home.path('other.db');
    const other = openRaw(path);
    other.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('hi')");
    other.close();
    const before = readFileSync(path);
    const error = storeErrorOf(() => openDatabase(path));
    expect(error.code).toBe('foreign-database');
    expect(error.message).toContain(path);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses an SQLite file with another application id even when it has no tables', () => {
    const path = home.path('other.db');
    const other = openRaw(path);
    other.pragma('application_id = 42');
    other.close();
    expect(storeErrorOf(() => openDatabase(path)).code).toBe('foreign-database');
  });

  it('refuses a database from a newer Stockato as database-too-new', () => {
    const path = home.path('stockato.db');
    openDatabase(path).close();
    const raw = openRaw(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const error = storeErrorOf(() => openDatabase(path));
    expect(error.code).toBe('database-too-new');
    expect(error.message).toContain(path);
    expect(error.hint).toMatch(/upgrade stockato/);
  });

  it('reports a missing folder as cannot-open', () => {
    const path = home.path('missing', 'stockato.db');
    const error = storeErrorOf(() => openDatabase(path));
    expect(error.code).toBe('cannot-open');
    expect(error.message).toContain(path);
  });

  it('reports a folder in place of the file as cannot-open', () => {
    const path = home.path('stockato.db');
    mkdirSync(path);
    expect(storeErrorOf(() => openDatabase(path)).code).toBe('cannot-open');
  });

  describe('read-only', () => {
    it('reads a current database and refuses writes with a StoreError', () => {
      const path = home.path('stockato.db');
      openStore(path).close();
      const store = openStore(path, { readonly: true });
      expect(store.bars.countBars('AAPL', '1d')).toBe(0);
      const error = storeErrorOf(() => store.bars.upsertBars('AAPL', '1d', [bar(0, '1')]));
      expect(error.code).toBe('read-only');
      store.close();
    });

    it('does not create a missing file', () => {
      const path = home.path('stockato.db');
      expect(storeErrorOf(() => openDatabase(path, { readonly: true })).code).toBe('cannot-open');
      expect(() => readFileSync(path)).toThrow();
    });

    it('refuses an empty file that it may not initialize', () => {
      const path = home.path('stockato.db');
      writeFileSync(path, '');
      expect(storeErrorOf(() => openDatabase(path, { readonly: true })).code).toBe('database-outdated');
    });
  });
});
