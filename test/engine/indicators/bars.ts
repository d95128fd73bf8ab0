import fc from 'fast-check';
import type { Bar } from '../../../src/engine/bar.js';
import { Decimal } from '../../../src/engine/decimal.js';

/** A bar from plain numbers (test helper). */
export function barOf(tsMs: number, open: number, high: number, low: number, close: number, volume: number): Bar {
  return {
    tsMs,
    open: Decimal.of(open),
    high: Decimal.of(high),
    low: Decimal.of(low),
    close: Decimal.of(close),
    volume: Decimal.of(volume),
  };
}

/** A consistent bar (low <= open, close <= high) in cents, with flat bars now and then. */
export const barArbitrary: fc.Arbitrary<Bar> = fc
  .record({
    open: fc.integer({ min: 100, max: 1000 }),
    close: fc.integer({ min: 100, max: 1000 }),
    up: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 })),
    down: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 })),
    volume: fc.integer({ min: 0, max: 10_000 }),
  })
  .map(({ open, close, up, down, volume }) =>
    barOf(0, open / 100, (Math.max(open, close) + up) / 100, (Math.min(open, close) - down) / 100, close / 100, volume),
  );
