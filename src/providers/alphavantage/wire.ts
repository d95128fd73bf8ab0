/**
 * Alpha Vantage payloads: one endpoint, `function=` picks the shape. Keys are numbered labels
 * ("05. price") and almost every value is TEXT, numbers included. Errors and throttling also come
 * back with HTTP 200, as a body with a single `Note`, `Information` or `Error Message` key.
 */

/** `function=GLOBAL_QUOTE`. For an unknown symbol the inner object is empty: `{"Global Quote":{}}`. */
export interface AvGlobalQuote {
  readonly 'Global Quote': {
    readonly '01. symbol'?: string;
    readonly '02. open'?: string;
    readonly '03. high'?: string;
    readonly '04. low'?: string;
    readonly '05. price'?: string;
    readonly '06. volume'?: string;
    /** `YYYY-MM-DD`: the date only, no time. */
    readonly '07. latest trading day'?: string;
    readonly '08. previous close'?: string;
    readonly '09. change'?: string;
    /** `-0.5852%`. */
    readonly '10. change percent'?: string;
  };
}

export interface AvBarFields {
  readonly '1. open': string;
  readonly '2. high': string;
  readonly '3. low': string;
  readonly '4. close': string;
  readonly '5. volume': string;
}

/**
 * `function=TIME_SERIES_DAILY` / `TIME_SERIES_INTRADAY`: `Time Series (Daily)` or `Time Series (1min)`,
 * an object keyed by date (`2023-11-28`) or by New York wall time (`2017-12-18 14:56:00`), newest
 * first. The meta data names the zone under a numbered key that varies ("5. Time Zone",
 * "6. Time Zone").
 */
export interface AvTimeSeries {
  readonly 'Meta Data': Readonly<Record<string, string>>;
  readonly [series: `Time Series (${string})`]: Readonly<Record<string, AvBarFields>>;
}

export interface AvTickerSentiment {
  /** `AAPL`, `CRYPTO:BTC`, `FOREX:USD`. */
  readonly ticker: string;
  readonly relevance_score: string;
  readonly ticker_sentiment_score: string;
  readonly ticker_sentiment_label: string;
}

export interface AvNewsItem {
  readonly title: string;
  readonly url: string;
  /** `20240504T160317`; the zone is not documented (read as UTC). */
  readonly time_published: string;
  readonly authors: readonly string[];
  readonly summary: string;
  readonly banner_image: string | null;
  readonly source: string;
  readonly category_within_source: string;
  readonly source_domain: string;
  readonly topics: readonly { readonly topic: string; readonly relevance_score: string }[];
  /** A NUMBER, unlike the per-ticker scores. */
  readonly overall_sentiment_score: number;
  readonly overall_sentiment_label: string;
  readonly ticker_sentiment: readonly AvTickerSentiment[];
}

/** `function=NEWS_SENTIMENT`. `items` is a count as text. */
export interface AvNewsSentiment {
  readonly items: string;
  readonly sentiment_score_definition: string;
  readonly relevance_score_definition: string;
  readonly feed: readonly AvNewsItem[];
}

export interface AvSymbolMatch {
  /** `BA`, `6190.HKG`. */
  readonly '1. symbol': string;
  readonly '2. name': string;
  /** `Equity`, `ETF`, `Mutual Fund`. */
  readonly '3. type': string;
  readonly '4. region': string;
  readonly '5. marketOpen': string;
  readonly '6. marketClose': string;
  readonly '7. timezone': string;
  readonly '8. currency': string;
  readonly '9. matchScore': string;
}

/** `function=SYMBOL_SEARCH&keywords=`. */
export interface AvSymbolSearch {
  readonly bestMatches: readonly AvSymbolMatch[];
}

/** What Alpha Vantage sends instead of data, with HTTP 200. */
export interface AvErrorBody {
  /** Legacy per-minute throttle. */
  readonly Note?: string;
  /** Daily limit, demo key, premium endpoint. */
  readonly Information?: string;
  /** Invalid call: bad function, symbol or parameters. */
  readonly 'Error Message'?: string;
}
