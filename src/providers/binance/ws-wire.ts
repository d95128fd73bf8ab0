/**
 * Binance Spot WebSocket market streams as documented (web-socket-streams.md) and as recorded
 * (2019-2022). Prices and quantities are decimal TEXT; times are epoch ms numbers. A combined
 * stream (`/stream?streams=`) wraps every event as `{stream, data}`; a raw stream (`/ws/`) sends
 * the event itself, and `!miniTicker@arr` sends a bare array of mini tickers.
 */

/** The combined-stream envelope. */
export interface BinanceWsCombined {
  readonly stream: string;
  readonly data: unknown;
}

/** `<symbol>@trade`. Recordings before 2023 also carry buyer/seller order ids `b`/`a`. */
export interface BinanceWsTrade {
  readonly e: 'trade';
  readonly E: number;
  readonly s: string;
  readonly t: number;
  readonly p: string;
  readonly q: string;
  /** Trade time, epoch ms. */
  readonly T: number;
  readonly m: boolean;
}

/** `<symbol>@aggTrade`: trades at one price from one taker order, summed. */
export interface BinanceWsAggTrade {
  readonly e: 'aggTrade';
  readonly E: number;
  readonly s: string;
  readonly a: number;
  readonly p: string;
  readonly q: string;
  readonly T: number;
}

/** `<symbol>@kline_<interval>`; `k.x` is true on the last update of a closed candle. */
export interface BinanceWsKline {
  readonly e: 'kline';
  readonly E: number;
  readonly s: string;
  readonly k: {
    /** Candle open time, epoch ms. */
    readonly t: number;
    readonly T: number;
    readonly s: string;
    readonly i: string;
    readonly o: string;
    readonly c: string;
    readonly h: string;
    readonly l: string;
    /** Base asset volume. */
    readonly v: string;
    readonly x: boolean;
  };
}

/** `<symbol>@miniTicker` and each element of `!miniTicker@arr`: a rolling 24-hour window. */
export interface BinanceWsMiniTicker {
  readonly e: '24hrMiniTicker';
  readonly E: number;
  readonly s: string;
  readonly c: string;
  readonly o: string;
  readonly h: string;
  readonly l: string;
  readonly v: string;
  readonly q: string;
}

/** `<symbol>@ticker`: the mini ticker plus best bid/ask and the last trade's quantity `Q`. */
export interface BinanceWsTicker24hr extends Omit<BinanceWsMiniTicker, 'e'> {
  readonly e: '24hrTicker';
  readonly Q: string;
  readonly b: string;
  readonly B: string;
  readonly a: string;
  readonly A: string;
}

/**
 * `<symbol>@bookTicker`. Spot sends NO `e` and NO time; USD-M futures add `e`, `E` (event) and
 * `T` (transaction) times.
 */
export interface BinanceWsBookTicker {
  readonly e?: 'bookTicker';
  readonly u: number;
  readonly s: string;
  readonly b: string;
  readonly B: string;
  readonly a: string;
  readonly A: string;
  readonly E?: number;
  readonly T?: number;
}

/** Sent on `!serverShutdown` before maintenance closes the connection. */
export interface BinanceWsServerShutdown {
  readonly e: 'serverShutdown';
  readonly E: number;
}

/** Reply to a SUBSCRIBE/UNSUBSCRIBE request (`result: null` on success) or its error. */
export interface BinanceWsResponse {
  /** Absent from an error to a request whose id was unreadable. */
  readonly id?: number | string | null;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly msg: string };
}
