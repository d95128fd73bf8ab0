import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/providers/demo/random.js';
import { reflectInto, splitBar, subBar, type BarUnits, type SubBars } from '../../../src/providers/demo/split-bar.js';

/** The sub-bars folded back into one bar, by the rule of aggregateBars. */
function fold(bars: SubBars): BarUnits {
  const all = Array.from({ length: bars.count }, (_, i) => subBar(bars, i));
  return {
    open: all[0]?.open ?? Number.NaN,
    high: Math.max(...all.map((b) => b.high)),
    low: Math.min(...all.map((b) => b.low)),
    close: all.at(-1)?.close ?? Number.NaN,
    volume: all.reduce((sum, b) => sum + b.volume, 0),
  };
}

const anyBar = fc
  .record({
    low: fc.integer({ min: 1, max: 1_000_000 }),
    range: fc.integer({ min: 0, max: 50_000 }),
    openAt: fc.double({ min: 0, max: 1, noNaN: true }),
    closeAt: fc.double({ min: 0, max: 1, noNaN: true }),
    volume: fc.integer({ min: 0, max: 1e12 }),
  })
  .map(({ low, range, openAt, closeAt, volume }) => ({
    low,
    high: low + range,
    open: low + Math.round(range * openAt),
    close: low + Math.round(range * closeAt),
    volume,
  }));

describe('splitBar', () => {
  it('makes sub-bars that fold back into the bar exactly, each ordered and inside its range', () => {
    fc.assert(
      fc.property(anyBar, fc.integer({ min: 3, max: 90 }), fc.integer(), (bar, count, key) => {
        const bars = splitBar(bar, new Float64Array(count).fill(1), new Random(key));
        expect(fold(bars)).toEqual(bar);
        const sane = (i: number) => {
          const { open, high, low, close, volume } = subBar(bars, i);
          const ordered = low <= Math.min(open, close) && high >= Math.max(open, close);
          const inside = low >= bar.low && high <= bar.high && volume >= 0;
          const chained = i === 0 || open === bars.close[i - 1];
          return ordered && inside && chained && [open, high, low, close, volume].every(Number.isInteger);
        };
        expect(Array.from({ length: count }, (_, i) => i).filter((i) => !sane(i))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    [5, 5],
    [12, 8],
    [-3, 3],
    [25, 0],
    [-40, 10],
  ])('reflects %d into [0, 10] as %d', (value, reflected) => {
    expect(reflectInto(value, 0, 10)).toBe(reflected);
  });

  it('refuses fewer than three sub-bars', () => {
    const bar = { open: 10, high: 12, low: 9, close: 11, volume: 5 };
    expect(() => splitBar(bar, new Float64Array(2).fill(1), new Random(1))).toThrow(RangeError);
  });
});
