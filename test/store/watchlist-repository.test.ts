import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { openStore, type Store } from '../../src/store/store.js';
import { moveItem, type WatchlistRepository } from '../../src/store/watchlist-repository.js';
import { memoryWatchlists } from '../../src/tui/store/memory-watchlists.js';
import type { WatchlistPort } from '../../src/tui/store/ports.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';

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

const names = (port: WatchlistPort) => port.list().map((l) => l.name);
const symbolsOf = (port: WatchlistPort, id: number) => port.list().find((l) => l.id === id)?.symbols;

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  return undefined;
}

// The same behaviour from the SQLite repository and the in-memory stand-in the dashboard uses
// without the driver: each case runs against both.
describe.each([
  ['WatchlistRepository (SQLite)', () => store.watchlists as WatchlistRepository as WatchlistPort],
  ['memoryWatchlists', () => memoryWatchlists()],
])('%s', (_name, make) => {
  let lists: WatchlistPort;
  beforeEach(() => {
    lists = make();
  });

  it('creates lists in order, with their symbols in order and without duplicates', () => {
    const main = lists.create('Main', ['ACME', 'GLOBX', 'ACME']);
    lists.create('Crypto', ['ZORK-USD']);
    expect(names(lists)).toEqual(['Main', 'Crypto']);
    expect(symbolsOf(lists, main.id)).toEqual(['ACME', 'GLOBX']);
  });

  it('refuses a name taken, an empty one and one over 40 characters, changing nothing', () => {
    lists.create('Main');
    expect(errorCode(() => lists.create('Main'))).toBe('watchlist-exists');
    expect(errorCode(() => lists.create('   '))).toBe('watchlist-name');
    expect(errorCode(() => lists.create('x'.repeat(41)))).toBe('watchlist-name');
    expect(names(lists)).toEqual(['Main']);
  });

  it('renames, but not onto another list’s name', () => {
    const a = lists.create('A');
    lists.create('B');
    lists.rename(a.id, '  Tech  ');
    expect(names(lists)).toEqual(['Tech', 'B']);
    expect(errorCode(() => lists.rename(a.id, 'B'))).toBe('watchlist-exists');
    lists.rename(a.id, 'Tech'); // its own name again is fine
    expect(errorCode(() => lists.rename(999, 'X'))).toBe('watchlist-missing');
  });

  it('adds, removes and reorders symbols', () => {
    const { id } = lists.create('Main', ['A', 'B', 'C']);
    lists.addSymbol(id, 'D');
    lists.addSymbol(id, 'A');
    expect(symbolsOf(lists, id)).toEqual(['A', 'B', 'C', 'D']);
    lists.moveSymbol(id, 'D', 0);
    expect(symbolsOf(lists, id)).toEqual(['D', 'A', 'B', 'C']);
    lists.moveSymbol(id, 'A', 99);
    expect(symbolsOf(lists, id)).toEqual(['D', 'B', 'C', 'A']);
    lists.removeSymbol(id, 'B');
    expect(symbolsOf(lists, id)).toEqual(['D', 'C', 'A']);
    lists.addSymbol(id, 'B');
    expect(symbolsOf(lists, id)).toEqual(['D', 'C', 'A', 'B']);
    expect(errorCode(() => lists.addSymbol(999, 'X'))).toBe('watchlist-missing');
  });

  it('reorders lists', () => {
    lists.create('A');
    lists.create('B');
    const c = lists.create('C');
    lists.move(c.id, 0);
    expect(names(lists)).toEqual(['C', 'A', 'B']);
    lists.move(c.id, 1);
    expect(names(lists)).toEqual(['A', 'C', 'B']);
    expect(errorCode(() => lists.move(999, 0))).toBe('watchlist-missing');
  });
});

describe('WatchlistRepository persistence', () => {
  it('keeps lists, order and symbols across reopening the file', () => {
    const a = store.watchlists.create('A', ['X', 'Y']);
    const b = store.watchlists.create('B', ['Z']);
    store.watchlists.move(b.id, 0);
    store.watchlists.moveSymbol(a.id, 'Y', 0);
    store.close();
    store = openStore(home.path('stockato.db'));
    expect(store.watchlists.list()).toEqual([
      { id: b.id, name: 'B', symbols: ['Z'] },
      { id: a.id, name: 'A', symbols: ['Y', 'X'] },
    ]);
  });

  it('removing a list removes its symbols', () => {
    const a = store.watchlists.create('A', ['X']);
    store.watchlists.remove(a.id);
    expect(store.watchlists.list()).toEqual([]);
    expect(store.db.prepare('SELECT COUNT(*) FROM watchlist_symbols').pluck().get()).toBe(0);
  });
});

describe('moveItem', () => {
  it.each([
    [['a', 'b', 'c'], 0, 2, ['b', 'c', 'a']],
    [['a', 'b', 'c'], 2, -5, ['c', 'a', 'b']],
    [['a', 'b', 'c'], 5, 0, ['a', 'b', 'c']],
  ])('%j from %i to %i', (items, from, to, expected) => {
    expect(moveItem(items, from, to)).toEqual(expected);
  });
});
