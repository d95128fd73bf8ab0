import type { AssetClass } from '../../engine/instrument.js';
import { DAY_MS } from '../../engine/interval.js';
import type { MarketState } from '../../engine/quote.js';

/**
 * The demo market's trading calendar, all in UTC and without holidays:
 *
 * - equities, ETFs, indices (and futures or funds, should any be added): Monday to Friday,
 *   pre-market 09:00-14:30, regular session 14:30-21:00, post-market 21:00-01:00 the next day,
 *   closed otherwise and at weekends. Bars exist for the regular session only (390 minutes).
 * - crypto: every day, 00:00-24:00, always 'regular'.
 * - FX: Monday to Friday, 00:00-24:00 (a simplification of the Sunday-evening-to-Friday-evening
 *   week of the real market), closed at weekends.
 *
 * Daily bars start at 00:00 UTC of the session's day, as `bucketStart('1d', ...)` expects.
 */

/** The first day of demo history, a Monday: 2016-01-04 00:00 UTC. */
export const DEMO_EPOCH_MS = Date.UTC(2016, 0, 4);
/** The same day as a UTC day number (days since 1970-01-01). */
export const DEMO_EPOCH_DAY = DEMO_EPOCH_MS / DAY_MS;

export const MINUTE_MS = 60_000;

const REGULAR_OPEN_MINUTE = 14 * 60 + 30;
const REGULAR_CLOSE_MINUTE = 21 * 60;
const PRE_OPEN_MINUTE = 9 * 60;
const POST_END_MINUTE_NEXT_DAY = 60;

/** One day's regular session: bars exist for minutes in [startMs, endMs). */
export interface Session {
  readonly day: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly minutes: number;
}

type CalendarKind = 'exchange' | 'always' | 'weekdays';

function kindOf(assetClass: AssetClass): CalendarKind {
  if (assetClass === 'crypto') return 'always';
  if (assetClass === 'fx') return 'weekdays';
  return 'exchange';
}

/**
 * True when a day opens at the previous day's close (crypto and FX trade around the clock, so
 * there is no overnight gap; the demo ignores the real FX weekend gap).
 */
export function opensAtPreviousClose(assetClass: AssetClass): boolean {
  return kindOf(assetClass) !== 'exchange';
}

/** UTC day number (days since 1970-01-01) containing `tsMs`. */
export function dayOf(tsMs: number): number {
  return Math.floor(tsMs / DAY_MS);
}

/** Monday = 0 ... Sunday = 6. 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** True when the instrument trades at all on this UTC day (ignores the demo epoch). */
export function isTradingDay(assetClass: AssetClass, day: number): boolean {
  return kindOf(assetClass) === 'always' || weekdayOf(day) < 5;
}

/**
 * Number of trading days from the demo epoch up to (not including) `day`: the step of the daily
 * walk at which `day` opens. For a day without trading it is the step of the next trading day.
 */
export function tradingIndexOf(assetClass: AssetClass, day: number): number {
  const offset = Math.max(0, day - DEMO_EPOCH_DAY);
  if (kindOf(assetClass) === 'always') return offset;
  // The epoch is a Monday, so every 7 calendar days hold 5 trading days.
  const weeks = Math.floor(offset / 7);
  return weeks * 5 + Math.min(offset - weeks * 7, 5);
}

/** The regular session of `day`, or undefined on a day without one or before the demo epoch. */
export function sessionOf(assetClass: AssetClass, day: number): Session | undefined {
  if (day < DEMO_EPOCH_DAY || !isTradingDay(assetClass, day)) return undefined;
  const dayMs = day * DAY_MS;
  if (kindOf(assetClass) !== 'exchange') {
    return { day, startMs: dayMs, endMs: dayMs + DAY_MS, minutes: 1440 };
  }
  return {
    day,
    startMs: dayMs + REGULAR_OPEN_MINUTE * MINUTE_MS,
    endMs: dayMs + REGULAR_CLOSE_MINUTE * MINUTE_MS,
    minutes: REGULAR_CLOSE_MINUTE - REGULAR_OPEN_MINUTE,
  };
}

/** Minutes of the regular session on a trading day (the same for every day of a class). */
export function sessionMinutes(assetClass: AssetClass): number {
  return kindOf(assetClass) === 'exchange' ? REGULAR_CLOSE_MINUTE - REGULAR_OPEN_MINUTE : 1440;
}

/**
 * Trading days in a year, to turn annual drift and volatility into daily ones: 252 for exchange
 * calendars, 260 for FX weekdays, 365 for crypto.
 */
export function tradingDaysPerYear(assetClass: AssetClass): number {
  const kind = kindOf(assetClass);
  return kind === 'always' ? 365 : kind === 'weekdays' ? 260 : 252;
}

/**
 * Where the market of this asset class is at `tsMs`, by the calendar above. The epoch does not
 * matter here: the calendar is the same before it.
 */
export function marketStateAt(assetClass: AssetClass, tsMs: number): MarketState {
  const kind = kindOf(assetClass);
  const day = dayOf(tsMs);
  if (kind === 'always') return 'regular';
  if (kind === 'weekdays') return isTradingDay(assetClass, day) ? 'regular' : 'closed';
  const minute = Math.floor((tsMs - day * DAY_MS) / MINUTE_MS);
  const weekday = weekdayOf(day) < 5;
  if (minute < POST_END_MINUTE_NEXT_DAY) {
    // The small hours belong to the previous day's post-market.
    return isTradingDay(assetClass, day - 1) ? 'post' : 'closed';
  }
  if (!weekday || minute < PRE_OPEN_MINUTE) return 'closed';
  if (minute < REGULAR_OPEN_MINUTE) return 'pre';
  if (minute < REGULAR_CLOSE_MINUTE) return 'regular';
  return 'post';
}

/**
 * The latest session that has started at or before `tsMs` (it may still be running), or
 * undefined before the demo epoch.
 */
export function latestSessionAt(assetClass: AssetClass, tsMs: number): Session | undefined {
  for (let day = dayOf(tsMs); day >= DEMO_EPOCH_DAY; day--) {
    const session = sessionOf(assetClass, day);
    if (session && session.startMs <= tsMs) return session;
  }
  return undefined;
}

/** The last trading day before `day` within demo history, or undefined when `day` is the first. */
export function previousTradingDay(assetClass: AssetClass, day: number): number | undefined {
  for (let previous = day - 1; previous >= DEMO_EPOCH_DAY; previous--) {
    if (isTradingDay(assetClass, previous)) return previous;
  }
  return undefined;
}
