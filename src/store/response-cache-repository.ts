import type BetterSqlite3 from 'better-sqlite3';
import { toStoreError } from './sqlite-errors.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** What is cached besides history bars (which have their own tables). */
export type CachedKind = 'quote' | 'search' | 'news';

/** One cached answer: the JSON text as written, where it came from and when it was fetched. */
export interface CachedResponse {
  readonly source: string;
  /** UTC epoch ms of the fetch. */
  readonly fetchedAtMs: number;
  /** JSON; decimals inside are strings, so they come back exact. */
  readonly body: string;
}

/**
 * The last good answer per kind and key (a quote per symbol, a search per text, news per symbol).
 * It is kept after its TTL on purpose: when every provider fails, it is what is served as stale.
 * Encoding and decoding the body belongs to the caller (src/services/cache-codec.ts).
 */
export class ResponseCacheRepository {
  readonly #path: string;
  readonly #put: Statement;
  readonly #get: Statement;

  constructor(db: Database) {
    this.#path = db.name;
    // An older fetch never replaces a newer one (two processes racing).
    this.#put = db.prepare(
      `INSERT INTO cached_responses (kind, key, source, fetched_at_ms, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (kind, key) DO UPDATE SET
         source = excluded.source, fetched_at_ms = excluded.fetched_at_ms, body = excluded.body
       WHERE excluded.fetched_at_ms >= fetched_at_ms`,
    );
    this.#get = db.prepare(
      `SELECT source, fetched_at_ms AS fetchedAtMs, body FROM cached_responses WHERE kind = ? AND key = ?`,
    );
  }

  put(kind: CachedKind, key: string, entry: CachedResponse): void {
    if (!Number.isSafeInteger(entry.fetchedAtMs)) {
      throw new RangeError(`fetchedAtMs must be an integer, got ${entry.fetchedAtMs}`);
    }
    try {
      this.#put.run(kind, key, entry.source, entry.fetchedAtMs, entry.body);
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  /** The cached answer of any age, or undefined. */
  get(kind: CachedKind, key: string): CachedResponse | undefined {
    try {
      return this.#get.get(kind, key) as CachedResponse | undefined;
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }
}
