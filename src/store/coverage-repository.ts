import type BetterSqlite3 from 'better-sqlite3';
import type { Interval } from '../engine/interval.js';
import { addPiece, gaps, type CoveragePiece, type TimeRange } from './coverage-ranges.js';
import { toStoreError } from './sqlite-errors.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** A stored coverage piece with the provider it came from. */
export interface SourcedCoveragePiece extends CoveragePiece {
  readonly source: string;
}

/**
 * Which [fromMs, toMs) ranges of bars were fetched from which source, and when.
 *
 * Per (symbol, interval, source) the table holds disjoint pieces; every millisecond keeps the time
 * of the newest fetch that covered it (see `addPiece`). Different sources are kept apart, and
 * questions ("is it covered?", "what is missing?") accept any source.
 */
export class CoverageRepository {
  readonly #path: string;
  readonly #neighbours: Statement;
  readonly #deleteNeighbours: Statement;
  readonly #insert: Statement;
  readonly #fresh: Statement;
  readonly #all: Statement;
  readonly #record: (symbol: string, interval: Interval, source: string, piece: CoveragePiece) => void;

  constructor(db: Database) {
    this.#path = db.name;
    // Overlapping OR touching pieces, so that adjacent ones can coalesce.
    const near = `symbol = ? AND interval = ? AND source = ? AND from_ms <= ? AND to_ms >= ?`;
    this.#neighbours = db.prepare(
      `SELECT from_ms AS fromMs, to_ms AS toMs, fetched_at_ms AS fetchedAtMs FROM history_coverage WHERE ${near}`,
    );
    this.#deleteNeighbours = db.prepare(`DELETE FROM history_coverage WHERE ${near}`);
    this.#insert = db.prepare(
      `INSERT INTO history_coverage (symbol, interval, source, from_ms, to_ms, fetched_at_ms)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#fresh = db.prepare(
      `SELECT from_ms AS fromMs, to_ms AS toMs FROM history_coverage
       WHERE symbol = ? AND interval = ? AND from_ms < ? AND to_ms > ? AND fetched_at_ms >= ?`,
    );
    this.#all = db.prepare(
      `SELECT source, from_ms AS fromMs, to_ms AS toMs, fetched_at_ms AS fetchedAtMs
       FROM history_coverage WHERE symbol = ? AND interval = ? ORDER BY from_ms, source`,
    );
    this.#record = db.transaction(this.#replace.bind(this)).immediate;
  }

  /**
   * Records that bars of [fromMs, toMs) were fetched from `source` at `fetchedAtMs` (all UTC epoch
   * ms). An empty range (fromMs >= toMs) records nothing. Throws RangeError for a non-integer time.
   * Runs in its own IMMEDIATE transaction, or as part of an enclosing Store.transaction.
   */
  record(symbol: string, interval: Interval, source: string, fromMs: number, toMs: number, fetchedAtMs: number): void {
    assertTimes({ fromMs, toMs, fetchedAtMs });
    if (fromMs >= toMs) return;
    try {
      this.#record(symbol, interval, source, { fromMs, toMs, fetchedAtMs });
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  /**
   * True when every millisecond of [fromMs, toMs) lies in a piece, of any source, fetched at or
   * after `freshSinceMs` (pass 0 to accept any age). An empty range is covered.
   */
  isCovered(symbol: string, interval: Interval, fromMs: number, toMs: number, freshSinceMs: number): boolean {
    return this.missingRanges(symbol, interval, fromMs, toMs, freshSinceMs).length === 0;
  }

  /**
   * The parts of [fromMs, toMs) not covered by any fetch at or after `freshSinceMs`, oldest first:
   * what an incremental refresh must fetch. Empty when everything is covered.
   */
  missingRanges(symbol: string, interval: Interval, fromMs: number, toMs: number, freshSinceMs: number): TimeRange[] {
    if (fromMs >= toMs) return [];
    try {
      const covered = this.#fresh.all(symbol, interval, toMs, fromMs, freshSinceMs) as TimeRange[];
      return gaps(covered, fromMs, toMs);
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  /** Every stored piece of one symbol and interval, oldest first (for diagnostics and tests). */
  pieces(symbol: string, interval: Interval): SourcedCoveragePiece[] {
    try {
      return this.#all.all(symbol, interval) as SourcedCoveragePiece[];
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }

  #replace(symbol: string, interval: Interval, source: string, added: CoveragePiece): void {
    const key = [symbol, interval, source, added.toMs, added.fromMs] as const;
    const existing = this.#neighbours.all(...key) as CoveragePiece[];
    this.#deleteNeighbours.run(...key);
    for (const piece of addPiece(existing, added)) {
      this.#insert.run(symbol, interval, source, piece.fromMs, piece.toMs, piece.fetchedAtMs);
    }
  }
}

function assertTimes(times: Record<string, number>): void {
  for (const [name, value] of Object.entries(times)) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
  }
}
