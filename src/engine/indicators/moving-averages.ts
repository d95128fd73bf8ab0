import { HMA, SMA, TRIMA, WMA } from 'trading-signals';
import type { Bar } from '../bar.js';
import { closeOf, fromLibrary, fromRecurrence } from './adapters.js';
import { EMA_START, emaStep, type EmaState } from './ema-state.js';
import type { IndicatorStream, PeriodParams } from './types.js';

const same = (value: number): number => value;

/** Simple moving average of closes (price units). Warm-up: `period - 1` bars. Via trading-signals. */
export function sma({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new SMA(period), closeOf, same);
}

/** Linearly weighted moving average of closes (price units), weights 1..period. Warm-up: `period - 1` bars. */
export function wma({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new WMA(period), closeOf, same);
}

/** Exponential moving average of closes (price units), TA-Lib seeding (see ema-state.ts). Warm-up: `period - 1` bars. */
export function ema({ period }: PeriodParams): IndicatorStream<number> {
  return fromRecurrence(
    EMA_START,
    (state: EmaState, bar: Bar) => emaStep(state, closeOf(bar), period),
    (state) => state.value,
  );
}

/**
 * A chain of TA-Lib EMAs where each level averages the level below once it has a value; `combine`
 * gets the top value of every level. Warm-up: `levels * (period - 1)` bars.
 */
function emaChain(period: number, levels: number, combine: (values: number[]) => number): IndicatorStream<number> {
  const start: readonly EmaState[] = Array.from({ length: levels }, () => EMA_START);
  const step = (states: readonly EmaState[], bar: Bar): readonly EmaState[] => {
    const next: EmaState[] = [];
    let input: number | null = closeOf(bar);
    for (const state of states) {
      const updated: EmaState = input === null ? state : emaStep(state, input, period);
      next.push(updated);
      input = updated.value;
    }
    return next;
  };
  const output = (states: readonly EmaState[]): number | null => {
    const values = states.map((state) => state.value);
    return values.every((value): value is number => value !== null) ? combine(values) : null;
  };
  return fromRecurrence(start, step, output);
}

/** Double EMA `2*EMA - EMA(EMA)` of closes (price units), as TA-Lib. Warm-up: `2 * (period - 1)` bars. */
export function dema({ period }: PeriodParams): IndicatorStream<number> {
  return emaChain(period, 2, ([e1 = 0, e2 = 0]) => 2 * e1 - e2);
}

/** Triple EMA `3*E1 - 3*E2 + E3` of closes (price units), as TA-Lib. Warm-up: `3 * (period - 1)` bars. */
export function tema({ period }: PeriodParams): IndicatorStream<number> {
  return emaChain(period, 3, ([e1 = 0, e2 = 0, e3 = 0]) => 3 * e1 - 3 * e2 + e3);
}

/**
 * Hull moving average of closes (price units): `WMA(floor(sqrt(period)))` of
 * `2 * WMA(floor(period / 2)) - WMA(period)`. Needs `period >= 2`. Warm-up:
 * `period + floor(sqrt(period)) - 2` bars. Via trading-signals. Not in TA-Lib.
 */
export function hma({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new HMA(period), closeOf, same);
}

/**
 * Triangular moving average of closes (price units), as TA-Lib TRIMA: an SMA of an SMA, which
 * weights the window 1, 2, ..., 2, 1 (odd period n: both SMAs span (n + 1) / 2 bars; even n: n / 2
 * + 1 and n / 2 bars). Warm-up: `period - 1` bars. Via trading-signals, which computes exactly
 * that (tested against a re-statement of TA-Lib's weights).
 */
export function trima({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new TRIMA(period), closeOf, same);
}
