import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Instrument } from '../../src/engine/instrument.js';
import { StoreError } from '../../src/errors.js';
import { openStore, type Store } from '../../src/store/store.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { bar, minuteBars } from './make-bars.js';

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

const apple: Instrument = {
  symbol: 'AAPL',
  name: 'Apple Inc.',
  assetClass: 'equity',
  currency: 'USD',
  exchange: 'NASDAQ',
};

describe('Store.transaction', () => {
  it('commits bars and coverage of one fetch together', () => {
    const result = store.transaction(() => {
      const written = store.bars.upsertBars('AAPL', '1m', minuteBars(100));
      store.coverage.record('AAPL', '1m', 'demo', 0, 10, 1);
      return written;
    });
    expect(result).toBe(100);
    expect(store.bars.countBars('AAPL', '1m')).toBe(100);
    expect(store.coverage.isCovered('AAPL', '1m', 0, 10, 0)).toBe(true);
  });

  it('leaves nothing written when the function throws half-way', () => {
    store.bars.upsertBars('MSFT', '1d', [bar(0, '1')]);
    expect(() =>
      store.transaction(() => {
        store.bars.upsertBars('AAPL', '1m', minuteBars(100));
        store.coverage.record('AAPL', '1m', 'demo', 0, 10, 1);
        store.instruments.upsert(apple, 'demo', 1);
        store.bars.upsertBars('MSFT', '1d', [bar(0, '2')]);
        throw new Error('network dropped');
      }),
    ).toThrow('network dropped');
    expect(store.bars.countBars('AAPL', '1m')).toBe(0);
    expect(store.coverage.pieces('AAPL', '1m')).toEqual([]);
    expect(store.instruments.get('AAPL')).toBeUndefined();
    expect(store.bars.getBars('MSFT', '1d', 0, 1)[0]?.close.toString()).toBe('1');
  });

  it('rolls back everything when a repository call fails inside', () => {
    const bad = [...minuteBars(10), { ...bar(0, '1'), tsMs: 0.5 }];
    expect(() =>
      store.transaction(() => {
        store.bars.upsertBars('AAPL', '1d', minuteBars(10));
        store.bars.upsertBars('AAPL', '1m', bad);
      }),
    ).toThrow(RangeError);
    expect(store.bars.countBars('AAPL', '1d')).toBe(0);
  });

  it('refuses an async function and rolls back what it wrote before returning', async () => {
    expect(() =>
      store.transaction(async () => {
        store.bars.upsertBars('AAPL', '1d', [bar(0, '1')]);
      }),
    ).toThrow(TypeError);
    expect(store.bars.countBars('AAPL', '1d')).toBe(0);
  });

  it('nests: an inner failure caught by the outer function undoes only the inner part', () => {
    store.transaction(() => {
      store.bars.upsertBars('AAPL', '1d', [bar(0, '1')]);
      try {
        store.transaction(() => {
          store.bars.upsertBars('AAPL', '1d', [bar(1, '2')]);
          throw new Error('inner');
        });
      } catch {
        // the outer transaction goes on
      }
    });
    expect(store.bars.getBars('AAPL', '1d', 0, 10).map((b) => b.tsMs)).toEqual([0]);
  });

  it('close is safe to call twice', () => {
    store.close();
    expect(() => store.close()).not.toThrow();
  });
});

describe('InstrumentRepository', () => {
  it('round-trips an instrument and replaces it on upsert', () => {
    store.instruments.upsert(apple, 'yahoo', 1_000);
    expect(store.instruments.get('AAPL')).toEqual(apple);
    store.instruments.upsert({ ...apple, name: 'Apple' }, 'polygon', 2_000);
    expect(store.instruments.getEntry('AAPL')).toEqual({
      instrument: { ...apple, name: 'Apple' },
      source: 'polygon',
      updatedAtMs: 2_000,
    });
  });

  it('returns undefined for an unknown symbol', () => {
    expect(store.instruments.get('NOPE')).toBeUndefined();
  });

  it('reports a row with an unknown asset class as a StoreError naming the file', () => {
    store.instruments.upsert(apple, 'yahoo', 1);
    store.db.exec("UPDATE instruments SET asset_class = 'tulip'");
    expect(() => store.instruments.get('AAPL')).toThrow(StoreError);
    expect(() => store.instruments.get('AAPL')).toThrow(store.path);
  });
});
