import { describe, expect, it } from 'vitest';
import {
  INDICATOR_NAMES,
  INDICATORS,
  columnValue,
  indicatorColumns,
  parseIndicatorSpec,
} from '../../../src/engine/indicators/index.js';

const columnsOf = (text: string): string[] => {
  const parsed = parseIndicatorSpec(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return indicatorColumns(parsed.spec).map((column) => column.name);
};

describe('indicatorColumns', () => {
  it.each([
    ['rsi:14', ['rsi_14']],
    ['rsi', ['rsi_14']],
    ['obv', ['obv']],
    ['macd:12:26:9', ['macd_12_26_9', 'macd_signal_12_26_9', 'macd_histogram_12_26_9']],
    ['bb:20:2', ['bb_upper_20_2', 'bb_middle_20_2', 'bb_lower_20_2']],
    ['bb:20:2.5', ['bb_upper_20_2.5', 'bb_middle_20_2.5', 'bb_lower_20_2.5']],
    ['psar', ['psar_0.02_0.2']],
    ['supertrend', ['supertrend_10_3', 'supertrend_direction_10_3']],
    [
      'ichimoku',
      [
        'ichimoku_conversion_9_26_52_26',
        'ichimoku_base_9_26_52_26',
        'ichimoku_span_a_9_26_52_26',
        'ichimoku_span_b_9_26_52_26',
      ],
    ],
  ])('%s -> %j', (text, names) => {
    expect(columnsOf(text)).toEqual(names);
  });

  it('gives every indicator distinct names that start with its own', () => {
    for (const name of INDICATOR_NAMES) {
      const names = columnsOf(name);
      expect(names.length).toBe(Math.max(1, INDICATORS[name].fields.length));
      expect(new Set(names).size).toBe(names.length);
      for (const column of names) expect(column.startsWith(name)).toBe(true);
    }
  });

  it('reads a field of a multi-output value, the number itself otherwise, null in warm-up', () => {
    const [macd, signal] = indicatorColumns({ name: 'macd', params: { fast: 12, slow: 26, signal: 9 } });
    const output = { macd: 1.5, signal: 0.5, histogram: 1 };
    expect(columnValue(macd!, output)).toBe(1.5);
    expect(columnValue(signal!, output)).toBe(0.5);
    expect(columnValue(signal!, null)).toBeNull();
    const [rsi] = indicatorColumns({ name: 'rsi', params: { period: 14 } });
    expect(columnValue(rsi!, 42)).toBe(42);
  });
});
