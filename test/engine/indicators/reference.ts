import { expect } from 'vitest';
import type { Bar } from '../../../src/engine/bar.js';
import { computeIndicator, parseIndicatorSpec } from '../../../src/engine/indicators/index.js';

/** Plain re-statements of indicator definitions, written for clarity, not speed (test helpers). */

export type Series = ReadonlyArray<number | null>;

export const numbers = (bars: readonly Bar[], key: 'open' | 'high' | 'low' | 'close' | 'volume'): number[] =>
  bars.map((bar) => bar[key].toNumber());

/** The `length` values ending at `end` (inclusive). */
export const windowAt = <T>(values: readonly T[], end: number, length: number): T[] =>
  values.slice(end - length + 1, end + 1);

export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** TA-Lib EMA over a series with leading nulls: seeded with the mean of its first `period` values. */
export function referenceEma(values: Series, period: number): Array<number | null> {
  const start = values.findIndex((value) => value !== null);
  const out: Array<number | null> = values.map(() => null);
  if (start < 0 || values.length - start < period) return out;
  let ema = sum(values.slice(start, start + period) as number[]) / period;
  out[start + period - 1] = ema;
  for (let i = start + period; i < values.length; i++) {
    ema = ((values[i] as number) - ema) * (2 / (period + 1)) + ema;
    out[i] = ema;
  }
  return out;
}

/** SMA over a series with leading nulls. */
export function referenceSma(values: Series, period: number): Array<number | null> {
  return values.map((_, i) => {
    const window = windowAt(values, i, period);
    return i < period - 1 || window.some((value) => value === null) ? null : sum(window as number[]) / period;
  });
}

/** Runs a spec given as text over bars (batch form). */
export function run(text: string, bars: readonly Bar[]): unknown[] {
  const parsed = parseIndicatorSpec(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return computeIndicator(parsed.spec, bars);
}

/** Null exactly where expected is null; numbers (or every field of an object) equal to `digits` significant places. */
export function expectNear(actual: ReadonlyArray<unknown>, expected: ReadonlyArray<unknown>, digits = 9): void {
  expect(actual.length).toBe(expected.length);
  const close = (i: number, key: string, value: number, reference: number): void => {
    const tolerance = 10 ** -digits * Math.max(1, Math.abs(reference));
    if (!(Math.abs(value - reference) <= tolerance)) expect({ i, key, value }).toEqual({ i, key, value: reference });
  };
  actual.forEach((value, i) => {
    const reference = expected[i];
    if (value === null || reference === null) return expect({ i, value }).toEqual({ i, value: reference });
    if (typeof value === 'number') return close(i, '', value, reference as number);
    const fields = reference as Record<string, number>;
    expect(Object.keys(value as object).sort()).toEqual(Object.keys(fields).sort());
    for (const [key, part] of Object.entries(value as Record<string, number>)) close(i, key, part, fields[key] ?? NaN);
  });
}
