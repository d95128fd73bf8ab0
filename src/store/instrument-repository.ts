import type BetterSqlite3 from 'better-sqlite3';
import { ASSET_CLASSES, type AssetClass, type Instrument } from '../engine/instrument.js';
import { StoreError } from '../errors.js';
import { toStoreError } from './sqlite-errors.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** An instrument with where and when its description was last fetched. */
export interface InstrumentEntry {
  readonly instrument: Instrument;
  readonly source: string;
  /** UTC epoch ms of the fetch. */
  readonly updatedAtMs: number;
}

interface InstrumentRow {
  symbol: string;
  name: string;
  assetClass: string;
  currency: string;
  exchange: string;
  source: string;
  updatedAtMs: number;
}

/** Instrument descriptions (name, asset class, currency, exchange), one row per symbol. */
export class InstrumentRepository {
  readonly #path: string;
  readonly #upsert: Statement;
  readonly #get: Statement;

  constructor(db: Database) {
    this.#path = db.name;
    this.#upsert = db.prepare(
      `INSERT INTO instruments (symbol, name, asset_class, currency, exchange, source, updated_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (symbol) DO UPDATE SET
         name = excluded.name, asset_class = excluded.asset_class, currency = excluded.currency,
         exchange = excluded.exchange, source = excluded.source, updated_at_ms = excluded.updated_at_ms`,
    );
    this.#get = db.prepare(
      `SELECT symbol, name, asset_class AS assetClass, currency, exchange, source,
              updated_at_ms AS updatedAtMs
       FROM instruments WHERE symbol = ?`,
    );
  }

  /** Inserts or replaces the description of `instrument.symbol`, fetched from `source` at `updatedAtMs`. */
  upsert(instrument: Instrument, source: string, updatedAtMs: number): void {
    if (!Number.isSafeInteger(updatedAtMs)) {
      throw new RangeError(`updatedAtMs must be an integer, got ${updatedAtMs}`);
    }
    const { symbol, name, assetClass, currency, exchange } = instrument;
    try {
      this.#upsert.run(symbol, name, assetClass, currency, exchange, source, updatedAtMs);
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  /** The stored instrument, or undefined when the symbol was never stored. */
  get(symbol: string): Instrument | undefined {
    return this.getEntry(symbol)?.instrument;
  }

  /** The stored instrument with its source and fetch time, or undefined. */
  getEntry(symbol: string): InstrumentEntry | undefined {
    let row: InstrumentRow | undefined;
    try {
      row = this.#get.get(symbol) as InstrumentRow | undefined;
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
    if (row === undefined) return undefined;
    const { source, updatedAtMs, assetClass, ...rest } = row;
    return { instrument: { ...rest, assetClass: this.#assetClass(assetClass, row.symbol) }, source, updatedAtMs };
  }

  #assetClass(text: string, symbol: string): AssetClass {
    if ((ASSET_CLASSES as readonly string[]).includes(text)) return text as AssetClass;
    throw new StoreError(
      'invalid-row',
      `${this.#path}: instrument ${symbol} has asset class "${text}", expected one of ${ASSET_CLASSES.join(', ')}`,
      { hint: 'run "stockato db check"; the row was not written by this version of Stockato' },
    );
  }
}
