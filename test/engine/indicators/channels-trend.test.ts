import fc from 'fast-check';
import { describe, it } from 'vitest';
import { computeIndicator } from '../../../src/engine/indicators/index.js';
import { barArbitrary } from './bars.js';
import { expectNear as near, numbers, windowAt } from './reference.js';

// No TA-Lib column exists for these; each is checked against a plain re-statement of its definition.

const num = numbers;

function referenceWma(values: ReadonlyArray<number | null>, period: number): Array<number | null> {
  return values.map((_, i) => {
    const window = windowAt(values, i, period);
    if (i < period - 1 || window.some((value) => value === null)) return null;
    const weighted = (window as number[]).reduce((sum, value, k) => sum + value * (k + 1), 0);
    return weighted / ((period * (period + 1)) / 2);
  });
}

const barsArbitrary = fc.array(barArbitrary, { maxLength: 30 });

describe('indicators outside TA-Lib, against their definitions', () => {
  it.each([2, 4, 9])('hma:%i = WMA(sqrt n) of 2*WMA(n/2) - WMA(n)', (period) => {
    fc.assert(
      fc.property(barsArbitrary, (bars) => {
        const close = num(bars, 'close');
        const half = referenceWma(close, Math.floor(period / 2));
        const full = referenceWma(close, period);
        const raw = full.map((value, i) => (value === null ? null : 2 * (half[i] as number) - value));
        near(
          computeIndicator({ name: 'hma', params: { period } }, bars),
          referenceWma(raw, Math.floor(Math.sqrt(period))),
        );
      }),
      { numRuns: 30 },
    );
  });

  it.each([1, 3, 7])('dc:%i = highest high / lowest low of the window', (period) => {
    fc.assert(
      fc.property(barsArbitrary, (bars) => {
        const high = num(bars, 'high');
        const low = num(bars, 'low');
        const expected = bars.map((_, i) => {
          if (i < period - 1) return null;
          const upper = Math.max(...windowAt(high, i, period));
          const lower = Math.min(...windowAt(low, i, period));
          return { upper, middle: (upper + lower) / 2, lower };
        });
        near(computeIndicator({ name: 'dc', params: { period } }, bars), expected);
      }),
      { numRuns: 30 },
    );
  });

  it.each([1, 3, 7])(
    'aroon:%i = 100 * (period - bars since extreme) over period + 1 bars, latest wins ties',
    (period) => {
      const since = (window: number[], better: (a: number, b: number) => boolean): number => {
        let best = 0;
        window.forEach((value, k) => {
          if (!better(window[best] as number, value)) best = k;
        });
        return window.length - 1 - best;
      };
      fc.assert(
        fc.property(barsArbitrary, (bars) => {
          const high = num(bars, 'high');
          const low = num(bars, 'low');
          const expected = bars.map((_, i) =>
            i < period
              ? null
              : {
                  up: (100 * (period - since(windowAt(high, i, period + 1), (a, b) => a > b))) / period,
                  down: (100 * (period - since(windowAt(low, i, period + 1), (a, b) => a < b))) / period,
                },
          );
          near(computeIndicator({ name: 'aroon', params: { period } }, bars), expected);
        }),
        { numRuns: 30 },
      );
    },
  );

  it.each([1, 3, 7])('cmf:%i = sum of money-flow volume / sum of volume', (period) => {
    fc.assert(
      fc.property(barsArbitrary, (bars) => {
        const flows = bars.map((bar) => {
          const [high, low, close, volume] = [bar.high, bar.low, bar.close, bar.volume].map((d) => d.toNumber()) as [
            number,
            number,
            number,
            number,
          ];
          return { flow: high === low ? 0 : ((close - low - (high - close)) / (high - low)) * volume, volume };
        });
        const expected = bars.map((_, i) => {
          if (i < period - 1) return null;
          const window = windowAt(flows, i, period);
          const volume = window.reduce((sum, f) => sum + f.volume, 0);
          return volume === 0 ? 0 : window.reduce((sum, f) => sum + f.flow, 0) / volume;
        });
        near(computeIndicator({ name: 'cmf', params: { period } }, bars), expected);
      }),
      { numRuns: 30 },
    );
  });
});
