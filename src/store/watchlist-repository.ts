import type BetterSqlite3 from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { toStoreError } from './sqlite-errors.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** A named list of symbols, in the user's order. */
export interface Watchlist {
  readonly id: number;
  readonly name: string;
  readonly symbols: readonly string[];
}

export const WATCHLIST_NAME_MAX = 40;

/** A trimmed name of 1 to 40 characters, or a StoreError saying what is accepted. */
export function checkWatchlistName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > WATCHLIST_NAME_MAX) {
    throw new StoreError(
      'watchlist-name',
      `a watchlist name must be 1 to ${WATCHLIST_NAME_MAX} characters (received "${name}")`,
    );
  }
  return trimmed;
}

/**
 * Named watchlists and their symbols (migration 5). Every change runs in one transaction, so a
 * reorder is never half-applied. Unknown ids are a StoreError `watchlist-missing`; a name already
 * taken is `watchlist-exists`.
 */
export class WatchlistRepository {
  readonly #path: string;
  readonly #lists: Statement;
  readonly #symbols: Statement;
  readonly #listIds: Statement;
  readonly #insertList: Statement;
  readonly #rename: Statement;
  readonly #delete: Statement;
  readonly #setListPosition: Statement;
  readonly #symbolsOf: Statement;
  readonly #insertSymbol: Statement;
  readonly #deleteSymbol: Statement;
  readonly #setSymbolPosition: Statement;
  readonly #nameTaken: Statement;
  readonly #transaction: <T>(fn: () => T) => T;

  constructor(db: Database) {
    this.#path = db.name;
    this.#lists = db.prepare('SELECT id, name FROM watchlists ORDER BY position, id');
    this.#symbols = db.prepare('SELECT watchlist_id AS id, symbol FROM watchlist_symbols ORDER BY position');
    this.#listIds = db.prepare('SELECT id FROM watchlists ORDER BY position, id').pluck();
    this.#insertList = db.prepare(
      'INSERT INTO watchlists (name, position) VALUES (?, (SELECT COALESCE(MAX(position) + 1, 0) FROM watchlists))',
    );
    this.#rename = db.prepare('UPDATE watchlists SET name = ? WHERE id = ?');
    this.#delete = db.prepare('DELETE FROM watchlists WHERE id = ?');
    this.#setListPosition = db.prepare('UPDATE watchlists SET position = ? WHERE id = ?');
    this.#symbolsOf = db
      .prepare('SELECT symbol FROM watchlist_symbols WHERE watchlist_id = ? ORDER BY position')
      .pluck();
    this.#insertSymbol = db.prepare(
      `INSERT INTO watchlist_symbols (watchlist_id, symbol, position)
       VALUES (?, ?, (SELECT COALESCE(MAX(position) + 1, 0) FROM watchlist_symbols WHERE watchlist_id = ?))
       ON CONFLICT DO NOTHING`,
    );
    this.#deleteSymbol = db.prepare('DELETE FROM watchlist_symbols WHERE watchlist_id = ? AND symbol = ?');
    this.#setSymbolPosition = db.prepare(
      'UPDATE watchlist_symbols SET position = ? WHERE watchlist_id = ? AND symbol = ?',
    );
    this.#nameTaken = db.prepare('SELECT 1 FROM watchlists WHERE name = ? AND id != ?').pluck();
    const transaction = db.transaction((fn: () => unknown) => fn());
    this.#transaction = <T>(fn: () => T): T => transaction.immediate(fn) as T;
  }

  /** Every watchlist in the user's order, each with its symbols in order. */
  list(): Watchlist[] {
    return this.#run(() => {
      const symbols = new Map<number, string[]>();
      for (const row of this.#symbols.all() as { id: number; symbol: string }[]) {
        const list = symbols.get(row.id) ?? [];
        list.push(row.symbol);
        symbols.set(row.id, list);
      }
      return (this.#lists.all() as { id: number; name: string }[]).map((row) => ({
        id: row.id,
        name: row.name,
        symbols: symbols.get(row.id) ?? [],
      }));
    });
  }

  /** Adds a watchlist at the end, with `symbols` in order; returns it. */
  create(name: string, symbols: readonly string[] = []): Watchlist {
    const checked = checkWatchlistName(name);
    return this.#run(() => {
      this.#checkFree(checked, -1);
      const id = Number(this.#insertList.run(checked).lastInsertRowid);
      for (const symbol of symbols) this.#insertSymbol.run(id, symbol, id);
      return { id, name: checked, symbols: this.#symbolsOf.all(id) as string[] };
    });
  }

  rename(id: number, name: string): void {
    const checked = checkWatchlistName(name);
    this.#run(() => {
      this.#checkFree(checked, id);
      this.#expectChange(this.#rename.run(checked, id).changes, id);
    });
  }

  remove(id: number): void {
    this.#run(() => this.#expectChange(this.#delete.run(id).changes, id));
  }

  /** Appends `symbol` (already canonical); adding one that is there already changes nothing. */
  addSymbol(id: number, symbol: string): void {
    this.#run(() => {
      this.#expectList(id);
      this.#insertSymbol.run(id, symbol, id);
    });
  }

  removeSymbol(id: number, symbol: string): void {
    this.#run(() => {
      this.#expectList(id);
      this.#deleteSymbol.run(id, symbol);
    });
  }

  /** Moves `symbol` to index `to` (clamped to the list) within watchlist `id`. */
  moveSymbol(id: number, symbol: string, to: number): void {
    this.#run(() => {
      this.#expectList(id);
      const order = this.#symbolsOf.all(id) as string[];
      const reordered = moveItem(order, order.indexOf(symbol), to);
      reordered.forEach((s, position) => this.#setSymbolPosition.run(position, id, s));
    });
  }

  /** Moves watchlist `id` to index `to` (clamped) among the watchlists. */
  move(id: number, to: number): void {
    this.#run(() => {
      const order = this.#listIds.all() as number[];
      if (!order.includes(id)) throw missing(id);
      moveItem(order, order.indexOf(id), to).forEach((listId, position) => this.#setListPosition.run(position, listId));
    });
  }

  #checkFree(name: string, exceptId: number): void {
    if (this.#nameTaken.get(name, exceptId) !== undefined) {
      throw new StoreError('watchlist-exists', `a watchlist named "${name}" already exists`);
    }
  }

  #expectList(id: number): void {
    if (!(this.#listIds.all() as number[]).includes(id)) throw missing(id);
  }

  #expectChange(changes: number, id: number): void {
    if (changes === 0) throw missing(id);
  }

  #run<T>(fn: () => T): T {
    try {
      return this.#transaction(fn);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw toStoreError(error, this.#path);
    }
  }
}

function missing(id: number): StoreError {
  return new StoreError('watchlist-missing', `no watchlist with id ${id}`);
}

/** `items` with the one at `from` moved to `to` (clamped); unchanged when `from` is not an index. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  if (from < 0 || from >= out.length) return out;
  const [item] = out.splice(from, 1) as [T];
  out.splice(Math.max(0, Math.min(out.length, to)), 0, item);
  return out;
}
