import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src/engine/bar.js';
import { computeIndicator, createIndicator, parseIndicatorSpec } from '../../../src/engine/indicators/index.js';
import type { IndicatorSpec } from '../../../src/engine/indicators/index.js';
import { barArbitrary } from './bars.js';

// Short periods so that warm-up ends inside the generated runs and the steady state is exercised.
const SPECS = [
  'sma:3',
  'ema:3',
  'wma:3',
  'dema:3',
  'tema:3',
  'rsi:3',
  'macd:2:4:3',
  'bb:4:2',
  'atr:3',
  'natr:3',
  'stoch:3:2:2',
  'adx:3',
  'cci:4',
  'willr:3',
  'mfi:3',
  'roc:3',
  'mom:3',
  'obv',
  'hma:4',
  'dc:3',
  'kc:3:2:1.5',
  'aroon:3',
  'cmf:3',
  'trima:4',
  'trima:5',
  'kama:3:2:6',
  'vwap',
  'stddev:3',
  'linreg:3',
  'stochrsi:3:3:2',
  'trix:2',
  'ppo:2:4:3',
  'ultosc:2:3:4',
  'ad',
  'adosc:2:4',
  'psar:0.02:0.2',
  'psar:0.1:0.3',
  'supertrend:3:2',
  'ichimoku:2:3:5:3',
];

function specOf(text: string): IndicatorSpec {
  const parsed = parseIndicatorSpec(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.spec;
}

/** Each step: the final bar, preceded by provisional versions of it (first one added, the rest replaced). */
const stepsArbitrary = fc.array(
  fc.record({ bar: barArbitrary, provisional: fc.array(barArbitrary, { maxLength: 3 }) }),
  { minLength: 1, maxLength: 40 },
);

describe.each(SPECS)('%s streaming', (text) => {
  const spec = specOf(text);

  it('update bar by bar equals the batch result, with null only during warm-up', () => {
    fc.assert(
      fc.property(fc.array(barArbitrary, { maxLength: 40 }), (bars: Bar[]) => {
        const batch = computeIndicator(spec, bars);
        const stream = createIndicator(spec);
        expect(bars.map((bar) => stream.update(bar))).toEqual(batch);
        expect(batch).toHaveLength(bars.length);
        const firstValue = batch.findIndex((value) => value !== null);
        if (firstValue >= 0) expect(batch.slice(firstValue).every((value) => value !== null)).toBe(true);
        const numbers = batch.flatMap((value) =>
          value === null ? [] : typeof value === 'number' ? [value] : Object.values(value),
        );
        expect(numbers.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('replace revises the open bar: provisional bars leave no trace', () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const stream = createIndicator(spec);
        const seen = steps.map(({ bar, provisional }) => {
          const [first, ...rest] = provisional;
          if (first === undefined) return stream.update(bar);
          stream.update(first);
          for (const revision of rest) stream.replace(revision);
          return stream.replace(bar);
        });
        expect(seen).toEqual(
          computeIndicator(
            spec,
            steps.map(({ bar }) => bar),
          ),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('replace before any bar acts as update', () => {
    fc.assert(
      fc.property(fc.array(barArbitrary, { minLength: 1, maxLength: 20 }), (bars: Bar[]) => {
        const stream = createIndicator(spec);
        const seen = bars.map((bar, index) => (index === 0 ? stream.replace(bar) : stream.update(bar)));
        expect(seen).toEqual(computeIndicator(spec, bars));
      }),
      { numRuns: 20 },
    );
  });
});
