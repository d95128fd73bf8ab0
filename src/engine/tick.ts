import type { Bar } from './bar.js';
import type { Decimal } from './decimal.js';
import type { Interval } from './interval.js';

/**
 * What a live price update is: a trade print, a top-of-book quote, or a ticker snapshot (a
 * source's rolling "last price" message, which may coalesce several trades).
 */
export type TickKind = 'trade' | 'quote' | 'ticker';

/** One live price update for one symbol. */
export interface Tick {
  /** Canonical symbol (`BTC-USD`, `AAPL`), never the source's own form. */
  readonly symbol: string;
  /** When the source says the update happened, UTC epoch ms (event or trade time, not receipt). */
  readonly tsMs: number;
  readonly kind: TickKind;
  /**
   * Trade price for trades, last price for tickers; for quotes the midpoint of bid and ask, exact
   * (a half of a decimal never needs rounding), so every tick can be charted the same way.
   */
  readonly price: Decimal;
  /** Trade size for trades, last trade size for tickers where given; undefined for quotes. */
  readonly size: Decimal | undefined;
  /** Best bid and ask, where the update carries them. */
  readonly bid?: Decimal;
  readonly ask?: Decimal;
  readonly bidSize?: Decimal;
  readonly askSize?: Decimal;
  /** Provider id the tick came from (`binance`, `polygon`). */
  readonly source: string;
}

/** Control messages a stream reports, in one vocabulary across sources. */
export type StreamStatusKind =
  | 'connected'
  | 'subscribed'
  | 'authenticated'
  | 'auth-failed'
  | 'heartbeat'
  | 'shutdown'
  | 'error'
  // Reported by the stream multiplexer about its connections (see ConnectionStatus).
  | 'reconnecting'
  | 'gap-filled'
  | 'stale'
  | 'closed';

/**
 * What one raw stream frame means. `unknown` is a well-formed message this app does not use
 * (order book depth, LULD bands); `malformed` is one it cannot read (broken JSON, a known message
 * with a wrong field). Neither is thrown: a stream counts them and moves on.
 */
export type StreamEvent =
  | { readonly type: 'tick'; readonly tick: Tick }
  | {
      readonly type: 'bar';
      readonly symbol: string;
      readonly interval: Interval;
      readonly bar: Bar;
      /** False while the candle is still open and its values may change. */
      readonly closed: boolean;
      readonly source: string;
    }
  | {
      readonly type: 'status';
      readonly status: StreamStatusKind;
      readonly source: string;
      /** The source's own words, for logs and error messages. */
      readonly message?: string;
      /** The source's error or status code, as text (`406`, `max_connections`). */
      readonly code?: string;
    }
  | { readonly type: 'unknown'; readonly reason: string; readonly source: string }
  | { readonly type: 'malformed'; readonly reason: string; readonly source: string };

/**
 * The price a quote stands for: the exact midpoint of bid and ask. A side with no orders comes as
 * 0 in thin (pre-market) books, and the other side is then the price; undefined when both are 0.
 */
export function quotePrice(bid: Decimal, ask: Decimal): Decimal | undefined {
  if (bid.gt(0) && ask.gt(0)) return bid.plus(ask).div(2);
  if (bid.gt(0)) return bid;
  return ask.gt(0) ? ask : undefined;
}
