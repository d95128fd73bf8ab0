import { describe, expect, it } from 'vitest';
import { evaluateRule, parseRule, type MarketData, type Rule } from '../../../src/engine/alerts/index.js';
import { barOf } from '../indicators/bars.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5);

const rule = (text: string): Rule => {
  const result = parseRule(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.rule;
};

/** Daily bars with these closes (volume 100 unless given). */
const daily = (closes: readonly number[], volumes: readonly number[] = []) =>
  closes.map((close, i) => barOf(T0 + i * DAY, close, close, close, close, volumes[i] ?? 100));

const data = (closes: readonly number[], extra: Partial<MarketData> = {}): MarketData => ({
  bars: daily(closes),
  ...extra,
});

describe('evaluateRule', () => {
  it.each([
    ['price > 200', data([190, 201]), true],
    ['price > 200', data([190, 199]), false],
    ['price > 200', data([190, 199], { quote: { price: 205, tsMs: T0 + DAY + 1 } }), true],
    ['price crosses above 200', data([199, 201]), true],
    ['price crosses above 200', data([201, 202]), false],
    ['price crosses above 200', data([200, 201]), true],
    ['price crosses below 200', data([201, 199]), true],
    ['close crosses above 200', data([199]), null],
    ['change(1d) <= -5%', data([100, 95]), true],
    ['change(1d) <= -5%', data([100, 96]), false],
    ['change(2d) > 10%', data([100, 50, 111]), true],
    ['change(5d) > 10%', data([100, 50, 111]), null],
    ['volume > 2 * avg_volume(3)', { bars: daily([1, 1, 1], [100, 100, 500]) }, true],
    ['volume > 2 * avg_volume(3)', { bars: daily([1, 1, 1], [100, 100, 300]) }, false],
    ['sma(2) crosses above sma(3)', data([10, 10, 10, 13]), true],
    ['sma(2) crosses above sma(3)', data([10, 10, 13, 14]), false],
    ['close > sma(3) * 110%', data([10, 10, 13]), true],
    ['close > sma(3) * 120%', data([10, 10, 13]), false],
    ['rsi(14) < 30', data([10, 11, 12]), null],
    ['rsi(14) < 30 or close > 5', data([10, 11, 12]), true],
    ['rsi(14) < 30 and close > 50', data([10, 11, 12]), false],
    ['not close > 5', data([10, 11]), false],
    ['-close < -5', data([10, 11]), true],
    ['close / 0 > 1', data([10, 11]), null],
    [
      'news contains "earnings"',
      data([1, 2], { news: [{ title: 'ACME Earnings beat', publishedMs: T0 + DAY + 5 }] }),
      true,
    ],
    ['news contains "earnings"', data([1, 2], { news: [{ title: 'ACME Earnings beat', publishedMs: T0 + 5 }] }), false],
    ['news contains "earnings"', data([1, 2]), null],
  ])('%s on %j is %s', (text, market, expected) => {
    expect(evaluateRule(rule(text), market).condition).toBe(expected);
  });

  it('reports every operand now and one bar earlier', () => {
    const evaluation = evaluateRule(rule('sma(2) crosses above close'), data([10, 12, 11]));
    expect(evaluation.values).toEqual([
      { label: 'sma(2)', value: 11.5, previous: 11 },
      { label: 'close', value: 11, previous: 12 },
    ]);
    expect(evaluation.barMs).toBe(T0 + 2 * DAY);
  });

  it('reads a multi-output indicator by its suffix', () => {
    const closes = Array.from({ length: 30 }, (_, i) => 100 + (i % 3));
    const evaluation = evaluateRule(rule('close < bb_upper(20, 2) and close > bb_lower(20, 2)'), data(closes));
    expect(evaluation.condition).toBe(true);
    const [, upper, lower] = evaluation.values;
    expect((upper?.value as number) > (lower?.value as number)).toBe(true);
  });

  it('observes the quote time when it is newer than the last bar', () => {
    const quote = { price: 1, tsMs: T0 + DAY + 60_000 };
    expect(evaluateRule(rule('price > 0'), data([1, 2], { quote })).observedMs).toBe(quote.tsMs);
    expect(evaluateRule(rule('price > 0'), data([1, 2])).observedMs).toBe(T0 + DAY);
  });
});
