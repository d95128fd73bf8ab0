import type { Decimal } from './decimal.js';

/** Where the market for a symbol is right now. */
export const MARKET_STATES = ['pre', 'regular', 'post', 'closed'] as const;
export type MarketState = (typeof MARKET_STATES)[number];

/** The latest price of one symbol with the day's context. */
export interface Quote {
  readonly symbol: string;
  readonly name: string;
  readonly currency: string;
  readonly last: Decimal;
  readonly open: Decimal;
  readonly high: Decimal;
  readonly low: Decimal;
  readonly previousClose: Decimal;
  readonly volume: Decimal;
  /** Time of the last trade, UTC epoch ms. */
  readonly tsMs: number;
  readonly marketState: MarketState;
  /** Provider id the quote came from (`demo`, `yahoo`). */
  readonly source: string;
  /** True when the numbers are simulated (the demo market). */
  readonly demo: boolean;
  /** Pre- or post-market price beside the regular one, where the source gives it. */
  readonly extended?: ExtendedHoursPrice;
}

export interface ExtendedHoursPrice {
  readonly session: 'pre' | 'post';
  readonly last: Decimal;
  /** Change against the regular session's last price. */
  readonly change: Decimal;
  readonly tsMs: number;
}

/** Change against the previous close, and the same as a percentage (4 decimals, half-even). */
export function quoteChange(quote: Pick<Quote, 'last' | 'previousClose'>): {
  change: Decimal;
  changePercent: Decimal | undefined;
} {
  const change = quote.last.minus(quote.previousClose);
  const changePercent = quote.previousClose.isZero() ? undefined : change.div(quote.previousClose).times(100).round(4);
  return { change, changePercent };
}
