import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndicator } from '../../../src/engine/indicators/index.js';
import type { Bar } from '../../../src/engine/bar.js';
import { barArbitrary } from './bars.js';
import { expectNear as near, numbers, referenceEma } from './reference.js';

// No TA-Lib column exists for DEMA, TEMA and MOM, so they are checked against a plain re-statement
// of TA-Lib's definitions: EMA seeded with the SMA of its first `period` inputs, output aligned to the bar.

const close = (bars: readonly Bar[]): number[] => numbers(bars, 'close');

describe('EMA family and momentum against their TA-Lib definitions', () => {
  it.each([2, 3, 5])('dema:%i = 2*EMA - EMA(EMA), warm-up 2*(period-1)', (period) => {
    fc.assert(
      fc.property(fc.array(barArbitrary, { maxLength: 30 }), (bars) => {
        const e1 = referenceEma(close(bars), period);
        const e2 = referenceEma(e1, period);
        const expected = e2.map((value, i) => (value === null ? null : 2 * (e1[i] as number) - value));
        near(computeIndicator({ name: 'dema', params: { period } }, bars), expected);
        if (bars.length > 2 * (period - 1)) expect(expected[2 * (period - 1)]).not.toBeNull();
      }),
      { numRuns: 30 },
    );
  });

  it.each([2, 3, 4])('tema:%i = 3*E1 - 3*E2 + E3, warm-up 3*(period-1)', (period) => {
    fc.assert(
      fc.property(fc.array(barArbitrary, { maxLength: 30 }), (bars) => {
        const e1 = referenceEma(close(bars), period);
        const e2 = referenceEma(e1, period);
        const e3 = referenceEma(e2, period);
        const expected = e3.map((value, i) =>
          value === null ? null : 3 * (e1[i] as number) - 3 * (e2[i] as number) + value,
        );
        near(computeIndicator({ name: 'tema', params: { period } }, bars), expected);
      }),
      { numRuns: 30 },
    );
  });

  it.each([1, 3, 10])('mom:%i = close - close[period ago], warm-up period', (period) => {
    fc.assert(
      fc.property(fc.array(barArbitrary, { maxLength: 30 }), (bars) => {
        const closes = close(bars);
        const expected = closes.map((value, i) => (i < period ? null : value - (closes[i - period] as number)));
        near(computeIndicator({ name: 'mom', params: { period } }, bars), expected);
      }),
      { numRuns: 30 },
    );
  });
});
