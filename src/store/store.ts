import { AlertRepository } from './alert-repository.js';
import { BarRepository } from './bar-repository.js';
import { BudgetRepository } from './budget-repository.js';
import { CoverageRepository } from './coverage-repository.js';
import { openDatabase, type Database, type OpenDatabaseOptions } from './database.js';
import { InstrumentRepository } from './instrument-repository.js';
import { ProviderHealthRepository } from './provider-health-repository.js';
import { ResponseCacheRepository } from './response-cache-repository.js';
import { toStoreError } from './sqlite-errors.js';
import { WatchlistRepository } from './watchlist-repository.js';

export type { Database, OpenDatabaseOptions } from './database.js';

/** The open database with one repository per aggregate. */
export interface Store {
  /** The file path given to openStore (`:memory:` for an in-memory store). */
  readonly path: string;
  readonly db: Database;
  readonly bars: BarRepository;
  readonly budgets: BudgetRepository;
  readonly coverage: CoverageRepository;
  readonly instruments: InstrumentRepository;
  readonly alerts: AlertRepository;
  readonly providerHealth: ProviderHealthRepository;
  readonly responses: ResponseCacheRepository;
  readonly watchlists: WatchlistRepository;
  /**
   * Runs `fn` in one IMMEDIATE transaction (the write lock is taken at the start, so it never
   * fails half-way for a lock): everything `fn` writes through the repositories is committed
   * together, or rolled back together when `fn` throws. Nested calls become savepoints. `fn` must
   * be synchronous; returning a promise is a TypeError and rolls back.
   */
  transaction<T>(fn: () => T): T;
  /** Closes the database; the store is unusable afterwards. Safe to call twice. */
  close(): void;
}

/** Opens the database at `path` (see openDatabase for checks and errors) and its repositories. */
export function openStore(path: string, options: OpenDatabaseOptions = {}): Store {
  const db = openDatabase(path, options);
  try {
    return createStore(path, db);
  } catch (error) {
    db.close();
    throw toStoreError(error, path);
  }
}

function createStore(path: string, db: Database): Store {
  return {
    path,
    db,
    bars: new BarRepository(db),
    budgets: new BudgetRepository(db),
    coverage: new CoverageRepository(db),
    instruments: new InstrumentRepository(db),
    alerts: new AlertRepository(db),
    providerHealth: new ProviderHealthRepository(db),
    responses: new ResponseCacheRepository(db),
    watchlists: new WatchlistRepository(db),
    transaction<T>(fn: () => T): T {
      const run = db.transaction(() => {
        const result = fn();
        if (isPromiseLike(result)) {
          throw new TypeError('Store.transaction needs a synchronous function; it returned a promise');
        }
        return result;
      });
      try {
        return run.immediate();
      } catch (error) {
        throw toStoreError(error, path);
      }
    },
    close() {
      if (db.open) db.close();
    },
  };
}

function isPromiseLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
