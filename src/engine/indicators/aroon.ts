import { Aroon } from 'trading-signals';
import { fromLibrary, highLowCloseOf } from './adapters.js';
import type { AroonOutput, IndicatorStream, PeriodParams } from './types.js';

/**
 * Aroon up and down (0..100): `100 * (period - bars since the highest high / lowest low)` over the
 * last `period + 1` bars, the most recent bar winning ties, as TA-Lib AROON. Warm-up: `period` bars.
 * Via trading-signals.
 */
export function aroon({ period }: PeriodParams): IndicatorStream<AroonOutput> {
  return fromLibrary(new Aroon(period), highLowCloseOf, ({ aroonUp, aroonDown }) => ({ up: aroonUp, down: aroonDown }));
}
