import { AD, ADOSC, CMF } from 'trading-signals';
import type { Bar } from '../bar.js';
import { candleOf, fromLibrary, fromRecurrence } from './adapters.js';
import type { AdoscParams, IndicatorStream, PeriodParams } from './types.js';

interface ObvState {
  readonly previousClose: number | null;
  readonly value: number;
}

/**
 * On-balance volume (volume units), as TA-Lib: the first bar's value is its own volume, then each bar
 * adds its volume on a higher close, subtracts it on a lower close and keeps the total on an equal
 * close. No warm-up. trading-signals' OBV starts at 0 one bar later, hence not used.
 */
export function obv(): IndicatorStream<number> {
  const step = (state: ObvState, bar: Bar): ObvState => {
    const close = bar.close.toNumber();
    const volume = bar.volume.toNumber();
    if (state.previousClose === null) return { previousClose: close, value: volume };
    const sign = close > state.previousClose ? 1 : close < state.previousClose ? -1 : 0;
    return { previousClose: close, value: state.value + sign * volume };
  };
  return fromRecurrence<ObvState, number>({ previousClose: null, value: 0 }, step, (state) =>
    state.previousClose === null ? null : state.value,
  );
}

/**
 * Chaikin money flow (-1..1): sum of money-flow volume over sum of volume for the last `period`
 * bars; a bar with high = low contributes 0, and no volume gives 0. Warm-up: `period - 1` bars.
 * Via trading-signals. Not in TA-Lib.
 */
export function cmf({ period }: PeriodParams): IndicatorStream<number> {
  return fromLibrary(new CMF(period), candleOf, (value) => value);
}

/**
 * Chaikin accumulation/distribution line (volume units), as TA-Lib AD: the running total of each
 * bar's money-flow volume `((close - low) - (high - close)) / (high - low) * volume` (0 when high =
 * low), starting with the first bar. No warm-up. Via trading-signals.
 */
export function ad(): IndicatorStream<number> {
  return fromLibrary(new AD(), candleOf, (value) => value);
}

/**
 * Chaikin A/D oscillator (volume units): `EMA(fast) - EMA(slow)` of the A/D line, as TA-Lib ADOSC,
 * whose EMAs (unlike its EMA function) are seeded with the first A/D value, `k = 2 / (n + 1)`.
 * Warm-up: `slow - 1` bars; requires `fast < slow`. Via trading-signals (its ADOSC seeds the same way).
 */
export function adosc({ fast, slow }: AdoscParams): IndicatorStream<number> {
  return fromLibrary(new ADOSC({ fastPeriod: fast, slowPeriod: slow }), candleOf, (value) => value);
}

const DAY_MS = 86_400_000;

interface VwapState {
  readonly day: number;
  readonly priceVolume: number;
  readonly volume: number;
  readonly value: number;
}

/**
 * Session VWAP (price units): the volume-weighted mean of the typical price `(high + low + close)
 * / 3` of the bars since the session began, a session being a UTC calendar day (the bar's `tsMs`):
 * the average restarts with the first bar of each UTC day. Meant for intraday bars; on daily bars
 * every bar is its own session and VWAP is its typical price. While the session has had no volume
 * it is the latest typical price. No warm-up. Not in TA-Lib.
 */
export function vwap(): IndicatorStream<number> {
  const step = (state: VwapState | null, bar: Bar): VwapState => {
    const { high, low, close, volume } = candleOf(bar);
    const typical = (high + low + close) / 3;
    const day = Math.floor(bar.tsMs / DAY_MS);
    const carried = state !== null && state.day === day ? state : { priceVolume: 0, volume: 0 };
    const priceVolume = carried.priceVolume + typical * volume;
    const sessionVolume = carried.volume + volume;
    return {
      day,
      priceVolume,
      volume: sessionVolume,
      value: sessionVolume > 0 ? priceVolume / sessionVolume : typical,
    };
  };
  return fromRecurrence<VwapState | null, number>(null, step, (state) => state?.value ?? null);
}
