import { existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { StoreError } from '../errors.js';
import { schemaVersion } from './migrations.js';
import { toStoreError } from './sqlite-errors.js';
import type { Database } from './database.js';
import type { Store } from './store.js';

export interface CheckResult {
  readonly path: string;
  /** True when integrity_check says "ok" and foreign_key_check finds nothing. */
  readonly ok: boolean;
  /** `['ok']`, or one line per problem found. */
  readonly integrity: string[];
  readonly schemaVersion: number;
  /** Size of the database file in bytes (pages in use for an in-memory database). */
  readonly sizeBytes: number;
  /** Size of the write-ahead log in bytes; 0 when there is none. */
  readonly walSizeBytes: number;
  readonly counts: { readonly bars: number; readonly instruments: number; readonly coverage: number };
}

export interface BackupResult {
  readonly path: string;
  readonly destPath: string;
  readonly sizeBytes: number;
}

export interface VacuumResult {
  /** Database plus write-ahead log, in bytes, before and after. */
  readonly beforeBytes: number;
  readonly afterBytes: number;
}

/**
 * Checks the whole database with PRAGMA integrity_check and foreign_key_check (reads every page:
 * seconds on a large file) and reports sizes and row counts. Problems are returned, not thrown.
 */
export function checkDatabase(store: Store): CheckResult {
  const { db, path } = store;
  try {
    const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    // SQLite packs many problems into one row, one per line, under a "*** in database" heading.
    const lines = integrity
      .flatMap((row) => row.integrity_check.split('\n'))
      .filter((line) => line !== '' && !line.startsWith('***'));
    const keys = db.pragma('foreign_key_check') as Array<Record<string, unknown>>;
    const problems = keys.map((row) => `foreign key: ${JSON.stringify(row)}`);
    const healthy = lines.length === 1 && lines[0] === 'ok' && problems.length === 0;
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      path,
      ok: healthy,
      integrity: healthy ? ['ok'] : [...lines.filter((l) => l !== 'ok'), ...problems],
      schemaVersion: schemaVersion(db),
      sizeBytes: mainFileBytes(db, path),
      walSizeBytes: fileBytes(`${path}-wal`),
      counts: {
        bars: count('bars'),
        instruments: count('instruments'),
        coverage: count('history_coverage'),
      },
    };
  } catch (error) {
    throw toStoreError(error, path);
  }
}

/**
 * Copies the live database to `destPath` with SQLite's online backup (other processes may keep
 * writing). Refuses with StoreError 'backup-exists' when `destPath` exists. The copy is written to
 * a temporary name in the same folder and moved into place only when complete, so a failed backup
 * leaves nothing behind.
 */
export async function backupDatabase(store: Store, destPath: string): Promise<BackupResult> {
  assertBackupTarget(destPath);
  const tempPath = join(dirname(destPath), `.${basename(destPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await store.db.backup(tempPath, { progress: () => 2000 });
    placeWithoutOverwriting(tempPath, destPath);
  } catch (error) {
    throw backupError(error, destPath);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(tempPath + suffix, { force: true });
  }
  return { path: store.path, destPath, sizeBytes: fileBytes(destPath) };
}

/**
 * Folds the write-ahead log into the database and rebuilds it to release free pages. Holds the
 * write lock while it runs; other processes wait (up to the busy timeout) meanwhile.
 */
export function vacuumDatabase(store: Store): VacuumResult {
  const { db, path } = store;
  try {
    const beforeBytes = totalBytes(db, path);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
    // In WAL mode VACUUM writes the rebuilt pages to the log; fold them back to shrink the file.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { beforeBytes, afterBytes: totalBytes(db, path) };
  } catch (error) {
    throw toStoreError(error, path);
  }
}

function assertBackupTarget(destPath: string): void {
  if (existsSync(destPath)) {
    throw new StoreError('backup-exists', `${destPath} already exists; a backup never overwrites a file`, {
      hint: 'choose another name or move the existing file away',
    });
  }
  if (!existsSync(dirname(destPath))) {
    throw new StoreError('backup-failed', `cannot write ${destPath}: the folder ${dirname(destPath)} does not exist`, {
      hint: 'create the folder first',
    });
  }
}

/** link() fails if the name exists, so a file that appeared meanwhile is never replaced. */
function placeWithoutOverwriting(tempPath: string, destPath: string): void {
  try {
    linkSync(tempPath, destPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    // Filesystems without hard links: the check-then-rename window is the best left.
    if (existsSync(destPath)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(tempPath, destPath);
  }
}

function backupError(error: unknown, destPath: string): unknown {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    return new StoreError('backup-exists', `${destPath} appeared while the backup ran; it was left untouched`, {
      hint: 'choose another name or move the existing file away',
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError('backup-failed', `backup to ${destPath} failed (${message}); nothing was written`, {
    hint: 'check free space and permissions of the destination folder',
    cause: error,
  });
}

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function mainFileBytes(db: Database, path: string): number {
  if (db.memory) {
    const pages = db.pragma('page_count', { simple: true }) as number;
    return pages * (db.pragma('page_size', { simple: true }) as number);
  }
  return fileBytes(path);
}

function totalBytes(db: Database, path: string): number {
  return mainFileBytes(db, path) + (db.memory ? 0 : fileBytes(`${path}-wal`));
}
