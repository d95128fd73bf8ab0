import { StoreError } from '../../errors.js';
import { checkWatchlistName, moveItem, type Watchlist } from '../../store/watchlist-repository.js';
import type { WatchlistPort } from './ports.js';

/**
 * Watchlists held in memory, with the repository's rules: for a run without the SQLite driver
 * (the dashboard then says changes will not be kept) and for component tests.
 */
export function memoryWatchlists(initial: readonly Watchlist[] = []): WatchlistPort {
  let lists: Watchlist[] = initial.map((l) => ({ ...l, symbols: [...l.symbols] }));
  let nextId = Math.max(0, ...lists.map((l) => l.id)) + 1;
  const find = (id: number) => {
    const list = lists.find((l) => l.id === id);
    if (!list) throw new StoreError('watchlist-missing', `no watchlist with id ${id}`);
    return list;
  };
  const checkFree = (name: string, exceptId: number) => {
    if (lists.some((l) => l.name === name && l.id !== exceptId)) {
      throw new StoreError('watchlist-exists', `a watchlist named "${name}" already exists`);
    }
  };
  const replace = (id: number, change: (list: Watchlist) => Watchlist) => {
    const list = find(id);
    lists = lists.map((l) => (l.id === id ? change(list) : l));
  };
  return {
    list: () => lists.map((l) => ({ ...l, symbols: [...l.symbols] })),
    create(name, symbols = []) {
      const checked = checkWatchlistName(name);
      checkFree(checked, -1);
      const list = { id: nextId++, name: checked, symbols: [...new Set(symbols)] };
      lists.push(list);
      return list;
    },
    rename(id, name) {
      const checked = checkWatchlistName(name);
      checkFree(checked, id);
      replace(id, (l) => ({ ...l, name: checked }));
    },
    addSymbol: (id, symbol) =>
      replace(id, (l) => (l.symbols.includes(symbol) ? l : { ...l, symbols: [...l.symbols, symbol] })),
    removeSymbol: (id, symbol) => replace(id, (l) => ({ ...l, symbols: l.symbols.filter((s) => s !== symbol) })),
    moveSymbol: (id, symbol, to) =>
      replace(id, (l) => ({ ...l, symbols: moveItem(l.symbols, l.symbols.indexOf(symbol), to) })),
    move(id, to) {
      const from = lists.findIndex((l) => l.id === id);
      if (from < 0) find(id);
      lists = moveItem(lists, from, to);
    },
  };
}
