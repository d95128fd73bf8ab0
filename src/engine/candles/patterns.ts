import type { Bar } from '../bar.js';
import { bodyMiddle, isLongBody, shapeOf, trendOf, TREND_BARS, type CandleShape } from './shape.js';

/** Doji: a body of at most this share of the range. */
export const DOJI_BODY = 0.1;
/** Hammer family: the long shadow is at least this share of the range and SHADOW_TO_BODY times the body. */
export const LONG_SHADOW = 0.6;
export const SHADOW_TO_BODY = 2;
/** Hammer family: the other shadow is at most this share of the range. */
export const SHORT_SHADOW = 0.1;
/** Stars: the middle candle's body is at most this share of the first candle's body. */
export const STAR_BODY = 0.3;
/** Soldiers and crows: the shadow beyond the close is at most this share of the range. */
export const CLOSING_SHADOW = 0.25;

export type PatternName =
  | 'doji'
  | 'hammer'
  | 'inverted_hammer'
  | 'hanging_man'
  | 'shooting_star'
  | 'bullish_engulfing'
  | 'bearish_engulfing'
  | 'bullish_harami'
  | 'bearish_harami'
  | 'morning_star'
  | 'evening_star'
  | 'three_white_soldiers'
  | 'three_black_crows'
  | 'piercing_line'
  | 'dark_cloud_cover';

export interface PatternDefinition {
  readonly summary: string;
  /** Candles the pattern itself spans (the last one is the bar it is reported on). */
  readonly candles: 1 | 2 | 3;
  /** Whether it needs the trend into it (then `TREND_BARS + 1` more bars before it). */
  readonly needsTrend: boolean;
  /** `candles` holds the pattern's candles oldest first; `trend` the trend into them (0 when not needed). */
  readonly detect: (candles: readonly CandleShape[], trend: -1 | 0 | 1) => boolean;
}

const hasRange = (c: CandleShape): boolean => c.range > 0;

/** Small body at the top, long lower shadow, (almost) no upper shadow. */
const hammerShape = (c: CandleShape): boolean =>
  hasRange(c) &&
  c.lowerShadow >= LONG_SHADOW * c.range &&
  c.lowerShadow >= SHADOW_TO_BODY * c.body &&
  c.upperShadow <= SHORT_SHADOW * c.range;

/** Small body at the bottom, long upper shadow, (almost) no lower shadow. */
const invertedShape = (c: CandleShape): boolean =>
  hasRange(c) &&
  c.upperShadow >= LONG_SHADOW * c.range &&
  c.upperShadow >= SHADOW_TO_BODY * c.body &&
  c.lowerShadow <= SHORT_SHADOW * c.range;

/** The second body covers the first and is larger (equal edges allowed on one side). */
const engulfs = (first: CandleShape, second: CandleShape): boolean =>
  second.bodyBottom <= first.bodyBottom && second.bodyTop >= first.bodyTop && second.body > first.body;

/** The second body lies strictly inside the first, long, body. */
const inside = (first: CandleShape, second: CandleShape): boolean =>
  isLongBody(first) && second.bodyTop < first.bodyTop && second.bodyBottom > first.bodyBottom;

type Three = readonly [CandleShape, CandleShape, CandleShape];
type Two = readonly [CandleShape, CandleShape];
const pair = (candles: readonly CandleShape[]): Two => candles as unknown as Two;
const triple = (candles: readonly CandleShape[]): Three => candles as unknown as Three;

function soldiers(candles: Three, up: boolean): boolean {
  return candles.every((c, i) => {
    const coloured = up ? c.bullish : c.bearish;
    const closingShadow = up ? c.upperShadow : c.lowerShadow;
    if (!coloured || !isLongBody(c) || closingShadow > CLOSING_SHADOW * c.range) return false;
    const previous = candles[i - 1];
    if (previous === undefined) return true;
    // Each opens within the previous body and closes beyond the previous close.
    return up
      ? c.open >= previous.open && c.open <= previous.close && c.close > previous.close
      : c.open <= previous.open && c.open >= previous.close && c.close < previous.close;
  });
}

function star([first, middle, last]: Three, up: boolean): boolean {
  const small = middle.body <= STAR_BODY * first.body;
  return up
    ? first.bearish &&
        isLongBody(first) &&
        small &&
        middle.bodyTop <= first.close &&
        last.bullish &&
        last.close > bodyMiddle(first)
    : first.bullish &&
        isLongBody(first) &&
        small &&
        middle.bodyBottom >= first.close &&
        last.bearish &&
        last.close < bodyMiddle(first);
}

/**
 * Every candlestick pattern by name, with the thresholds above (documented in README). A pattern
 * is reported on the bar that completes it.
 */
export const PATTERNS: { readonly [N in PatternName]: PatternDefinition } = {
  doji: {
    summary: `body at most ${DOJI_BODY * 100}% of the range`,
    candles: 1,
    needsTrend: false,
    detect: ([c]) => c !== undefined && hasRange(c) && c.body <= DOJI_BODY * c.range,
  },
  hammer: {
    summary: 'after a downtrend: long lower shadow, small body at the top',
    candles: 1,
    needsTrend: true,
    detect: ([c], trend) => trend === -1 && c !== undefined && hammerShape(c),
  },
  inverted_hammer: {
    summary: 'after a downtrend: long upper shadow, small body at the bottom',
    candles: 1,
    needsTrend: true,
    detect: ([c], trend) => trend === -1 && c !== undefined && invertedShape(c),
  },
  hanging_man: {
    summary: 'after an uptrend: the hammer shape',
    candles: 1,
    needsTrend: true,
    detect: ([c], trend) => trend === 1 && c !== undefined && hammerShape(c),
  },
  shooting_star: {
    summary: 'after an uptrend: the inverted hammer shape',
    candles: 1,
    needsTrend: true,
    detect: ([c], trend) => trend === 1 && c !== undefined && invertedShape(c),
  },
  bullish_engulfing: {
    summary: 'a down candle, then an up candle whose body engulfs it',
    candles: 2,
    needsTrend: false,
    detect: (candles) => {
      const [first, second] = pair(candles);
      return first.bearish && second.bullish && engulfs(first, second);
    },
  },
  bearish_engulfing: {
    summary: 'an up candle, then a down candle whose body engulfs it',
    candles: 2,
    needsTrend: false,
    detect: (candles) => {
      const [first, second] = pair(candles);
      return first.bullish && second.bearish && engulfs(first, second);
    },
  },
  bullish_harami: {
    summary: 'a long down candle, then an up candle with its body inside',
    candles: 2,
    needsTrend: false,
    detect: (candles) => {
      const [first, second] = pair(candles);
      return first.bearish && second.bullish && inside(first, second);
    },
  },
  bearish_harami: {
    summary: 'a long up candle, then a down candle with its body inside',
    candles: 2,
    needsTrend: false,
    detect: (candles) => {
      const [first, second] = pair(candles);
      return first.bullish && second.bearish && inside(first, second);
    },
  },
  morning_star: {
    summary: 'a long down candle, a small body at or below its close, an up candle closing above its middle',
    candles: 3,
    needsTrend: false,
    detect: (candles) => star(triple(candles), true),
  },
  evening_star: {
    summary: 'a long up candle, a small body at or above its close, a down candle closing below its middle',
    candles: 3,
    needsTrend: false,
    detect: (candles) => star(triple(candles), false),
  },
  three_white_soldiers: {
    summary: 'three long up candles, each opening within the last body and closing higher, near its high',
    candles: 3,
    needsTrend: false,
    detect: (candles) => soldiers(triple(candles), true),
  },
  three_black_crows: {
    summary: 'three long down candles, each opening within the last body and closing lower, near its low',
    candles: 3,
    needsTrend: false,
    detect: (candles) => soldiers(triple(candles), false),
  },
  piercing_line: {
    summary: 'a long down candle, then an up candle opening below its close and closing above its middle',
    candles: 2,
    needsTrend: false,
    detect: (candles) => {
      const [first, second] = pair(candles);
      return (
        first.bearish &&
        isLongBody(first) &&
        second.bullish &&
        second.open < first.close &&
        second.close > bodyMiddle(first) &&
        second.close < first.open
      );
    },
  },
  dark_cloud_cover: {
    summary: 'a long up candle, then a down candle opening above its close and closing below its middle',
    candles: 2,
    needsTrend: false,
    detect: (candles) => {
      const [first, second] = pair(candles);
      return (
        first.bullish &&
        isLongBody(first) &&
        second.bearish &&
        second.open > first.close &&
        second.close < bodyMiddle(first) &&
        second.close > first.open
      );
    },
  },
};

export const PATTERN_NAMES = Object.keys(PATTERNS) as PatternName[];

export function isPatternName(name: string): name is PatternName {
  return Object.hasOwn(PATTERNS, name);
}

/**
 * The patterns (of `names`, in that order) completed on each bar; one list per bar, aligned to
 * `bars`. Bars without enough history before them (the pattern's candles, plus `TREND_BARS + 1`
 * bars for a trend) get none of that pattern.
 */
export function findPatterns(bars: readonly Bar[], names: readonly PatternName[] = PATTERN_NAMES): PatternName[][] {
  const shapes = bars.map(shapeOf);
  return shapes.map((_, index) =>
    names.filter((name) => {
      const { candles, needsTrend, detect } = PATTERNS[name];
      const first = index - candles + 1;
      if (first < (needsTrend ? TREND_BARS + 1 : 0)) return false;
      const trend = needsTrend ? trendOf(shapes.slice(first - TREND_BARS - 1, first)) : 0;
      return detect(shapes.slice(first, index + 1), trend);
    }),
  );
}
