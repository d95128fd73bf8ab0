import type { MarketState } from '../engine/quote.js';
import type { CanonicalSymbol } from './symbols.js';

/**
 * Market state by the clock, for sources whose quotes do not say (Polygon, Finnhub, Alpaca,
 * Alpha Vantage). New York wall time decides; Intl supplies its DST rules. Exchange holidays and
 * half days are not known here, so a holiday reads as a normal weekday.
 */

/**
 * US stocks at `tsMs`: pre-market 04:00-09:30, regular 09:30-16:00, post-market 16:00-20:00 on
 * weekdays, closed otherwise.
 */
export function usEquityMarketState(tsMs: number): MarketState {
  const { weekday, minute } = newYorkTime(tsMs);
  if (weekday === 'Sat' || weekday === 'Sun') return 'closed';
  if (minute < 4 * 60 || minute >= 20 * 60) return 'closed';
  if (minute < 9 * 60 + 30) return 'pre';
  return minute < 16 * 60 ? 'regular' : 'post';
}

/**
 * The state of the market a canonical symbol trades in at `tsMs`: crypto never closes; FX trades
 * from Sunday 17:00 to Friday 17:00 New York time; shares, indices and futures follow the US
 * stock session.
 */
export function marketStateOfKind(kind: CanonicalSymbol['kind'], tsMs: number): MarketState {
  if (kind === 'crypto') return 'regular';
  if (kind !== 'fx') return usEquityMarketState(tsMs);
  const { weekday, minute } = newYorkTime(tsMs);
  const closed =
    weekday === 'Sat' || (weekday === 'Fri' && minute >= 17 * 60) || (weekday === 'Sun' && minute < 17 * 60);
  return closed ? 'closed' : 'regular';
}

const NEW_YORK = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  weekday: 'short',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function newYorkTime(tsMs: number): { weekday: string; minute: number } {
  const parts = NEW_YORK.formatToParts(new Date(tsMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: part('weekday'), minute: Number(part('hour')) * 60 + Number(part('minute')) };
}
