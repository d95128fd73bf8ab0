/**
 * Coinbase WebSocket messages. Two feeds with two shapes:
 *
 * - Exchange (`ws-feed.exchange.coinbase.com`): one message per frame with a top-level `type`.
 * - Advanced Trade (`advanced-trade-ws.coinbase.com`): envelopes `{channel, timestamp, events}`.
 *   Coinbase's AsyncAPI spec says production omits `client_id` and sends `heartbeat_counter` as an
 *   integer while the prose docs show a string, so both are accepted.
 *
 * Prices and sizes are decimal TEXT; times are RFC 3339 text (candle starts are unix-seconds text).
 */

/** Exchange `ticker`: the last trade plus the 24-hour window and (since 2022) best bid/ask sizes. */
export interface CoinbaseExchangeTicker {
  readonly type: 'ticker';
  readonly product_id: string;
  readonly price: string;
  readonly best_bid?: string;
  readonly best_ask?: string;
  readonly best_bid_size?: string;
  readonly best_ask_size?: string;
  readonly time: string;
  readonly last_size?: string;
}

/** Exchange `match` / `last_match`: one trade. */
export interface CoinbaseExchangeMatch {
  readonly type: 'match' | 'last_match';
  readonly product_id: string;
  readonly price: string;
  readonly size: string;
  readonly time: string;
}

/** Exchange `error`; `reason` says which subscription failed and why. */
export interface CoinbaseExchangeError {
  readonly type: 'error';
  readonly message: string;
  readonly reason?: string;
}

/** Advanced Trade envelope. */
export interface CoinbaseAdvancedEnvelope {
  readonly channel: string;
  readonly client_id?: string;
  readonly timestamp: string;
  readonly sequence_num?: number;
  readonly events: readonly unknown[];
}

/** Advanced Trade `ticker` / `ticker_batch` item (`ticker_batch` omits best bid/ask). */
export interface CoinbaseAdvancedTicker {
  readonly product_id: string;
  readonly price: string;
  readonly best_bid?: string;
  readonly best_bid_quantity?: string;
  readonly best_ask?: string;
  readonly best_ask_quantity?: string;
}

/** Advanced Trade `market_trades` item. */
export interface CoinbaseAdvancedTrade {
  readonly product_id: string;
  readonly price: string;
  readonly size: string;
  readonly time: string;
}

/** Advanced Trade `candles` item: always five-minute candles, `start` in unix seconds as text. */
export interface CoinbaseAdvancedCandle {
  readonly product_id: string;
  readonly start: string;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: string;
}

/** Advanced Trade `heartbeats` item. */
export interface CoinbaseAdvancedHeartbeat {
  readonly current_time: string;
  readonly heartbeat_counter: string | number;
}
