import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src/engine/bar.js';
import { barArbitrary, barOf } from './bars.js';
import { expectNear, numbers, run, windowAt } from './reference.js';

/** Bars from [high, low] pairs (open = close = the midpoint), for SAR. */
const fromRanges = (ranges: ReadonlyArray<readonly [number, number]>): Bar[] =>
  ranges.map(([high, low], i) => barOf(i, (high + low) / 2, high, low, (high + low) / 2, 100));

describe('psar (TA-Lib SAR), hand-computed', () => {
  it('starts long when the second bar has no lower low, and reverses when a low touches the stop', () => {
    const bars = fromRanges([
      [10, 9],
      [11, 9.5], // long: stop 9 (first low), extreme 11
      [12, 10.5], // stop 9 + 0.02 * (11 - 9) = 9.04; new extreme 12, factor 0.04
      [12.5, 11], // stop 9.04 + 0.04 * (12 - 9.04) = 9.1584; extreme 12.5, factor 0.06
      [11, 9], // low 9 <= 9.358896: short at the extreme 12.5
      [10, 8.5], // stop max(12.5 + 0.02 * (9 - 12.5), 12.5, 11) = 12.5; extreme 8.5, factor 0.04
      [9.5, 8], // stop 12.5 + 0.04 * (8.5 - 12.5) = 12.34
    ]);
    expectNear(run('psar:0.02:0.2', bars), [null, 9, 9.04, 9.1584, 12.5, 12.5, 12.34]);
  });

  it('starts short when the second bar has a lower low that outweighs its higher high', () => {
    const bars = fromRanges([
      [10, 9],
      [9.8, 8.5], // short: stop 10 (first high), extreme 8.5
      [9.9, 8], // stop max(10 + 0.02 * (8.5 - 10), 9.8, 9.8) = 9.97
    ]);
    expectNear(run('psar', bars), [null, 10, 9.97]);
  });

  it('the factor stops at the maximum', () => {
    // A steady rise: a new extreme every bar; with 0.1 steps and a 0.2 cap the factor is 0.1, 0.2, 0.2...
    const bars = fromRanges([
      [10, 9],
      [11, 10],
      [12, 11],
      [13, 12],
      [14, 13],
    ]);
    const s1 = 9; // first low
    const s2 = s1 + 0.1 * (11 - s1); // extreme 11, factor 0.1 -> 9.2
    const s3 = s2 + 0.2 * (12 - s2); // new extreme 12, factor 0.2 -> 9.76
    const s4 = s3 + 0.2 * (13 - s3); // new extreme 13, capped at 0.2 -> 10.408
    expectNear(run('psar:0.1:0.2', bars), [null, s1, s2, s3, s4]);
  });

  it("the stop never enters the previous bar's range either", () => {
    const bars = fromRanges([
      [10, 9],
      [11, 10.8], // long: stop 9; next 9 + 0.5 * (11 - 9) = 10
      [12, 11.5], // new extreme 12, factor 0.9: 10 + 0.9 * 2 = 11.8, held at the previous low 10.8
      [12.5, 11.9],
    ]);
    expectNear(run('psar:0.5:0.9', bars), [null, 9, 10, 10.8]);
  });

  it('the value is never inside its bar: a stop below the low (long) or above the high (short)', () => {
    fc.assert(
      fc.property(fc.array(barArbitrary, { maxLength: 40 }), (bars) => {
        const values = run('psar', bars) as Array<number | null>;
        const [high, low] = [numbers(bars, 'high'), numbers(bars, 'low')];
        values.forEach((value, i) => {
          if (i === 0) return expect(value).toBeNull();
          const inside = (value as number) > (low[i] as number) && (value as number) < (high[i] as number);
          expect({ i, inside }).toEqual({ i, inside: false });
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('supertrend, hand-computed (TradingView convention)', () => {
  it('bands ratchet, the trend flips on a close through the band', () => {
    const bars = [
      barOf(0, 9, 10, 8, 9, 1),
      barOf(1, 10, 11, 9, 10, 1), // TR 2, hl2 10: bands 12 / 8, trend starts down: 12
      barOf(2, 11, 12, 10, 11.5, 1), // TR 2, basic 13 / 9: upper stays 12, lower rises to 9; 11.5 < 12: down
      barOf(3, 13, 14, 12, 13.5, 1), // TR 2.5, basic 15.5 / 10.5: upper 12, lower 10.5; 13.5 > 12: up -> 10.5
      barOf(4, 12, 14, 11, 11, 1), // TR 3, basic 15.5 / 9.5: upper resets (13.5 > 12) to 15.5, lower 10.5; up
      barOf(5, 10, 11, 9, 9.5, 1), // TR 2, basic 12 / 8: upper 12, lower 10.5; 9.5 < 10.5: down -> 12
    ];
    expectNear(run('supertrend:1:1', bars), [
      null,
      { supertrend: 12, direction: -1 },
      { supertrend: 12, direction: -1 },
      { supertrend: 10.5, direction: 1 },
      { supertrend: 10.5, direction: 1 },
      { supertrend: 12, direction: -1 },
    ]);
  });

  it('an uptrend line is at or below the close; a continuing downtrend line at or above it', () => {
    fc.assert(
      fc.property(fc.array(barArbitrary, { maxLength: 40 }), (bars) => {
        const values = run('supertrend:3:2', bars) as Array<{ supertrend: number; direction: number } | null>;
        const close = numbers(bars, 'close');
        values.forEach((value, i) => {
          if (value === null) return;
          if (value.direction === 1) expect(value.supertrend).toBeLessThanOrEqual(close[i] as number);
          else if (values[i - 1]?.direction === -1) expect(value.supertrend).toBeGreaterThanOrEqual(close[i] as number);
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('ichimoku against its definition', () => {
  it.each([
    [9, 26, 52, 26],
    [2, 3, 5, 3],
    [3, 2, 4, 1],
  ])('ichimoku:%i:%i:%i:%i', (conversion, base, spanB, displacement) => {
    fc.assert(
      fc.property(fc.array(barArbitrary, { maxLength: 90 }), (bars) => {
        const [high, low] = [numbers(bars, 'high'), numbers(bars, 'low')];
        const mid = (i: number, n: number): number =>
          (Math.max(...windowAt(high, i, n)) + Math.min(...windowAt(low, i, n))) / 2;
        const warmUp = Math.max(conversion, base, spanB) - 1 + displacement;
        const expected = bars.map((_, i) => {
          if (i < warmUp) return null;
          const j = i - displacement;
          return {
            conversion: mid(i, conversion),
            base: mid(i, base),
            span_a: (mid(j, conversion) + mid(j, base)) / 2,
            span_b: mid(j, spanB),
          };
        });
        expectNear(run(`ichimoku:${conversion}:${base}:${spanB}:${displacement}`, bars), expected);
      }),
      { numRuns: 25 },
    );
  });
});
