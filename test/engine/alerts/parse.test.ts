import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRuleError, parseRule, type RuleResult } from '../../../src/engine/alerts/index.js';
import { INDICATORS, INDICATOR_NAMES } from '../../../src/engine/indicators/index.js';

const error = (result: RuleResult) => {
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('parseRule: accepted rules', () => {
  it.each([
    ['price > 200', { quote: true, news: false }],
    ['price crosses above 200', { quote: true, news: false }],
    ['change(1d) <= -5%', { quote: true, news: false }],
    ['rsi(14) < 30', { quote: false, news: false }],
    ['sma(50) crosses above sma(200)', { quote: false, news: false }],
    ['close > bb_upper(20,2)', { quote: false, news: false }],
    ['volume > 2 * avg_volume(20)', { quote: false, news: false }],
    ['news contains "earnings"', { quote: false, news: true }],
    ['(rsi(14) < 30 or rsi(14) > 70) and not price < 5', { quote: true, news: false }],
    ['macd crosses above macd_signal', { quote: false, news: false }],
    ['macd_histogram(12, 26, 9) > 0', { quote: false, news: false }],
    ['close > sma(50) * 105%', { quote: false, news: false }],
    ['change(4h) / 2 > 1.5%', { quote: true, news: false }],
    ['PRICE >= 1e', undefined],
  ])('%s', (text, needs) => {
    const result = parseRule(text);
    if (needs === undefined) {
      expect(result.ok).toBe(false);
      return;
    }
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    if (result.ok) expect(result.rule.needs).toMatchObject(needs);
  });

  it('sizes the lookback by the longest indicator', () => {
    const result = parseRule('sma(50) crosses above sma(200)');
    expect(result.ok && result.rule.needs.lookbackBars).toBe(402);
    const rsi = parseRule('rsi(14) < 30');
    expect(rsi.ok && rsi.rule.needs.lookbackBars).toBe(140); // 10 x 14 bars: Wilder's seed forgotten
  });

  it('accepts every indicator of the registry, multi-output ones by suffix', () => {
    for (const name of INDICATOR_NAMES) {
      const { fields } = INDICATORS[name];
      const names = fields.length === 0 ? [name] : fields.map((f) => `${name}_${f}`);
      for (const written of names) {
        const result = parseRule(`${written}() > 1`);
        expect(result.ok, `${written}: ${result.ok ? '' : result.error.message}`).toBe(true);
      }
    }
  });
});

describe('parseRule: refused rules name the column', () => {
  it.each([
    ['rsi(14 < 30', 'syntax', 8, /expected "," or "\)"/],
    ['foo(3) > 1', 'unknown-name', 1, /unknown name "foo"/],
    ['rsx(14) > 1', 'unknown-name', 1, /did you mean rsi/],
    ['bb_upper(20) > close', 'parameter-count', 1, /bb_upper takes 2 parameters \(period, multiplier\), got 1/],
    ['rsi(14, 3) > 1', 'parameter-count', 1, /rsi takes 1 parameter \(period\), got 2/],
    ['rsi(0) > 1', 'invalid-parameter', 1, /positive whole number/],
    ['bb(20,2) > close', 'unknown-name', 1, /bb has several outputs: name one of bb_upper/],
    ['change(1d) < -5', 'type', 1, /cannot compare a percent with a number/],
    ['price > 200 and 3', 'type', 17, /expected a condition on the right of "and"/],
    ['price', 'type', 1, /not a condition/],
    ['price > ', 'syntax', 9, /expected a value/],
    ['price > 200)', 'syntax', 12, /expected "and", "or" or the end/],
    ['news contains earnings', 'syntax', 15, /expected a quoted text/],
    ['price > 5x', 'syntax', 9, /"5x" is not a number or a duration/],
    ['price @ 3', 'syntax', 7, /unexpected character "@"/],
    ['change(5) > 1%', 'parameter-count', 1, /change takes one duration/],
    ['"abc" > 1', 'type', 1, /quoted text can only follow "contains"/],
    ['', 'syntax', 1, /empty/],
  ])('%s', (text, code, column, message) => {
    const found = error(parseRule(text));
    expect(found).toMatchObject({ code, column });
    expect(found.message).toMatch(message);
  });

  it('prints the rule with a caret under the column', () => {
    const text = 'rsi(14 < 30';
    expect(formatRuleError(text, error(parseRule(text)))).toBe(
      [
        'expected "," or ")" in the arguments of rsi( at column 4, found "<" (column 8)',
        '  rsi(14 < 30',
        '         ^',
      ].join('\n'),
    );
  });
});

describe('parseRule: fuzzed', () => {
  const pieces = fc.constantFrom(
    'price',
    'close',
    'rsi',
    'sma',
    'bb_upper',
    'macd_signal',
    'news',
    'change',
    'avg_volume',
    '(',
    ')',
    ',',
    '14',
    '2.5',
    '1d',
    '5%',
    '-',
    '+',
    '*',
    '/',
    '>',
    '<=',
    '==',
    'and',
    'or',
    'not',
    'crosses',
    'above',
    'below',
    'contains',
    '"earnings"',
    '"',
    ' ',
    '\t',
    '%',
    '@',
  );

  it('never throws on arbitrary text, and every error points inside the rule', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.array(pieces, { maxLength: 30 }).map((p) => p.join(' ')),
        ),
        (text) => {
          const result = parseRule(text);
          if (!result.ok) {
            expect(result.error.column).toBeGreaterThanOrEqual(1);
            expect(result.error.column).toBeLessThanOrEqual(text.length + 1);
            expect(typeof formatRuleError(text, result.error)).toBe('string');
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses deep nesting with an error instead of overflowing the stack', () => {
    expect(error(parseRule(`${'('.repeat(5000)}price > 1${')'.repeat(5000)}`)).code).toBe('syntax');
    expect(error(parseRule(`${'not '.repeat(400)}price > 1`)).code).toBe('syntax');
    expect(error(parseRule(`${'-'.repeat(400)}price > 1`)).code).toBe('syntax');
  });
});
