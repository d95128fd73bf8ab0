/**
 * Alpaca market data (`data.alpaca.markets`) payloads. Prices and sizes are JSON numbers (crypto
 * sizes are fractional); times are RFC 3339 text with up to nanosecond fractions. Multi-symbol
 * endpoints key their results by Alpaca's symbol (`AAPL`, `BRK.B`, `BTC/USD`).
 */

/** Daily bars start at midnight New York time (`2022-02-01T05:00:00Z`). */
export interface AlpacaBar {
  readonly t: string;
  readonly o: number;
  readonly h: number;
  readonly l: number;
  readonly c: number;
  readonly v: number;
  readonly n?: number;
  readonly vw?: number;
}

/**
 * `GET /v2/stocks/bars?symbols=` and `/v1beta3/crypto/us/bars`. Pages are cut by bar count across
 * all symbols, so one symbol's bars can continue on the next page. `sort=desc` gives newest first.
 * No data at all is `{"bars":{},"next_page_token":null}`.
 */
export interface AlpacaBars {
  readonly bars: Readonly<Record<string, readonly AlpacaBar[]>>;
  readonly next_page_token: string | null;
}

/** `GET /v2/stocks/bars/latest?symbols=`: the latest minute bar per symbol. */
export interface AlpacaLatestBars {
  readonly bars: Readonly<Record<string, AlpacaBar>>;
}

export interface AlpacaTrade {
  readonly t: string;
  /** Exchange code. */
  readonly x: string;
  readonly p: number;
  readonly s: number;
  readonly c?: readonly string[];
  readonly i: number;
  /** Tape. */
  readonly z: string;
}

export interface AlpacaQuote {
  readonly t: string;
  readonly ax?: string;
  readonly ap: number;
  readonly as: number;
  readonly bx?: string;
  readonly bp: number;
  readonly bs: number;
  readonly c?: readonly string[];
  readonly z?: string;
}

/** Any part can be missing for a symbol with little trading. */
export interface AlpacaSnapshot {
  readonly latestTrade?: AlpacaTrade;
  readonly latestQuote?: AlpacaQuote;
  readonly minuteBar?: AlpacaBar;
  /** The current session's bar; until the next session opens, the last one's. */
  readonly dailyBar?: AlpacaBar;
  readonly prevDailyBar?: AlpacaBar;
}

/**
 * `GET /v2/stocks/snapshots?symbols=` answers symbol -> snapshot at the top level; the crypto
 * endpoint wraps the same map in `snapshots`.
 */
export type AlpacaSnapshots = Readonly<Record<string, AlpacaSnapshot | null>>;

export interface AlpacaNewsItem {
  readonly id: number;
  readonly headline: string;
  readonly author: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly summary: string;
  readonly content: string;
  readonly url: string;
  readonly images: readonly { readonly size: string; readonly url: string }[];
  readonly symbols: readonly string[];
  /** `benzinga` in practice. */
  readonly source: string;
}

/** `GET /v1beta1/news?symbols=`, newest first. */
export interface AlpacaNews {
  readonly news: readonly AlpacaNewsItem[];
  readonly next_page_token: string | null;
}

/** Errors: `{"code":40110000,"message":"request is not authorized"}`; market data often sends only `message`. */
export interface AlpacaErrorBody {
  readonly code?: number;
  readonly message: string;
}
