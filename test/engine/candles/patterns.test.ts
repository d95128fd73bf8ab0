import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src/engine/bar.js';
import { findPatterns, PATTERN_NAMES, type PatternName } from '../../../src/engine/candles/patterns.js';
import { barOf } from '../indicators/bars.js';

type Ohlc = readonly [open: number, high: number, low: number, close: number];

const bars = (...candles: Ohlc[]): Bar[] => candles.map(([o, h, l, c], i) => barOf(i, o, h, l, c, 100));
/** Four bars whose closes fall (14 -> 11) or rise (6 -> 9): the trend into a one-candle pattern. */
const DOWN: Ohlc[] = [14, 13, 12, 11].map((c) => [c + 0.5, c + 0.6, c - 0.1, c] as const);
const UP: Ohlc[] = [6, 7, 8, 9].map((c) => [c - 0.5, c + 0.1, c - 0.6, c] as const);
const FLAT: Ohlc[] = [10, 10, 10, 10].map((c) => [c - 0.5, c + 0.1, c - 0.6, c] as const);

const HAMMER: Ohlc = [9.6, 10.05, 8, 10]; // lower shadow 1.6 of 2.05, upper 0.05, body 0.4 (no doji)
const INVERTED: Ohlc = [10, 12, 9.95, 10.4]; // upper shadow 1.6 of 2.05, lower 0.05, body 0.4
const LONG_DOWN: Ohlc = [12, 12.1, 9.9, 10];
const LONG_UP: Ohlc = [10, 12.1, 9.9, 12];

// [pattern, candles that show it (reported on the last), a near miss that does not, why it misses]
const CASES: Array<[PatternName, Ohlc[], Ohlc[], string]> = [
  ['doji', [[10, 11, 9, 10.05]], [[10, 11, 9, 10.3]], 'body 15% of the range'],
  ['hammer', [...DOWN, HAMMER], [...UP, HAMMER], 'after an uptrend it is a hanging man'],
  ['hammer', [...DOWN, HAMMER], [...DOWN, [9.6, 10.5, 8, 10]], 'upper shadow 0.5 of 2.5'],
  ['inverted_hammer', [...DOWN, INVERTED], [...DOWN, [10, 12, 9.5, 10.4]], 'lower shadow 0.5 of 2.5'],
  ['hanging_man', [...UP, HAMMER], [...DOWN, HAMMER], 'after a downtrend it is a hammer'],
  ['shooting_star', [...UP, INVERTED], [...FLAT, INVERTED], 'no trend into it'],
  [
    'bullish_engulfing',
    [
      [11, 11.2, 9.8, 10],
      [9.8, 11.5, 9.7, 11.3],
    ],
    [
      [11, 11.2, 9.8, 10],
      [9.8, 11.5, 9.7, 10.9],
    ],
    'closes below the first open',
  ],
  [
    'bearish_engulfing',
    [
      [10, 11.2, 9.9, 11],
      [11.2, 11.3, 9.7, 9.8],
    ],
    [
      [10, 11.2, 9.9, 11],
      [11.2, 11.3, 9.7, 10.2],
    ],
    'closes above the first open',
  ],
  [
    'bullish_harami',
    [LONG_DOWN, [10.5, 11.2, 10.4, 11]],
    [LONG_DOWN, [11, 11.2, 10.4, 10.5]],
    'second candle is down too',
  ],
  [
    'bullish_harami',
    [LONG_DOWN, [10.5, 11.2, 10.4, 11]],
    [LONG_DOWN, [10.5, 12.6, 10.4, 12.5]],
    'second body reaches above the first',
  ],
  [
    'bearish_harami',
    [LONG_UP, [11.5, 11.6, 10.8, 11]],
    [
      [10, 14, 8, 11],
      [10.8, 10.9, 10.3, 10.5],
    ],
    'first body is not long',
  ],
  [
    'morning_star',
    [LONG_DOWN, [9.8, 10, 9.4, 9.7], [9.9, 11.6, 9.8, 11.5]],
    [LONG_DOWN, [9.8, 10, 9.4, 9.7], [9.9, 11.6, 9.8, 10.8]],
    'third closes below the first body middle',
  ],
  [
    'evening_star',
    [LONG_UP, [12.2, 12.6, 12, 12.3], [12.1, 12.2, 10.4, 10.5]],
    [LONG_UP, [12.2, 13.6, 12, 13.5], [12.1, 12.2, 10.4, 10.5]],
    'middle body is not small',
  ],
  [
    'three_white_soldiers',
    [
      [10, 11.1, 9.9, 11],
      [10.5, 12.1, 10.4, 12],
      [11.5, 13.1, 11.4, 13],
    ],
    [
      [10, 11.1, 9.9, 11],
      [10.5, 12.1, 10.4, 12],
      [12.5, 13.6, 12.4, 13.5],
    ],
    'third opens above the second body',
  ],
  [
    'three_white_soldiers',
    [
      [10, 11.1, 9.9, 11],
      [10.5, 12.1, 10.4, 12],
      [11.5, 13.1, 11.4, 13],
    ],
    [
      [10, 11.1, 9.9, 11],
      [10.5, 12.1, 10.4, 12],
      [11.5, 13.9, 11.4, 13],
    ],
    'third has a long upper shadow',
  ],
  [
    'three_black_crows',
    [
      [13, 13.1, 11.9, 12],
      [12.5, 12.6, 10.9, 11],
      [11.5, 11.6, 9.9, 10],
    ],
    [
      [13, 13.1, 11.9, 12],
      [12.5, 12.6, 12.05, 12.1],
      [11.5, 11.6, 9.9, 10],
    ],
    'second closes above the first',
  ],
  [
    'piercing_line',
    [LONG_DOWN, [9.5, 11.5, 9.4, 11.2]],
    [LONG_DOWN, [9.5, 11.5, 9.4, 10.8]],
    'closes below the first body middle',
  ],
  [
    'dark_cloud_cover',
    [LONG_UP, [12.5, 12.6, 10.5, 10.8]],
    [LONG_UP, [11.9, 12, 10.5, 10.8]],
    'opens below the first close',
  ],
];

describe('candlestick patterns on hand-built bars', () => {
  it.each(CASES)('%s: shown, and a near miss (%#) is not', (name, shown, missed, _why) => {
    const found = findPatterns(bars(...shown));
    expect(found).toHaveLength(shown.length);
    expect(found.at(-1)).toContain(name);
    expect(found.slice(0, -1).flat()).not.toContain(name);
    expect(findPatterns(bars(...missed)).flat()).not.toContain(name);
  });

  it('every pattern has a case', () => {
    expect(PATTERN_NAMES.filter((name) => !CASES.some(([pattern]) => pattern === name))).toEqual([]);
  });

  it('needs the trend before a one-candle pattern: no hammer without four bars before it', () => {
    expect(findPatterns(bars(...DOWN.slice(1), HAMMER)).flat()).not.toContain('hammer');
  });

  it('a flat bar (high = low) is no pattern', () => {
    expect(findPatterns(bars(...DOWN, [10, 10, 10, 10])).at(-1)).toEqual([]);
  });

  it('reports only the patterns asked for, in that order', () => {
    const dragonfly = bars(...DOWN, [10, 10, 8, 10]); // a doji with the hammer shape
    expect(findPatterns(dragonfly, ['hanging_man', 'hammer', 'doji']).at(-1)).toEqual(['hammer', 'doji']);
    expect(findPatterns(dragonfly, ['doji', 'hammer']).at(-1)).toEqual(['doji', 'hammer']);
  });
});
