import { describe, expect, it } from 'vitest';
import { computeIndicator, parseIndicatorSpec } from '../../../src/engine/indicators/index.js';
import { barOf } from './bars.js';

const run = (text: string, bars: ReturnType<typeof barOf>[]): unknown[] => {
  const parsed = parseIndicatorSpec(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return computeIndicator(parsed.spec, bars);
};
const flat = (count: number, price = 10, volume = 100) =>
  Array.from({ length: count }, (_, i) => barOf(i, price, price, price, price, volume));
const rising = (count: number) =>
  Array.from({ length: count }, (_, i) => barOf(i, 10 + i, 11 + i, 9 + i, 10.5 + i, 100));

describe('edge cases', () => {
  it('adx keeps its last value once the range vanishes (TA-Lib skips an undefined DX)', () => {
    const values = run('adx:2', [...rising(6), ...flat(80, 20)]) as number[];
    const last = values.at(-1) ?? 0;
    expect(last).toBeGreaterThan(50);
    expect(values.at(-2)).toBe(last);
  });

  it('cci is 0 over a flat window (TA-Lib), not NaN', () => {
    expect(run('cci:3', flat(4))).toEqual([null, null, 0, 0]);
  });

  it('roc is 0 against a zero close (TA-Lib), not Infinity', () => {
    expect(run('roc:1', [...flat(1, 0), ...flat(1, 5)])).toEqual([null, 0]);
  });

  // Known differences from TA-Lib, kept from trading-signals and documented in momentum.ts.
  it.each([
    ['rsi:2', 100, 'TA-Lib gives 0 when there are neither gains nor losses'],
    ['willr:2', -100, 'TA-Lib gives 0 over a flat window'],
    ['mfi:2', 50, 'TA-Lib gives 0 when there is no money flow'],
  ])('%s over flat bars is %d (differs: %s)', (text, expected) => {
    expect(run(text, flat(5)).at(-1)).toBe(expected);
  });

  it('stoch fast %K is 0 over a flat window (as TA-Lib)', () => {
    expect(run('stoch:2:1:1', flat(3)).at(-1)).toEqual({ k: 0, d: 0 });
  });

  it('empty input gives empty output', () => {
    expect(run('macd', [])).toEqual([]);
  });
});
