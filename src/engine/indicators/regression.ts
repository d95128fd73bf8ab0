import { closeOf, fromStep } from './adapters.js';
import type { IndicatorStream, PeriodParams } from './types.js';
import { RollingWindow } from './window.js';

/**
 * Population standard deviation of the last `period` closes (price units), as TA-Lib STDDEV with
 * one deviation: `sqrt(mean of squares - square of mean)` from running sums, 0 when that is not
 * positive (rounding on a flat window). Warm-up: `period - 1` bars. O(1) per bar.
 */
export function standardDeviation({ period }: PeriodParams): IndicatorStream<number> {
  const closes = new RollingWindow(period);
  return fromStep((bar, replace) => {
    closes.push(closeOf(bar), replace);
    if (!closes.full) return null;
    const mean = closes.sum / period;
    const variance = closes.sumOfSquares / period - mean * mean;
    return variance > 0 ? Math.sqrt(variance) : 0;
  });
}

/**
 * Linear regression of the last `period` closes (price units), as TA-Lib LINEARREG: the least-
 * squares line through the window, evaluated at the latest bar. Warm-up: `period - 1` bars;
 * `period` 1 gives the close. O(period) per bar (TA-Lib's direct sums, for its rounding).
 * trading-signals' LinearRegression predicts the next bar (TA-Lib TSF), hence not used.
 */
export function linearRegression({ period }: PeriodParams): IndicatorStream<number> {
  const closes = new RollingWindow(period);
  const sumX = (period * (period - 1)) / 2;
  const sumXSquared = (period * (period - 1) * (2 * period - 1)) / 6;
  const divisor = sumX * sumX - period * sumXSquared;
  return fromStep((bar, replace) => {
    closes.push(closeOf(bar), replace);
    if (!closes.full) return null;
    if (period === 1) return closes.at(0) as number;
    let sumY = 0;
    let sumXY = 0;
    for (let age = period - 1; age >= 0; age--) {
      const value = closes.at(age) as number;
      sumY += value;
      sumXY += age * value;
    }
    const slope = (period * sumXY - sumX * sumY) / divisor;
    const intercept = (sumY - slope * sumX) / period;
    return intercept + slope * (period - 1);
  });
}
