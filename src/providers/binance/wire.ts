/**
 * Binance Spot REST payloads as recorded (2021) and as documented now. Prices and quantities are
 * decimal TEXT ("60685.22000000"); times are epoch ms numbers.
 */

/**
 * `GET /api/v3/klines`: [openTime, open, high, low, close, volume, closeTime, quoteVolume, trades,
 * takerBuyBaseVolume, takerBuyQuoteVolume, unused]. The last kline may still be open.
 */
export type BinanceKline = readonly [
  openTime: number,
  open: string,
  high: string,
  low: string,
  close: string,
  volume: string,
  closeTime: number,
  quoteVolume: string,
  trades: number,
  takerBuyBaseVolume: string,
  takerBuyQuoteVolume: string,
  unused: string,
];

/** `GET /api/v3/ticker/24hr?symbol=` (FULL type): a rolling 24-hour window ending at closeTime. */
export interface BinanceTicker24hr {
  readonly symbol: string;
  /** lastPrice - openPrice. */
  readonly priceChange: string;
  readonly priceChangePercent: string;
  readonly weightedAvgPrice: string;
  /** Last price before the window opened; the recording shows it equal to openPrice. */
  readonly prevClosePrice: string;
  readonly lastPrice: string;
  readonly lastQty: string;
  readonly bidPrice: string;
  readonly bidQty: string;
  readonly askPrice: string;
  readonly askQty: string;
  readonly openPrice: string;
  readonly highPrice: string;
  readonly lowPrice: string;
  /** Base-asset volume (BTC for BTCUSDT). */
  readonly volume: string;
  /** Quote-asset volume (USDT for BTCUSDT). */
  readonly quoteVolume: string;
  readonly openTime: number;
  readonly closeTime: number;
  readonly firstId: number;
  readonly lastId: number;
  readonly count: number;
}

export interface BinanceRateLimit {
  readonly rateLimitType: 'REQUEST_WEIGHT' | 'ORDERS' | 'RAW_REQUESTS';
  readonly interval: 'SECOND' | 'MINUTE' | 'DAY';
  readonly intervalNum: number;
  readonly limit: number;
}

/** Filters vary by type and change over the years (MIN_NOTIONAL became NOTIONAL); only these are read. */
export interface BinanceFilter {
  readonly filterType: string;
  readonly tickSize?: string;
  readonly stepSize?: string;
}

export interface BinanceSymbolInfo {
  readonly symbol: string;
  /** TRADING, BREAK (suspended or delisted), HALT, ... */
  readonly status: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  readonly baseAssetPrecision: number;
  readonly quoteAssetPrecision: number;
  readonly orderTypes: readonly string[];
  readonly isSpotTradingAllowed: boolean;
  readonly filters: readonly BinanceFilter[];
  /** 2021 recording: a flat list; current docs: `permissionSets` and an empty `permissions`. */
  readonly permissions?: readonly string[];
  readonly permissionSets?: readonly (readonly string[])[];
}

/** `GET /api/v3/exchangeInfo[?symbols=...]`. The docs example carries `rateLimits: [{}]` placeholders. */
export interface BinanceExchangeInfo {
  readonly timezone: string;
  readonly serverTime: number;
  readonly rateLimits: readonly Partial<BinanceRateLimit>[];
  readonly symbols: readonly BinanceSymbolInfo[];
}

/** Every REST error: `code` is negative (-1121 invalid symbol, -1003 too much weight), 0 for HTTP 451. */
export interface BinanceErrorBody {
  readonly code: number;
  readonly msg: string;
}
