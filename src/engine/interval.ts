/** Bar intervals, named as most providers and users name them. */
export const INTERVALS = ['1m', '5m', '15m', '30m', '1h', '1d', '1wk', '1mo'] as const;
export type Interval = (typeof INTERVALS)[number];

const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const FIXED_MS: Partial<Record<Interval, number>> = {
  '1m': MINUTE_MS,
  '5m': 5 * MINUTE_MS,
  '15m': 15 * MINUTE_MS,
  '30m': 30 * MINUTE_MS,
  '1h': 60 * MINUTE_MS,
  '1d': DAY_MS,
  '1wk': 7 * DAY_MS,
};

export function isInterval(text: string): text is Interval {
  return (INTERVALS as readonly string[]).includes(text);
}

export function isIntraday(interval: Interval): boolean {
  return interval !== '1d' && interval !== '1wk' && interval !== '1mo';
}

/** Nominal length in ms (a month counts as 31 days: use it for sizing, not for bucketing). */
export function intervalMs(interval: Interval): number {
  return FIXED_MS[interval] ?? 31 * DAY_MS;
}

/**
 * Start (UTC epoch ms) of the bar that contains `tsMs`. Days start at 00:00 UTC, weeks on Monday,
 * months on the 1st.
 */
export function bucketStart(interval: Interval, tsMs: number): number {
  if (interval === '1mo') {
    const d = new Date(tsMs);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
  if (interval === '1wk') {
    const day = Math.floor(tsMs / DAY_MS) * DAY_MS;
    const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
    return day - weekday * DAY_MS;
  }
  const size = FIXED_MS[interval] as number;
  return Math.floor(tsMs / size) * size;
}

/** Start of the bar after the one that starts at `startMs`. */
export function nextBucketStart(interval: Interval, startMs: number): number {
  if (interval === '1mo') {
    const d = new Date(startMs);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return startMs + (FIXED_MS[interval] as number);
}
