/**
 * Polygon.io (now Massive) REST payloads. Prices and volumes are JSON numbers. Aggregate `t` is
 * epoch MILLISECONDS; trade, quote and snapshot times are epoch NANOSECONDS, which exceed 2^53:
 * read with parseJsonKeepingBigIntegers they arrive as digit strings and stay exact.
 */

/** Epoch nanoseconds: a number from JSON.parse (rounded), digits from parseJsonKeepingBigIntegers (exact). */
export type Nanoseconds = number | string;

/** One aggregate bar. Daily bars start at midnight New York time. */
export interface PolygonAgg {
  /** Ticker; only on grouped and previous-close results. */
  readonly T?: string;
  readonly v: number;
  readonly vw?: number;
  readonly o: number;
  readonly c: number;
  readonly h: number;
  readonly l: number;
  /** Epoch ms of the bar start. */
  readonly t: number;
  readonly n?: number;
  readonly otc?: boolean;
}

/**
 * `/v2/aggs/ticker/{T}/range/...`, `/v2/aggs/ticker/{T}/prev`, `/v2/aggs/grouped/...`. `results` is
 * left out entirely when nothing matched. `status` is OK, or DELAYED on plans with delayed data.
 */
export interface PolygonAggregates {
  readonly ticker?: string;
  readonly queryCount: number;
  readonly resultsCount: number;
  readonly adjusted: boolean;
  readonly results?: readonly PolygonAgg[];
  readonly status: string;
  readonly request_id: string;
  readonly count?: number;
  /** Next page (does not carry the API key; add it again). */
  readonly next_url?: string;
}

/** The day's (or previous day's) summary inside a snapshot; all zeros before the day's first trade. */
export interface PolygonSnapshotDay {
  readonly o: number;
  readonly h: number;
  readonly l: number;
  readonly c: number;
  readonly v: number;
  readonly vw?: number;
}

export interface PolygonSnapshotTicker {
  readonly ticker: string;
  readonly day: PolygonSnapshotDay;
  readonly prevDay: PolygonSnapshotDay;
  readonly min?: PolygonSnapshotDay & { readonly t: number; readonly n?: number; readonly av?: number };
  /** Missing on plans without trade data. */
  readonly lastTrade?: {
    readonly c: readonly number[] | null;
    readonly i: string;
    readonly p: number;
    readonly s: number;
    readonly t: Nanoseconds;
    readonly x: number;
  };
  readonly lastQuote?: {
    readonly P: number;
    readonly S: number;
    readonly p: number;
    readonly s: number;
    readonly t: Nanoseconds;
  };
  readonly todaysChange: number;
  readonly todaysChangePerc: number;
  readonly updated: Nanoseconds;
  /** Fair market value; only on some plans. */
  readonly fmv?: number;
}

/** `/v2/snapshot/locale/us/markets/stocks/tickers/{T}`. */
export interface PolygonSnapshot {
  readonly status: string;
  readonly request_id?: string;
  readonly ticker: PolygonSnapshotTicker;
}

/** `/v2/snapshot/locale/us/markets/stocks/tickers?tickers=...` and `/gainers`, `/losers`. */
export interface PolygonSnapshotList {
  readonly status: string;
  readonly tickers: readonly PolygonSnapshotTicker[];
}

/** `/v1/open-close/{T}/{date}`: one day's regular session plus pre-market and after-hours prices. */
export interface PolygonDailyOpenClose {
  readonly status: string;
  /** The date, `YYYY-MM-DD`. */
  readonly from: string;
  readonly symbol: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly preMarket?: number;
  readonly afterHours?: number;
}

export interface PolygonNewsItem {
  readonly id: string;
  readonly publisher: {
    readonly name: string;
    readonly homepage_url?: string;
    readonly logo_url?: string;
    readonly favicon_url?: string;
  };
  readonly title: string;
  readonly author?: string;
  /** RFC 3339, UTC. */
  readonly published_utc: string;
  readonly article_url: string;
  readonly tickers: readonly string[];
  readonly amp_url?: string;
  readonly image_url?: string;
  readonly description?: string;
}

/** `/v2/reference/news?ticker=`. */
export interface PolygonNews {
  readonly results: readonly PolygonNewsItem[];
  readonly status: string;
  readonly request_id: string;
  readonly count: number;
  readonly next_url?: string;
}

/** `/v1/marketstatus/now`. */
export interface PolygonMarketStatus {
  readonly market: 'open' | 'closed' | 'extended-hours';
  readonly earlyHours: boolean;
  readonly afterHours: boolean;
  /** RFC 3339 with the New York offset. */
  readonly serverTime: string;
  readonly exchanges: Readonly<Record<string, string>>;
  readonly currencies: { readonly fx: string; readonly crypto: string };
}

/**
 * Errors: `{"status":"ERROR","request_id":...,"error":"Unknown API Key"}` (401, 429) and
 * `{"status":"NOT_AUTHORIZED","request_id":...,"message":"You are not entitled to this data..."}` (403).
 */
export interface PolygonErrorBody {
  readonly status: string;
  readonly request_id: string;
  readonly error?: string;
  readonly message?: string;
}
