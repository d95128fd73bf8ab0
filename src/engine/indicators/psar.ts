import type { Bar } from '../bar.js';
import { fromRecurrence, highLowCloseOf } from './adapters.js';
import type { IndicatorStream, PsarParams } from './types.js';

interface Extent {
  readonly high: number;
  readonly low: number;
}

interface SarState {
  readonly first: Extent | null; // the first bar, until the second decides the direction
  readonly isLong: boolean;
  readonly sar: number; // the stop for the next bar
  readonly extreme: number;
  readonly factor: number;
  readonly previous: Extent;
  readonly output: number | null;
}

/** Reverses the position at the extreme point, kept outside the last two bars' range. */
function reverse(state: SarState, bar: Extent, { acceleration }: PsarParams): SarState {
  const { previous } = state;
  const isLong = !state.isLong;
  const clamp = (value: number): number =>
    isLong ? Math.min(value, previous.low, bar.low) : Math.max(value, previous.high, bar.high);
  const output = clamp(state.extreme);
  const extreme = isLong ? bar.high : bar.low;
  const sar = clamp(output + acceleration * (extreme - output));
  return { ...state, isLong, sar, extreme, factor: acceleration, previous: bar, output };
}

/** Keeps the position: moves the extreme point and the acceleration, then the stop. */
function follow(state: SarState, bar: Extent, { acceleration, maximum }: PsarParams): SarState {
  const { isLong, previous } = state;
  const newExtreme = isLong ? bar.high > state.extreme : bar.low < state.extreme;
  const extreme = newExtreme ? (isLong ? bar.high : bar.low) : state.extreme;
  const factor = newExtreme ? Math.min(state.factor + acceleration, maximum) : state.factor;
  const raw = state.sar + factor * (extreme - state.sar);
  const sar = isLong ? Math.min(raw, previous.low, bar.low) : Math.max(raw, previous.high, bar.high);
  return { ...state, sar, extreme, factor, previous: bar, output: state.sar };
}

function sarStep(state: SarState | null, bar: Extent, params: PsarParams): SarState {
  if (state === null) {
    return { first: bar, isLong: true, sar: 0, extreme: 0, factor: 0, previous: bar, output: null };
  }
  if (state.first !== null) {
    // TA-Lib: short when the second bar has a positive minus-DM (a lower low that outweighs any higher high).
    const down = state.first.low - bar.low;
    const isLong = !(down > 0 && bar.high - state.first.high < down);
    const seeded: SarState = {
      first: null,
      isLong,
      sar: isLong ? state.first.low : state.first.high,
      extreme: isLong ? bar.high : bar.low,
      factor: params.acceleration,
      previous: bar, // TA-Lib uses the second bar as its own "previous" on the first step
      output: null,
    };
    return advance(seeded, bar, params);
  }
  return advance(state, bar, params);
}

function advance(state: SarState, bar: Extent, params: PsarParams): SarState {
  const penetrated = state.isLong ? bar.low <= state.sar : bar.high >= state.sar;
  return penetrated ? reverse(state, bar, params) : follow(state, bar, params);
}

/**
 * Parabolic SAR (price units), as TA-Lib SAR: the direction comes from the first two bars (short
 * when the second has a positive minus-DM), the first stop is the first bar's low (long) or high
 * (short); each bar the stop moves `factor * (extreme - stop)`, the factor starting at
 * `acceleration` and growing by it (up to `maximum`) with each new extreme; the stop never enters
 * the last two bars' range; a bar touching the stop reverses the position at the extreme point.
 * The value on a bar is the stop in force during that bar. Warm-up: 1 bar. trading-signals' PSAR
 * picks the direction from median prices and offsets reversals by 0.01 (not TA-Lib), hence not used.
 */
export function psar(params: PsarParams): IndicatorStream<number> {
  return fromRecurrence<SarState | null, number>(
    null,
    (state, bar: Bar) => {
      const { high, low } = highLowCloseOf(bar);
      return sarStep(state, { high, low }, params);
    },
    (state) => state?.output ?? null,
  );
}
