import { openRaw } from '../helpers/raw-sqlite.js';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion, type Migration } from '../../src/store/migrations.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';

let home: TempHome;
let db: BetterSqlite3.Database;
beforeEach(() => {
  home = createTempHome();
  db = openRaw(home.path('stockato.db'));
});
afterEach(() => {
  db.close();
  home.cleanup();
});

const first = MIGRATIONS[0] as Migration;
const addNotes: Migration = {
  version: 2,
  name: 'notes',
  up: (d) => d.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT'),
};
const broken: Migration = {
  version: 3,
  name: 'broken',
  up: (d) => d.exec('CREATE TABLE oops (x) STRICT'), // STRICT needs a column type: SQLite refuses
};
const tables = () =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];

describe('migrate', () => {
  it('applies pending migrations in order and logs each with its time', () => {
    expect(migrate(db, { migrations: [first], nowMs: () => 111 })).toEqual([1]);
    expect(migrate(db, { migrations: [first, addNotes], nowMs: () => 222 })).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT version, applied_at_ms FROM schema_migrations').raw().all()).toEqual([
      [1, 111],
      [2, 222],
    ]);
  });

  it('does nothing when the database is current', () => {
    migrate(db);
    expect(migrate(db)).toEqual([]);
  });

  it('upgrades all or nothing: a failing migration leaves the previous version intact', () => {
    migrate(db, { migrations: [first] });
    expect(() => migrate(db, { migrations: [first, addNotes, broken] })).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(tables()).not.toContain('notes');
    expect(db.inTransaction).toBe(false);
  });
});
