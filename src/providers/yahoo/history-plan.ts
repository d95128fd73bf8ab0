import { DAY_MS, isIntraday, type Interval } from '../../engine/interval.js';
import { ProviderError } from '../../errors.js';
import type { HistoryRequest } from '../provider.js';
import type { ChartQuery } from './http.js';
import { YAHOO } from './values.js';

/** Yahoo's names for stockato's intervals. */
export const YAHOO_INTERVAL: Readonly<Record<Interval, string>> = {
  '1m': '1m',
  '5m': '5m',
  '15m': '15m',
  '30m': '30m',
  '1h': '60m',
  '1d': '1d',
  '1wk': '1wk',
  '1mo': '1mo',
};

/**
 * How far back Yahoo serves intraday bars, in days before now. Not documented by Yahoo: these
 * are the limits the community observes (see ../shared/fixtures/SOURCES.md) and the 422 error
 * text confirms for 1m. Daily, weekly and monthly bars go back to the first trade.
 */
export const INTRADAY_LOOKBACK_DAYS: Readonly<Partial<Record<Interval, number>>> = {
  '1m': 30,
  '5m': 60,
  '15m': 60,
  '30m': 60,
  '1h': 730,
};

/** Yahoo refuses more than 8 days of 1m bars per request; 7 keeps a margin. */
export const ONE_MINUTE_WINDOW_MS = 7 * DAY_MS;

// The lookback is measured by Yahoo's clock, not ours: a day of grace avoids refusing a request
// Yahoo would serve; past it, Yahoo's own 422 still maps to the same error.
const GRACE_MS = DAY_MS;

export interface ChartWindow {
  /** The part of the request this chart call covers, [fromMs, toMs). */
  readonly fromMs: number;
  readonly toMs: number;
  readonly query: ChartQuery;
}

/**
 * The chart calls for one history request: one call, except 1m ranges, which go in 7-day windows.
 * Daily and longer bars are asked for a day wider on each side, because their dates are local
 * to the exchange (Sydney's Monday session opens on Sunday UTC); the parser trims them back.
 * Throws ProviderError `range-unavailable` (not retryable) for an empty range or one that starts
 * before Yahoo's intraday lookback.
 */
export function planHistory(request: HistoryRequest, nowMs: number): ChartWindow[] {
  const { interval, fromMs, toMs } = request;
  if (!(toMs > fromMs)) {
    throw rangeError(`the history range is empty (from ${iso(fromMs)} to ${iso(toMs)})`);
  }
  const lookbackDays = INTRADAY_LOOKBACK_DAYS[interval];
  if (lookbackDays !== undefined && fromMs < nowMs - lookbackDays * DAY_MS - GRACE_MS) {
    throw rangeError(
      `Yahoo keeps ${interval} bars for the last ${lookbackDays} days only, but the request starts at ${iso(fromMs)}`,
    );
  }
  const windowMs = interval === '1m' ? ONE_MINUTE_WINDOW_MS : Number.POSITIVE_INFINITY;
  const windows: ChartWindow[] = [];
  for (let start = fromMs; start < toMs; start += windowMs) {
    const end = Math.min(toMs, start + windowMs);
    const pad = isIntraday(interval) ? 0 : DAY_MS;
    const query = {
      period1: Math.floor((start - pad) / 1000),
      period2: Math.ceil((end + pad) / 1000),
      interval: YAHOO_INTERVAL[interval],
    };
    windows.push({ fromMs: start, toMs: end, query });
  }
  return windows;
}

function rangeError(message: string): ProviderError {
  return new ProviderError(YAHOO, 'range-unavailable', message, false, {
    hint: 'ask for a shorter or more recent range, or a daily interval (1d, 1wk, 1mo) for older history',
  });
}

function iso(tsMs: number): string {
  return Number.isFinite(tsMs) ? new Date(tsMs).toISOString() : String(tsMs);
}
