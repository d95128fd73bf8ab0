import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { backupDatabase, checkDatabase, vacuumDatabase } from '../../src/store/maintenance.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore, type Store } from '../../src/store/store.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { barTexts, minuteBars } from './make-bars.js';

let home: TempHome;
let store: Store;
beforeEach(() => {
  home = createTempHome();
  store = openStore(home.path('stockato.db'));
});
afterEach(() => {
  store.close();
  home.cleanup();
});

describe('checkDatabase', () => {
  it('reports a good database as ok, with its version, sizes and counts', () => {
    store.bars.upsertBars('AAPL', '1m', minuteBars(10));
    store.coverage.record('AAPL', '1m', 'demo', 0, 10, 1);
    const result = checkDatabase(store);
    expect(result).toMatchObject({
      path: store.path,
      ok: true,
      integrity: ['ok'],
      schemaVersion: LATEST_SCHEMA_VERSION,
      counts: { bars: 10, instruments: 0, coverage: 1 },
    });
    expect(result.sizeBytes).toBeGreaterThan(0);
    expect(result.walSizeBytes).toBeGreaterThan(0);
  });

  it('reports damage inside the file instead of ok', () => {
    store.bars.upsertBars('AAPL', '1m', minuteBars(5000));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    // The page after the last table's root is one of the bars tree's (the only table with data),
    // wherever later migrations put their roots.
    const lastRoot = store.db.prepare('SELECT max(rootpage) FROM sqlite_schema').pluck().get() as number;
    store.close();
    const path = home.path('stockato.db');
    const bytes = readFileSync(path);
    const pageSize = 4096;
    // Scribble over that page (page n starts at (n - 1) * pageSize); header and schema stay intact.
    bytes.fill(0xab, lastRoot * pageSize + 100, lastRoot * pageSize + 900);
    writeFileSync(path, bytes);
    store = openStore(path);
    const result = checkDatabase(store);
    expect(result.ok).toBe(false);
    expect(result.integrity.length).toBeGreaterThan(1);
    expect(result.integrity[0]).toMatch(/^Tree \d+ page \d+/);
  });
});

describe('backupDatabase', () => {
  it('writes an openable copy with the same data and leaves no temporary file', async () => {
    const bars = minuteBars(300);
    store.bars.upsertBars('AAPL', '1m', bars);
    const dest = home.path('backup.db');
    const result = await backupDatabase(store, dest);
    expect(result).toEqual({ path: store.path, destPath: dest, sizeBytes: readFileSync(dest).length });
    const copy = openStore(dest);
    expect(barTexts(copy.bars.getBars('AAPL', '1m', 0, Number.MAX_SAFE_INTEGER))).toEqual(barTexts(bars));
    expect(checkDatabase(copy).ok).toBe(true);
    copy.close();
    expect(readdirSync(home.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite an existing file and leaves it unchanged', async () => {
    const dest = home.path('backup.db');
    writeFileSync(dest, 'precious');
    await expect(backupDatabase(store, dest)).rejects.toMatchObject({ code: 'backup-exists' });
    expect(readFileSync(dest, 'utf8')).toBe('precious');
  });

  it('fails with a StoreError when the destination folder is missing, writing nothing', async () => {
    const dest = home.path('nowhere', 'backup.db');
    await expect(backupDatabase(store, dest)).rejects.toBeInstanceOf(StoreError);
    expect(existsSync(dest)).toBe(false);
  });
});

describe('vacuumDatabase', () => {
  it('gives free pages back to the file system', () => {
    store.bars.upsertBars('AAPL', '1m', minuteBars(20_000));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.exec('DELETE FROM bars');
    const { beforeBytes, afterBytes } = vacuumDatabase(store);
    expect(afterBytes).toBeLessThan(beforeBytes / 4);
    expect(store.bars.countBars('AAPL', '1m')).toBe(0);
    expect(checkDatabase(store).ok).toBe(true);
  });
});
