import type { Bar } from '../../../src/engine/bar.js';
import { fixedClock } from '../../../src/engine/clock.js';
import { DAY_MS } from '../../../src/engine/interval.js';
import type { Interval } from '../../../src/engine/interval.js';
import { createDemoProvider } from '../../../src/providers/demo/provider.js';
import type { MarketDataProvider } from '../../../src/providers/provider.js';

/** Wednesday 2026-03-04 16:07:31.250 UTC: equities in their regular session, mid-minute. */
export const T = Date.UTC(2026, 2, 4, 16, 7, 31, 250);
export const MINUTE_MS = 60_000;

export function demoAt(nowMs: number = T, seed?: number): MarketDataProvider {
  return createDemoProvider({ clock: fixedClock(nowMs), ...(seed === undefined ? {} : { seed }) });
}

export function dayStart(tsMs: number): number {
  return Math.floor(tsMs / DAY_MS) * DAY_MS;
}

/**
 * Bars as plain text rows. Decimal keeps its value in private fields, which toEqual cannot see,
 * so comparing Decimal objects directly would pass for any two numbers.
 */
export function texts(bars: readonly Bar[]): string[] {
  return bars.map((b) => `${new Date(b.tsMs).toISOString()} ${b.open} ${b.high} ${b.low} ${b.close} ${b.volume}`);
}

export async function bars(
  provider: MarketDataProvider,
  symbol: string,
  interval: Interval,
  fromMs: number,
  toMs: number,
): Promise<readonly Bar[]> {
  return (await provider.getHistory({ symbol, interval, fromMs, toMs })).bars;
}
