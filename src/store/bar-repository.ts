import type BetterSqlite3 from 'better-sqlite3';
import type { Bar } from '../engine/bar.js';
import { Decimal } from '../engine/decimal.js';
import type { Interval } from '../engine/interval.js';
import { toStoreError } from './sqlite-errors.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;
/*
 * Writes: one statement call per row spends most of its time crossing from JavaScript into the
 * native binding, so rows go 64 to a multi-row INSERT (32..256 measured alike; 1 was ~1.5x
 * slower), and symbol and interval are bound once per call as named parameters instead of once
 * per row (~25% faster again). See bench/store-bench.js.
 */
const CHUNK_ROWS = 64;
const COLUMNS = 6;

// Re-fetched history is mostly identical: skipping unchanged rows dirties no page and writes no
// log, which made re-writing the same 1M bars ~30% faster.
const UPSERT_TAIL = `
  ON CONFLICT (symbol, interval, ts_ms) DO UPDATE SET
    open = excluded.open, high = excluded.high, low = excluded.low,
    close = excluded.close, volume = excluded.volume
  WHERE open IS NOT excluded.open OR high IS NOT excluded.high OR low IS NOT excluded.low
    OR close IS NOT excluded.close OR volume IS NOT excluded.volume`;

function insertSql(rows: number): string {
  const values = new Array<string>(rows).fill('(@symbol, @interval, ?, ?, ?, ?, ?, ?)').join(', ');
  return `INSERT INTO bars (symbol, interval, ts_ms, open, high, low, close, volume) VALUES ${values} ${UPSERT_TAIL}`;
}

/** OHLCV bars keyed by (symbol, interval, tsMs), prices and volume as exact decimal text. */
export class BarRepository {
  readonly #path: string;
  readonly #insertChunk: Statement;
  readonly #insertOne: Statement;
  readonly #range: Statement;
  readonly #count: Statement;
  readonly #latest: Statement;
  readonly #recent: Statement;
  readonly #params: unknown[] = new Array<unknown>(CHUNK_ROWS * COLUMNS);
  readonly #write: (symbol: string, interval: Interval, bars: readonly Bar[]) => number;

  constructor(db: Database) {
    this.#path = db.name;
    this.#insertChunk = db.prepare(insertSql(CHUNK_ROWS));
    this.#insertOne = db.prepare(insertSql(1));
    /*
     * Reads: each value handed from the native binding to JavaScript costs more than splitting it
     * in JavaScript, so a row comes back as ONE comma-separated text (decimal text never holds a
     * comma) and parseBar cuts it: ~45% faster than six columns for a 10k-bar read.
     */
    const row = `SELECT ts_ms || ',' || open || ',' || high || ',' || low || ',' || close || ',' || volume FROM bars`;
    const series = 'WHERE symbol = ? AND interval = ?';
    this.#range = db.prepare(`${row} ${series} AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms`).pluck();
    this.#count = db.prepare(`SELECT count(*) FROM bars ${series}`).pluck();
    this.#latest = db.prepare(`${row} ${series} ORDER BY ts_ms DESC LIMIT 1`).pluck();
    this.#recent = db.prepare(`${row} ${series} AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms DESC LIMIT ?`).pluck();
    // Nested inside Store.transaction this becomes a savepoint of the outer transaction.
    this.#write = db.transaction(this.#writeAll.bind(this)).immediate;
  }

  /**
   * Inserts or replaces `bars` of one symbol and interval in one IMMEDIATE transaction: all are
   * written or, if any fails, none. A bar whose tsMs is already stored replaces the stored one.
   * Returns the number of rows written: inserted, or replaced by different values (re-writing an
   * identical bar writes nothing and counts 0). Throws RangeError, writing nothing, when a tsMs
   * is not a safe integer.
   */
  upsertBars(symbol: string, interval: Interval, bars: readonly Bar[]): number {
    if (bars.length === 0) return 0;
    try {
      return this.#write(symbol, interval, bars);
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  /** Bars with fromMs <= tsMs < toMs, oldest first; empty when there are none. */
  getBars(symbol: string, interval: Interval, fromMs: number, toMs: number): Bar[] {
    try {
      const rows = this.#range.all(symbol, interval, fromMs, toMs) as string[];
      const bars = new Array<Bar>(rows.length);
      for (let i = 0; i < rows.length; i++) bars[i] = parseBar(rows[i] as string);
      return bars;
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  /**
   * The last `limit` bars (all when limit is undefined) with fromMs <= tsMs < toMs, oldest first:
   * the tail of `getBars` over the same range. For hot read-only paths (an alerts check reads
   * 1,000 series and touches two or three fields of each bar): each field's Decimal is made when
   * first read, so fields nobody reads cost nothing. The bars are read-only values like any other;
   * spread them (`{ ...bar }`) only through `getBars`, whose bars are plain objects.
   */
  getRecentBars(symbol: string, interval: Interval, fromMs: number, toMs: number, limit?: number): Bar[] {
    try {
      const rows = this.#recent.all(symbol, interval, fromMs, toMs, limit ?? -1) as string[];
      const bars = new Array<Bar>(rows.length);
      for (let i = 0, j = rows.length - 1; j >= 0; i++, j--) bars[i] = new LazyBar(rows[j] as string);
      return bars;
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  /** Number of stored bars of one symbol and interval. */
  countBars(symbol: string, interval: Interval): number {
    try {
      return this.#count.get(symbol, interval) as number;
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  /** The stored bar with the greatest tsMs, or undefined when there is none. */
  latestBar(symbol: string, interval: Interval): Bar | undefined {
    try {
      const row = this.#latest.get(symbol, interval) as string | undefined;
      return row === undefined ? undefined : parseBar(row);
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  #writeAll(symbol: string, interval: Interval, bars: readonly Bar[]): number {
    const params = this.#params;
    const series = { symbol, interval };
    const whole = bars.length - (bars.length % CHUNK_ROWS);
    let written = 0;
    for (let start = 0; start < whole; start += CHUNK_ROWS) {
      for (let j = 0; j < CHUNK_ROWS; j++) {
        fillRow(params, j * COLUMNS, bars, start + j);
      }
      written += this.#insertChunk.run(params, series).changes;
    }
    const one = new Array<unknown>(COLUMNS);
    for (let i = whole; i < bars.length; i++) {
      fillRow(one, 0, bars, i);
      written += this.#insertOne.run(one, series).changes;
    }
    return written;
  }
}

function fillRow(params: unknown[], offset: number, bars: readonly Bar[], index: number): void {
  const bar = bars[index] as Bar;
  if (!Number.isSafeInteger(bar.tsMs)) {
    throw new RangeError(`bar ${index} has tsMs ${bar.tsMs}, not an integer number of milliseconds`);
  }
  params[offset] = bar.tsMs;
  params[offset + 1] = bar.open.toString();
  params[offset + 2] = bar.high.toString();
  params[offset + 3] = bar.low.toString();
  params[offset + 4] = bar.close.toString();
  params[offset + 5] = bar.volume.toString();
}

/** A Bar over one selected row whose decimals are cut from the text when first read. */
class LazyBar implements Bar {
  readonly tsMs: number;
  readonly #row: string;
  readonly #cuts: number;
  #open: Decimal | undefined;
  #high: Decimal | undefined;
  #low: Decimal | undefined;
  #close: Decimal | undefined;
  #volume: Decimal | undefined;

  constructor(row: string) {
    const a = row.indexOf(',');
    this.tsMs = Number(row.slice(0, a));
    this.#row = row;
    this.#cuts = a;
  }

  get open(): Decimal {
    return (this.#open ??= this.#field(0));
  }
  get high(): Decimal {
    return (this.#high ??= this.#field(1));
  }
  get low(): Decimal {
    return (this.#low ??= this.#field(2));
  }
  get close(): Decimal {
    return (this.#close ??= this.#field(3));
  }
  get volume(): Decimal {
    return (this.#volume ??= this.#field(4));
  }

  /** The n-th decimal after tsMs (0 open .. 4 volume). */
  #field(n: number): Decimal {
    const row = this.#row;
    let start = this.#cuts + 1;
    for (let i = 0; i < n; i++) start = row.indexOf(',', start) + 1;
    const end = row.indexOf(',', start);
    return Decimal.fromCanonical(end === -1 ? row.slice(start) : row.slice(start, end));
  }
}

/** Cuts "tsMs,open,high,low,close,volume" (as selected above) into a Bar. */
function parseBar(row: string): Bar {
  const a = row.indexOf(',');
  const b = row.indexOf(',', a + 1);
  const c = row.indexOf(',', b + 1);
  const d = row.indexOf(',', c + 1);
  const e = row.indexOf(',', d + 1);
  return {
    tsMs: Number(row.slice(0, a)),
    open: Decimal.fromCanonical(row.slice(a + 1, b)),
    high: Decimal.fromCanonical(row.slice(b + 1, c)),
    low: Decimal.fromCanonical(row.slice(c + 1, d)),
    close: Decimal.fromCanonical(row.slice(d + 1, e)),
    volume: Decimal.fromCanonical(row.slice(e + 1)),
  };
}
