/**
 * Coinbase has two public REST APIs with different shapes. Advanced Trade (the current retail API)
 * sends every number as TEXT; Coinbase Exchange sends candles as bare JSON numbers and tickers as
 * text. Both send candles newest first.
 */

/** One candle of Advanced Trade `GET /api/v3/brokerage/market/products/{id}/candles`. */
export interface AdvancedTradeCandle {
  /** Unix seconds, as text ("1712192400"). */
  readonly start: string;
  readonly low: string;
  readonly high: string;
  readonly open: string;
  readonly close: string;
  readonly volume: string;
}

export interface AdvancedTradeCandles {
  readonly candles: readonly AdvancedTradeCandle[];
}

/** Exchange `GET /products/{id}/candles`: [time (unix s), low, high, open, close, volume]; note the order. */
export type ExchangeCandle = readonly [
  time: number,
  low: number,
  high: number,
  open: number,
  close: number,
  volume: number,
];

/** Exchange `GET /products/{id}/ticker`: the last trade and the book top; volume is the base asset over 24 h. */
export interface ExchangeTicker {
  readonly ask: string;
  readonly bid: string;
  readonly volume: string;
  /** A number from the live API; the recorded (ccxt) capture has it as text. */
  readonly trade_id: number | string;
  readonly price: string;
  readonly size: string;
  /** RFC 3339 with microseconds. */
  readonly time: string;
  readonly rfq_volume?: string;
}

/**
 * Exchange `GET /products/{id}/stats`: a rolling 24-hour window. No recorded capture exists in the
 * shared fixtures; this is the documented shape.
 */
export interface ExchangeStats {
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly last: string;
  readonly volume: string;
  readonly volume_30day?: string;
}

/** Exchange errors: `{"message":"NotFound"}`. Advanced Trade adds `error` and `error_details`. */
export interface CoinbaseErrorBody {
  readonly message?: string;
  readonly error?: string;
  readonly error_details?: string;
}
