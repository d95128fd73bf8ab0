/**
 * CoinGecko v3 payloads. Every number is a JSON number (tiny prices arrive in exponent notation,
 * `2.013e-05`), except in the 2018 `/coins/markets` recording, where some fields were text.
 */

/**
 * `GET /simple/price?ids=...&vs_currencies=usd[&include_...=true]`: coin id -> fields named after
 * the vs currency (`usd`, `usd_market_cap`, `usd_24h_vol`, `usd_24h_change`) plus
 * `last_updated_at` (unix seconds). Unknown ids are left out silently; fields can be null for coins
 * without market data.
 */
export type SimplePrice = Readonly<Record<string, Readonly<Record<string, number | null | undefined>>>>;

/** [epoch ms, value]. */
export type ChartPoint = readonly [tsMs: number, value: number];

/**
 * `GET /coins/{id}/market_chart?vs_currency=usd&days=N`: samples, not candles. Granularity is
 * automatic (5-minutely for 1 day, hourly up to 90 days, daily beyond) and the last point is "now".
 * Volumes are trailing 24-hour totals in the vs currency, not per-sample volumes.
 */
export interface MarketChart {
  readonly prices: readonly ChartPoint[];
  /** Left out in trimmed recordings. */
  readonly market_caps?: readonly ChartPoint[];
  readonly total_volumes?: readonly ChartPoint[];
}

/** One row of `GET /coins/markets?vs_currency=usd`; 2018 rows had some numbers as text. */
export interface CoinMarket {
  readonly id: string;
  /** Lower-case ticker, `btc`. */
  readonly symbol: string;
  readonly name: string;
  readonly current_price: number | string;
  readonly high_24h: number | string | null;
  readonly low_24h: number | string | null;
  readonly price_change_24h: number | string | null;
  /** 24-hour volume in the vs currency. */
  readonly total_volume: number | string | null;
  /** ISO 8601. */
  readonly last_updated: string;
}

export interface CoinGeckoStatus {
  readonly error_code: number;
  readonly error_message: string;
  readonly timestamp?: string;
}

/**
 * Three error shapes: `{"status":{...}}` (429, 10010), `{"error":{"status":{...}}}` (10012, the
 * 365-day limit, sent with 401 or even 200) and `{"error":"coin not found"}` (404).
 */
export type CoinGeckoErrorBody =
  | { readonly status: CoinGeckoStatus }
  | { readonly error: { readonly status: CoinGeckoStatus } }
  | { readonly error: string };
