/**
 * Finnhub REST payloads. Every number is a JSON number; older (2020) candles carry float32
 * artefacts such as 116.31999969482, which are kept as that exact decimal text.
 */

/**
 * `GET /quote?symbol=`. An unknown symbol still answers HTTP 200, with `c`, `h`, `l`, `o`, `pc`
 * and `t` all 0 and `d`/`dp` null. There is no volume.
 */
export interface FinnhubQuote {
  readonly c: number;
  readonly d: number | null;
  readonly dp: number | null;
  readonly h: number;
  readonly l: number;
  readonly o: number;
  readonly pc: number;
  /** Unix seconds of the last trade. */
  readonly t: number;
}

/** `GET /stock/candle`: parallel column arrays, or only `{"s":"no_data"}` for an empty range. */
export interface FinnhubCandles {
  readonly s: 'ok' | 'no_data';
  readonly c?: readonly number[];
  readonly h?: readonly number[];
  readonly l?: readonly number[];
  readonly o?: readonly number[];
  /** Unix seconds; daily bars start at 00:00 UTC. */
  readonly t?: readonly number[];
  readonly v?: readonly number[];
}

/** One item of `GET /company-news?symbol=&from=&to=`. */
export interface FinnhubNews {
  readonly category: string;
  /** Unix seconds. */
  readonly datetime: number;
  readonly headline: string;
  readonly id: number;
  readonly image: string;
  /** The symbol asked for, or a comma-separated list. */
  readonly related: string;
  /** A publisher name ("Yahoo") or, in 2020 recordings, the publisher's home page URL. */
  readonly source: string;
  readonly summary: string;
  readonly url: string;
}

/** `GET /stock/profile2?symbol=`; `{}` for an unknown symbol. */
export interface FinnhubProfile {
  readonly country?: string;
  readonly currency?: string;
  /** Long exchange name: "NASDAQ NMS - GLOBAL MARKET". */
  readonly exchange?: string;
  readonly finnhubIndustry?: string;
  readonly ipo?: string;
  readonly logo?: string;
  /** Millions of the profile currency. */
  readonly marketCapitalization?: number;
  readonly name?: string;
  readonly phone?: string;
  readonly shareOutstanding?: number;
  readonly ticker?: string;
  readonly weburl?: string;
}

/** Errors: `{"error":"Invalid API key."}` (401), `{"error":"You don't have access to this resource."}` (403). */
export interface FinnhubErrorBody {
  readonly error: string;
}
