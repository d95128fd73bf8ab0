/**
 * Shapes of Yahoo Finance payloads as recorded in ../shared/fixtures/yahoo (an unofficial,
 * undocumented API). Only the fields stockato reads are listed. Every field is optional or
 * nullable because the recordings show them missing (a fund quote has no open, a delisted one no
 * prices), null (`meta.currency`, values inside indicator arrays) or replaced by an error
 * envelope; parse.ts checks each value before it uses it.
 */

/** `{ code: "Not Found", description: "No data found, symbol may be delisted" }` */
export interface WireError {
  readonly code?: string;
  readonly description?: string;
}

// --- v8 chart: GET /v8/finance/chart/{symbol}?interval=&period1=&period2=&events=div|split ---

export interface WireChartResponse {
  readonly chart?: {
    readonly result?: readonly WireChartResult[] | null;
    readonly error?: WireError | null;
  };
}

export interface WireChartResult {
  readonly meta?: WireChartMeta;
  /** Bar starts in Unix seconds; absent when there are no bars (a weekend of 1m bars). */
  readonly timestamp?: readonly number[];
  readonly events?: {
    /** Keyed by the Unix-seconds date as text. */
    readonly dividends?: Readonly<Record<string, WireDividend>>;
    readonly splits?: Readonly<Record<string, WireSplit>>;
  };
  readonly indicators?: {
    /** One element; `[{}]` when there are no bars. Arrays run parallel to `timestamp`. */
    readonly quote?: readonly WireIndicatorQuote[];
    readonly adjclose?: readonly { readonly adjclose?: readonly (number | null)[] }[];
  };
}

export interface WireChartMeta {
  /** `USD`, `EUR`, `GBp` (pence), or null (seen for LUCYW). */
  readonly currency?: string | null;
  readonly symbol?: string;
  /** Yahoo's exchange code: `NMS`, `NYQ`, `GER`, `LSE`, `CCC` (crypto), `CCY` (FX). */
  readonly exchangeName?: string;
  readonly fullExchangeName?: string;
  /** `EQUITY`, `ETF`, `MUTUALFUND`, `INDEX`, `CURRENCY`, `FUTURE`, `CRYPTOCURRENCY`, ... */
  readonly instrumentType?: string;
  /** Seconds east of UTC of the exchange now (DST of the recording time, not of each bar). */
  readonly gmtoffset?: number;
  readonly exchangeTimezoneName?: string;
  readonly longName?: string;
  readonly shortName?: string;
  readonly dataGranularity?: string;
}

/** Prices as JS numbers (float32 values widened to double); `null` for a missing bar value. */
export interface WireIndicatorQuote {
  readonly open?: readonly (number | null)[];
  readonly high?: readonly (number | null)[];
  readonly low?: readonly (number | null)[];
  readonly close?: readonly (number | null)[];
  readonly volume?: readonly (number | null)[];
}

export interface WireDividend {
  readonly amount?: number;
  /** Unix seconds of the ex-date's session open. */
  readonly date?: number;
}

export interface WireSplit {
  readonly date?: number;
  readonly numerator?: number;
  readonly denominator?: number;
  /** `4:1` */
  readonly splitRatio?: string;
}

// --- v7 quote: GET /v7/finance/quote?symbols=A,B&crumb= (needs the cookie and crumb) ---

export interface WireQuoteResponse {
  readonly quoteResponse?: {
    /** `[]` for unknown symbols and expired options; unknown ones are simply left out. */
    readonly result?: readonly WireQuote[] | null;
    readonly error?: WireError | null;
  };
  /** The 401 envelope: `{"finance":{"result":null,"error":{"code":"Unauthorized",...}}}` */
  readonly finance?: { readonly error?: WireError | null };
}

export interface WireQuote {
  readonly symbol?: string;
  /** As for chart meta, plus `NONE` for a delisted symbol that has no prices at all. */
  readonly quoteType?: string;
  /** `PREPRE`, `PRE`, `REGULAR`, `POST`, `POSTPOST`, `CLOSED` */
  readonly marketState?: string;
  readonly currency?: string;
  readonly exchange?: string;
  readonly fullExchangeName?: string;
  readonly shortName?: string;
  readonly longName?: string;
  readonly displayName?: string;
  readonly regularMarketPrice?: number;
  readonly regularMarketChange?: number;
  readonly regularMarketOpen?: number;
  readonly regularMarketDayHigh?: number;
  readonly regularMarketDayLow?: number;
  readonly regularMarketPreviousClose?: number;
  readonly regularMarketVolume?: number;
  /** Unix seconds. */
  readonly regularMarketTime?: number;
  readonly preMarketPrice?: number;
  readonly preMarketChange?: number;
  readonly preMarketTime?: number;
  readonly postMarketPrice?: number;
  readonly postMarketChange?: number;
  readonly postMarketTime?: number;
}

// --- v1 search: GET /v1/finance/search?q=&quotesCount=&newsCount= (no crumb) ---

export interface WireSearchResponse {
  readonly count?: number;
  readonly quotes?: readonly WireSearchQuote[];
  readonly news?: readonly WireNewsItem[];
}

export interface WireSearchQuote {
  readonly symbol?: string;
  readonly quoteType?: string;
  readonly exchange?: string;
  /** Display name of the exchange (`NASDAQ`, `XETRA`). */
  readonly exchDisp?: string;
  readonly shortname?: string;
  readonly longname?: string | null;
  /** False for entries that are not tradable symbols (a Crunchbase company such as "AAPlasma"). */
  readonly isYahooFinance?: boolean;
}

export interface WireNewsItem {
  readonly uuid?: string;
  readonly title?: string;
  readonly publisher?: string;
  readonly link?: string;
  /** Unix seconds. */
  readonly providerPublishTime?: number;
  /** `STORY`, `VIDEO` */
  readonly type?: string;
  /** Null on market-wide stories. */
  readonly relatedTickers?: readonly string[] | null;
}
