import { DAY_MS } from './interval.js';

/** History ranges a user can ask for, ending now. */
export const RANGES = ['1d', '5d', '1mo', '3mo', '6mo', 'ytd', '1y', '2y', '5y', '10y', 'max'] as const;
export type Range = (typeof RANGES)[number];

export function isRange(text: string): text is Range {
  return (RANGES as readonly string[]).includes(text);
}

/**
 * Start (UTC epoch ms) of `range` ending at `nowMs`. Month and year ranges step calendar months in
 * UTC; `max` returns 0 (the provider clamps to what it has).
 */
export function rangeStart(range: Range, nowMs: number): number {
  const now = new Date(nowMs);
  const monthsBack = (months: number) =>
    Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth() - months,
      now.getUTCDate(),
      now.getUTCHours(),
      now.getUTCMinutes(),
    );
  switch (range) {
    case '1d':
      return nowMs - DAY_MS;
    case '5d':
      return nowMs - 5 * DAY_MS;
    case '1mo':
      return monthsBack(1);
    case '3mo':
      return monthsBack(3);
    case '6mo':
      return monthsBack(6);
    case 'ytd':
      return Date.UTC(now.getUTCFullYear(), 0, 1);
    case '1y':
      return monthsBack(12);
    case '2y':
      return monthsBack(24);
    case '5y':
      return monthsBack(60);
    case '10y':
      return monthsBack(120);
    case 'max':
      return 0;
  }
}
