import type { Bar } from '../bar.js';
import { fromRecurrence, highLowCloseOf, type HighLowClose } from './adapters.js';
import { trueRange } from './volatility.js';

import type { IndicatorStream, PeriodParams } from './types.js';

interface AdxState {
  readonly count: number;
  readonly previous: HighLowClose;
  readonly plusDm: number;
  readonly minusDm: number;
  readonly range: number;
  readonly sumDx: number;
  readonly adx: number | null;
}

const START: AdxState = {
  count: 0,
  previous: { high: 0, low: 0, close: 0 },
  plusDm: 0,
  minusDm: 0,
  range: 0,
  sumDx: 0,
  adx: null,
};

/** TA-Lib treats |x| < 1e-8 as zero in ADX. */
const isZero = (value: number): boolean => value > -1e-8 && value < 1e-8;

/** Directional movement of a bar against the previous one, TA-Lib's rule (at most one side non-zero). */
function directionalMove(bar: HighLowClose, previous: HighLowClose): { plus: number; minus: number } {
  const up = bar.high - previous.high;
  const down = previous.low - bar.low;
  if (down > 0 && up < down) return { plus: 0, minus: down };
  if (up > 0 && up > down) return { plus: up, minus: 0 };
  return { plus: 0, minus: 0 };
}

/** DX (0..100) from smoothed directional movement and true range, or null when undefined (TA-Lib skips it). */
function directionalIndex(plusDm: number, minusDm: number, range: number): number | null {
  if (isZero(range)) return null;
  const plusDi = 100 * (plusDm / range);
  const minusDi = 100 * (minusDm / range);
  const sum = plusDi + minusDi;
  return isZero(sum) ? null : 100 * (Math.abs(minusDi - plusDi) / sum);
}

function adxStep(state: AdxState, bar: HighLowClose, period: number): AdxState {
  const count = state.count + 1;
  if (state.count === 0) return { ...START, count, previous: bar };
  const move = directionalMove(bar, state.previous);
  const range = trueRange(bar, state.previous.close);
  const seeding = count <= period; // bars 1..period-1 only sum the raw values
  const decay = (sum: number): number => (seeding ? sum : sum - sum / period);
  const next = {
    count,
    previous: bar,
    plusDm: decay(state.plusDm) + move.plus,
    minusDm: decay(state.minusDm) + move.minus,
    range: decay(state.range) + range,
  };
  if (seeding) return { ...next, sumDx: 0, adx: null };
  const dx = directionalIndex(next.plusDm, next.minusDm, next.range);
  if (state.adx !== null) {
    const adx = dx === null ? state.adx : (state.adx * (period - 1) + dx) / period;
    return { ...next, sumDx: 0, adx };
  }
  const sumDx = state.sumDx + (dx ?? 0);
  return { ...next, sumDx, adx: count === 2 * period ? sumDx / period : null };
}

/**
 * Average directional index (0..100), exactly as TA-Lib: directional movement and true range are
 * summed over the first `period - 1` moves, then Wilder-smoothed; the first ADX is the mean of the
 * next `period` DX values, then Wilder-smoothed. A bar whose DX is undefined (no range) leaves the
 * ADX unchanged. Warm-up: `2 * period - 1` bars. trading-signals' ADX seeds differently and starts
 * one bar earlier, hence not used.
 */
export function adx({ period }: PeriodParams): IndicatorStream<number> {
  return fromRecurrence(
    START,
    (state: AdxState, bar: Bar) => adxStep(state, highLowCloseOf(bar), period),
    (state) => state.adx,
  );
}
