import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bar } from '../../src/engine/bar.js';
import { Decimal } from '../../src/engine/decimal.js';
import { openStore, type Store } from '../../src/store/store.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { bar, barTexts, minuteBars } from './make-bars.js';

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

describe('BarRepository', () => {
  it('round-trips decimals exactly', () => {
    const bars = [
      bar(1_000, '0.00000001', '0', '0.00000001', '0.00000002', '0.000000005'),
      bar(2_000, '123456789.123456789', '98765432109876543210.5', '123456789', '123456789.99', '-0.5'),
      bar(3_000, '190.1', '1e3'),
    ];
    store.bars.upsertBars('BTC-USD', '1m', bars);
    const back = store.bars.getBars('BTC-USD', '1m', 0, 10_000);
    expect(barTexts(back)).toEqual(barTexts(bars));
    expect(back[2]?.volume.toString()).toBe('1000');
    expect(back[0]?.close).toBeInstanceOf(Decimal);
  });

  it('stores prices and volume as TEXT and time as INTEGER, never REAL', () => {
    store.bars.upsertBars('AAPL', '1d', [bar(86_400_000, '190.5', '12.25')]);
    const types = store.db
      .prepare(`SELECT typeof(ts_ms), typeof(open), typeof(high), typeof(low), typeof(close), typeof(volume) FROM bars`)
      .raw()
      .get();
    expect(types).toEqual(['integer', 'text', 'text', 'text', 'text', 'text']);
  });

  it('replaces a bar with the same symbol, interval and time', () => {
    store.bars.upsertBars('AAPL', '1d', [bar(0, '1'), bar(1, '2')]);
    const written = store.bars.upsertBars('AAPL', '1d', [bar(1, '3', '7')]);
    expect(written).toBe(1);
    expect(barTexts(store.bars.getBars('AAPL', '1d', 0, 10))).toEqual([
      ['0', '1', '1', '1', '1', '100'],
      ['1', '3', '3', '3', '3', '7'],
    ]);
  });

  it('counts an identical bar as not written and leaves it as it was', () => {
    store.bars.upsertBars('AAPL', '1d', [bar(0, '1'), bar(1, '2')]);
    expect(store.bars.upsertBars('AAPL', '1d', [bar(0, '1'), bar(1, '2.5')])).toBe(1);
    expect(store.bars.upsertBars('AAPL', '1d', [bar(0, '1.0')])).toBe(0);
    expect(barTexts(store.bars.getBars('AAPL', '1d', 0, 10))).toEqual([
      ['0', '1', '1', '1', '1', '100'],
      ['1', '2.5', '2.5', '2.5', '2.5', '100'],
    ]);
  });

  it('keeps symbols and intervals apart', () => {
    store.bars.upsertBars('AAPL', '1d', [bar(0, '1')]);
    store.bars.upsertBars('AAPL', '1h', [bar(0, '2')]);
    store.bars.upsertBars('MSFT', '1d', [bar(0, '3')]);
    expect(store.bars.getBars('AAPL', '1h', 0, 1)[0]?.close.toString()).toBe('2');
    expect(store.bars.countBars('AAPL', '1d')).toBe(1);
    expect(store.bars.countBars('MSFT', '1h')).toBe(0);
  });

  it.each([
    [0, 5, [0, 1, 2, 3, 4]],
    [1, 3, [1, 2]],
    [3, 3, []],
    [4, 2, []],
    [-10, 1, [0]],
    [4, 100, [4]],
  ])('getBars(%i, %i) is the half-open range [from, to), oldest first', (fromMs, toMs, times) => {
    store.bars.upsertBars(
      'AAPL',
      '1m',
      [4, 2, 0, 3, 1].map((t) => bar(t, String(t + 1))),
    );
    expect(store.bars.getBars('AAPL', '1m', fromMs, toMs).map((b) => b.tsMs)).toEqual(times);
  });

  it.each([
    [0, 100, undefined],
    [0, 100, 0],
    [0, 100, 1],
    [0, 100, 3],
    [0, 100, 50],
    [10, 40, 5],
    [10, 40, 1000],
    [200, 300, 2],
  ])('getRecentBars(%i, %i, limit %s) is the tail of getBars over the same range', (fromMs, toMs, limit) => {
    const bars = [
      bar(1, '0.00000001', '0', '0.00000001', '0.00000002', '0.000000005'),
      bar(2, '123456789.123456789', '98765432109876543210.5', '123456789', '123456789.99', '-0.5'),
      ...Array.from({ length: 60 }, (_, i) =>
        bar(3 + i, `${100 + i}.5`, String(1000 * i), `${99 + i}`, `${102 + i}.25`, `${98 + i}.125`),
      ),
    ];
    store.bars.upsertBars('AAPL', '1m', bars);
    store.bars.upsertBars('MSFT', '1m', [bar(20, '1')]);
    const whole = barTexts(store.bars.getBars('AAPL', '1m', fromMs, toMs));
    const tail = store.bars.getRecentBars('AAPL', '1m', fromMs, toMs, limit);
    expect(barTexts(tail)).toEqual(limit === undefined ? whole : limit === 0 ? [] : whole.slice(-limit));
    // Fields read in any order, and again, give the same decimals.
    for (const b of tail) {
      expect([b.volume, b.close, b.open, b.low, b.high].map(String)).toEqual(
        [b.volume, b.close, b.open, b.low, b.high].map(String),
      );
      expect(b.close).toBe(b.close);
    }
  });

  it.each([0, 1, 63, 64, 65, 129, 1000])('writes all of %i bars (chunked inserts)', (count) => {
    const bars = minuteBars(count);
    expect(store.bars.upsertBars('AAPL', '1m', bars)).toBe(count);
    expect(store.bars.countBars('AAPL', '1m')).toBe(count);
    expect(barTexts(store.bars.getBars('AAPL', '1m', 0, Number.MAX_SAFE_INTEGER))).toEqual(barTexts(bars));
  });

  it('lets the last of two bars with the same time in one call win', () => {
    store.bars.upsertBars('AAPL', '1m', [bar(5, '1'), bar(5, '2')]);
    expect(barTexts(store.bars.getBars('AAPL', '1m', 0, 10))).toEqual([['5', '2', '2', '2', '2', '100']]);
  });

  it('returns the latest bar, or undefined when there is none', () => {
    expect(store.bars.latestBar('AAPL', '1d')).toBeUndefined();
    store.bars.upsertBars('AAPL', '1d', minuteBars(70));
    expect(store.bars.latestBar('AAPL', '1d')?.tsMs).toBe(minuteBars(70)[69]?.tsMs);
  });

  it.each([Number.NaN, 1.5, Number.POSITIVE_INFINITY])(
    'writes nothing of a call when a bar has tsMs %s, wherever it is',
    (badTs) => {
      const bars: Bar[] = minuteBars(100);
      bars[70] = { ...(bars[70] as Bar), tsMs: badTs };
      expect(() => store.bars.upsertBars('AAPL', '1m', bars)).toThrow(RangeError);
      expect(store.bars.countBars('AAPL', '1m')).toBe(0);
    },
  );

  it('changes nothing in a round trip (property)', () => {
    const decimalText = fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 18 }))
      .map(([units, scale]) =>
        Decimal.of(units.toString())
          .div(Decimal.of(10n ** BigInt(scale)))
          .toString(),
      );
    const barArb = fc.record({
      tsMs: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      open: decimalText,
      high: decimalText,
      low: decimalText,
      close: decimalText,
      volume: decimalText,
    });
    fc.assert(
      fc.property(fc.uniqueArray(barArb, { selector: (b) => b.tsMs, maxLength: 150 }), (raw) => {
        const bars = raw.map((b) => bar(b.tsMs, b.close, b.volume, b.open, b.high, b.low));
        store.db.exec('DELETE FROM bars');
        store.bars.upsertBars('P', '1d', bars);
        const sorted = [...bars].sort((a, b) => a.tsMs - b.tsMs);
        expect(barTexts(store.bars.getBars('P', '1d', 0, 4_000_000_000_001))).toEqual(barTexts(sorted));
      }),
      { numRuns: 60 },
    );
  });
});
