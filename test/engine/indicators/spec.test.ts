import { describe, expect, it } from 'vitest';
import {
  INDICATOR_NAMES,
  INDICATORS,
  createIndicator,
  formatIndicatorSpec,
  parseIndicatorSpec,
  validateIndicatorSpec,
} from '../../../src/engine/indicators/index.js';
import type { IndicatorSpec } from '../../../src/engine/indicators/index.js';

describe('parseIndicatorSpec', () => {
  it.each<[string, IndicatorSpec]>([
    ['rsi:14', { name: 'rsi', params: { period: 14 } }],
    ['sma:200', { name: 'sma', params: { period: 200 } }],
    ['macd:12:26:9', { name: 'macd', params: { fast: 12, slow: 26, signal: 9 } }],
    ['bb:20:2', { name: 'bb', params: { period: 20, multiplier: 2 } }],
    ['bb:20:2.5', { name: 'bb', params: { period: 20, multiplier: 2.5 } }],
    ['stoch:14:3:3', { name: 'stoch', params: { kPeriod: 14, kSmoothing: 3, dPeriod: 3 } }],
    ['obv', { name: 'obv', params: {} }],
    [' RSI : 7 ', { name: 'rsi', params: { period: 7 } }],
    ['rsi', { name: 'rsi', params: { period: 14 } }],
    ['macd', { name: 'macd', params: { fast: 12, slow: 26, signal: 9 } }],
  ])('parses %j', (text, spec) => {
    expect(parseIndicatorSpec(text)).toEqual({ ok: true, spec });
  });

  it.each([
    ['', 'empty', 'empty indicator spec'],
    ['  ', 'empty', 'empty indicator spec'],
    [':14', 'empty', 'empty indicator spec'],
    ['foo:14', 'unknown-indicator', 'unknown indicator "foo"; known indicators: sma, ema,'],
    ['rsi:14:2', 'parameter-count', 'rsi takes 1 parameter (rsi:period), got 2'],
    ['macd:12:26', 'parameter-count', 'macd takes 3 parameters (macd:fast:slow:signal), got 2'],
    ['obv:3', 'parameter-count', 'obv takes 0 parameters (obv), got 1'],
    ['rsi:0', 'invalid-parameter', 'rsi period must be a positive whole number of bars, got 0'],
    ['rsi:-5', 'invalid-parameter', 'rsi period must be a positive whole number of bars, got -5'],
    ['sma:2.5', 'invalid-parameter', 'sma period must be a positive whole number of bars, got 2.5'],
    ['rsi:abc', 'invalid-parameter', 'rsi period must be a number, got "abc"'],
    ['rsi:', 'invalid-parameter', 'rsi period must be a number, got ""'],
    ['rsi:1e3', 'invalid-parameter', 'rsi period must be a number, got "1e3"'],
    ['bb:20:0', 'invalid-parameter', 'bb multiplier must be a positive number, got 0'],
    ['macd:26:12:9', 'invalid-parameter', 'macd: fast period 26 must be below slow period 12'],
    ['hma:1', 'invalid-parameter', 'hma: period must be at least 2, got 1'],
    ['kc:20:10', 'parameter-count', 'kc takes 3 parameters (kc:period:atrPeriod:multiplier), got 2'],
    ['macd:12:12:9', 'invalid-parameter', 'macd: fast period 12 must be below slow period 12'],
    ['ppo:26:12:9', 'invalid-parameter', 'ppo: fast period 26 must be below slow period 12'],
    ['kama:10:30:2', 'invalid-parameter', 'kama: fast period 30 must be below slow period 2'],
    ['adosc:10:3', 'invalid-parameter', 'adosc: fast period 10 must be below slow period 3'],
    ['psar:0.3:0.2', 'invalid-parameter', 'psar: acceleration 0.3 must not exceed maximum 0.2'],
    [
      'ichimoku:9:26:52',
      'parameter-count',
      'ichimoku takes 4 parameters (ichimoku:conversion:base:spanB:displacement), got 3',
    ],
  ])('rejects %j with %s', (text, code, message) => {
    const result = parseIndicatorSpec(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(message);
  });

  it('lists every known indicator when the name is unknown', () => {
    const result = parseIndicatorSpec('nope');
    expect(result.ok ? '' : result.error.message).toContain(INDICATOR_NAMES.join(', '));
  });

  it.each(INDICATOR_NAMES)('%s: the default spec formats and parses back unchanged', (name) => {
    const parsed = parseIndicatorSpec(name);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parseIndicatorSpec(formatIndicatorSpec(parsed.spec))).toEqual(parsed);
  });
});

describe('validateIndicatorSpec', () => {
  it.each([
    ['bb', { period: 10 }, true, ''],
    ['bb', { period: 10, width: 2 }, false, 'bb has no parameter "width"; it takes period, multiplier'],
    ['obv', { period: 3 }, false, 'obv has no parameter "period"; it takes none'],
    ['atr', { period: Number.NaN }, false, 'atr period must be a positive whole number of bars, got NaN'],
    ['toString', {}, false, 'unknown indicator "toString"'],
  ])('%s %j -> ok %s', (name, params, ok, message) => {
    const result = validateIndicatorSpec(name, params);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.error.message).toContain(message);
  });
});

describe('registry', () => {
  it('names the output fields of multi-output indicators', () => {
    expect(INDICATORS.macd.fields).toEqual(['macd', 'signal', 'histogram']);
    expect(INDICATORS.bb.fields).toEqual(['upper', 'middle', 'lower']);
    expect(INDICATORS.stoch.fields).toEqual(['k', 'd']);
    expect(INDICATORS.aroon.fields).toEqual(['up', 'down']);
    expect(INDICATORS.rsi.fields).toEqual([]);
  });

  it('createIndicator throws RangeError on an invalid typed spec', () => {
    expect(() => createIndicator({ name: 'sma', params: { period: 0 } })).toThrow(RangeError);
  });
});
