import { describe, expect, it } from 'vitest';
import { lastTwoOutputs } from '../../../src/engine/alerts/evaluate.js';
import { indicatorLookback } from '../../../src/engine/alerts/names.js';
import { computeIndicator, type IndicatorSpec } from '../../../src/engine/indicators/index.js';
import { INDICATORS } from '../../../src/engine/indicators/registry.js';
import type { IndicatorName } from '../../../src/engine/indicators/types.js';
import { barOf } from '../indicators/bars.js';

const DAY = 86_400_000;

/** A seeded walk of daily bars with distinct high, low and volume. */
function walk(count: number): ReturnType<typeof barOf>[] {
  let state = 7;
  const next = () => (state = (state * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
  let close = 100;
  return Array.from({ length: count }, (_, i) => {
    const open = close;
    close = Math.max(1, open * (1 + (next() - 0.5) * 0.06));
    const high = Math.max(open, close) + next();
    const low = Math.min(open, close) - next();
    return barOf(i * DAY, open, high, low, close, Math.round(1e5 + next() * 1e6));
  });
}

const specs = [
  { name: 'sma', params: { period: 10 } },
  { name: 'ema', params: { period: 12 } },
  { name: 'rsi', params: { period: 14 } },
  { name: 'bb', params: { period: 20, multiplier: 2 } },
  { name: 'macd', params: { fast: 12, slow: 26, signal: 9 } },
  { name: 'atr', params: { period: 14 } },
] as unknown as IndicatorSpec[];

describe('lastTwoOutputs', () => {
  it.each(specs)('equals the batch form at the last two bars of the same slice ($name)', (spec) => {
    const bars = walk(300);
    for (const start of [0, 50, 200, 270, 298]) {
      const batch = computeIndicator(spec, bars.slice(start));
      const expected = [batch.length >= 2 ? batch[batch.length - 2] : null, batch[batch.length - 1] ?? null];
      expect(lastTwoOutputs(spec, bars, start)).toEqual(expected);
    }
  });

  it('is null before the slice and in warm-up', () => {
    const bars = walk(5);
    const sma = { name: 'sma', params: { period: 10 } } as unknown as IndicatorSpec;
    expect(lastTwoOutputs(sma, bars, 0)).toEqual([null, null]);
    expect(lastTwoOutputs(sma, bars, 4)).toEqual([null, null]);
    expect(lastTwoOutputs(sma, [], 0)).toEqual([null, null]);
    const one = { name: 'sma', params: { period: 1 } } as unknown as IndicatorSpec;
    expect(lastTwoOutputs(one, bars, 4)).toEqual([null, bars[4]?.close.toNumber()]);
  });
});

/** Each output number of an indicator, by field (one field, '', for single-number outputs). */
function numbers(output: unknown): Record<string, number | null> {
  if (output === null || typeof output === 'number') return { '': output };
  return Object.fromEntries(Object.entries(output as Record<string, number>).map(([k, v]) => [k, v]));
}

describe('window indicators', () => {
  const windowed = (Object.keys(INDICATORS) as IndicatorName[]).filter((name) => INDICATORS[name].window);
  const defaults = (name: IndicatorName) =>
    Object.fromEntries(INDICATORS[name].params.map((p) => [p.key, p.default])) as Record<string, number>;

  it('are the moving-window ones', () => {
    expect(windowed).toEqual(expect.arrayContaining(['sma', 'bb', 'stoch', 'cci', 'mfi', 'ultosc']));
    expect(windowed).not.toContain('ema');
  });

  it.each(windowed)('%s gives over its short lookback the values of the whole history', (name) => {
    const params = defaults(name);
    const periods = INDICATORS[name].params
      .filter((p) => p.kind === 'period')
      .reduce((sum, p) => sum + (params[p.key] ?? 0), 0);
    const lookback = indicatorLookback(periods, true);
    expect(lookback).toBeLessThan(indicatorLookback(periods, false));
    const spec = { name, params } as unknown as IndicatorSpec;
    const bars = walk(300);
    const whole = lastTwoOutputs(spec, bars, 0).map(numbers);
    const short = lastTwoOutputs(spec, bars, bars.length - lookback).map(numbers);
    expect(whole[0]?.[Object.keys(whole[0])[0] as string]).not.toBeNull();
    whole.forEach((fields, i) => {
      for (const [field, value] of Object.entries(fields)) {
        const other = short[i]?.[field];
        expect(other, `${name}.${field} at ${i}`).not.toBeNull();
        expect(Math.abs((other as number) - (value as number))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(value as number)),
        );
      }
    });
  });
});
