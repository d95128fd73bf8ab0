import type { Bar } from '../../src/engine/bar.js';
import { Decimal } from '../../src/engine/decimal.js';

/** A bar from decimal texts; omitted prices default to `close`. */
export function bar(tsMs: number, close: string, volume = '100', open = close, high = close, low = close): Bar {
  return {
    tsMs,
    open: Decimal.of(open),
    high: Decimal.of(high),
    low: Decimal.of(low),
    close: Decimal.of(close),
    volume: Decimal.of(volume),
  };
}

/** `count` one-minute bars from `startMs`, closes 100, 100.01, 100.02, ... */
export function minuteBars(count: number, startMs = 1_700_000_000_000): Bar[] {
  return Array.from({ length: count }, (_, i) =>
    bar(startMs + i * 60_000, Decimal.of('100').plus(Decimal.of(i).div(100)).toString(), String(i)),
  );
}

/** Bars as plain text, for exact comparison. */
export function barTexts(bars: readonly Bar[]): string[][] {
  return bars.map((b) => [
    String(b.tsMs),
    b.open.toString(),
    b.high.toString(),
    b.low.toString(),
    b.close.toString(),
    b.volume.toString(),
  ]);
}
