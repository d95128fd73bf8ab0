import type { Bar } from '../../engine/bar.js';
import type { Decimal } from '../../engine/decimal.js';
import type { Quote } from '../../engine/quote.js';
import { RateLimitError, UnknownSymbolError, type ProviderError } from '../../errors.js';
import { requireCanonical, unsupportedSymbol } from '../symbols.js';
import {
  Wire,
  errorBodyMessage,
  genericHttpError,
  oldestFirst,
  tryParseJson,
  type ErrorContext,
} from '../wire-guards.js';
import { COINBASE } from './symbols.js';
import type { AdvancedTradeCandles, ExchangeCandle, ExchangeStats, ExchangeTicker } from './wire.js';

/** Advanced Trade candles (text fields, newest first) -> bars, oldest first. */
export function parseAdvancedTradeCandles(body: unknown): Bar[] {
  const candles = Wire.root<AdvancedTradeCandles>(COINBASE, body, 'candles').get('candles').items();
  const bars = candles.map((candle) => ({
    tsMs: candle.get('start').epochSecondsMs(),
    open: candle.get('open').price(),
    high: candle.get('high').price(),
    low: candle.get('low').price(),
    close: candle.get('close').price(),
    volume: candle.get('volume').quantity(),
  }));
  return oldestFirst(COINBASE, bars, 'candles');
}

/** Exchange candles ([time, low, high, open, close, volume] numbers, newest first) -> bars, oldest first. */
export function parseExchangeCandles(body: unknown): Bar[] {
  const rows = Wire.root<readonly ExchangeCandle[]>(COINBASE, body, 'candles').items();
  const bars = rows.map((row) => ({
    tsMs: row.at(0).epochSecondsMs(),
    open: row.at(3).price(),
    high: row.at(2).price(),
    low: row.at(1).price(),
    close: row.at(4).price(),
    volume: row.at(5).quantity(),
  }));
  return oldestFirst(COINBASE, bars, 'candles');
}

/** The last trade and the top of the book, from the Exchange ticker. */
export interface CoinbaseTicker {
  readonly last: Decimal;
  readonly size: Decimal;
  readonly bid: Decimal;
  readonly ask: Decimal;
  /** Base-asset volume over the last 24 hours. */
  readonly volume24h: Decimal;
  readonly tsMs: number;
  readonly tradeId: string;
}

export function parseExchangeTicker(body: unknown): CoinbaseTicker {
  const ticker = Wire.root<ExchangeTicker>(COINBASE, body, 'ticker');
  const tradeId = ticker.get('trade_id');
  return {
    last: ticker.get('price').price(),
    size: ticker.get('size').quantity(),
    bid: ticker.get('bid').quantity(),
    ask: ticker.get('ask').quantity(),
    volume24h: ticker.get('volume').quantity(),
    tsMs: ticker.get('time').isoTimeMs(),
    tradeId: typeof tradeId.value === 'number' ? String(tradeId.integer()) : tradeId.nonEmptyString(),
  };
}

/** The rolling 24-hour window from the Exchange stats endpoint. */
export interface CoinbaseStats {
  readonly open: Decimal;
  readonly high: Decimal;
  readonly low: Decimal;
  readonly last: Decimal;
  readonly volume: Decimal;
}

export function parseExchangeStats(body: unknown): CoinbaseStats {
  const stats = Wire.root<ExchangeStats>(COINBASE, body, 'stats');
  return {
    open: stats.get('open').price(),
    high: stats.get('high').price(),
    low: stats.get('low').price(),
    last: stats.get('last').price(),
    volume: stats.get('volume').quantity(),
  };
}

/**
 * A quote needs both endpoints: the ticker has the last trade and its time, the stats the day's
 * range. As on Binance, crypto has no close, so `previousClose` is the price 24 hours ago (stats
 * open) and the market is always `regular`.
 */
export function quoteFromTickerAndStats(
  ticker: CoinbaseTicker,
  stats: CoinbaseStats,
  options: { readonly symbol: string; readonly name?: string },
): Quote {
  const canonical = requireCanonical(COINBASE, options.symbol);
  if (canonical.kind !== 'crypto') throw unsupportedSymbol(COINBASE, options.symbol, 'it is not a crypto pair');
  return {
    symbol: options.symbol,
    name: options.name ?? options.symbol,
    currency: canonical.quote,
    last: ticker.last,
    open: stats.open,
    // The ticker can be a trade newer than the stats snapshot; keep the range consistent with it.
    high: ticker.last.gt(stats.high) ? ticker.last : stats.high,
    low: ticker.last.lt(stats.low) ? ticker.last : stats.low,
    previousClose: stats.open,
    volume: stats.volume,
    tsMs: ticker.tsMs,
    marketState: 'regular',
    source: COINBASE,
    demo: false,
  };
}

/**
 * Exchange answers an unknown product with 404 `{"message":"NotFound"}` and throttling with 429
 * `{"message":"Public rate limit exceeded"}` (10 requests per second per IP on public endpoints).
 */
export function classifyError(status: number, body: unknown, context: ErrorContext = {}): ProviderError {
  const message = errorBodyMessage(tryParseJson(body));
  const text = `coinbase answered HTTP ${status}${message ? `: ${message}` : ''}`;
  if (status === 429) {
    return new RateLimitError(COINBASE, text, context.retryAfterMs, {
      hint: 'Coinbase allows about 10 public requests per second per IP',
    });
  }
  const notFound = status === 404 || /not ?found/i.test(message ?? '');
  if (notFound && context.symbol !== undefined)
    return new UnknownSymbolError(COINBASE, context.symbol, { cause: text });
  return genericHttpError(COINBASE, status, message, context);
}
