import { Decimal } from '../../engine/decimal.js';
import type { Quote } from '../../engine/quote.js';
import type { Tick } from '../../engine/tick.js';

/** How many recent prices a row keeps for its sparkline, and how much time one point covers. */
export const SPARK_POINTS = 48;
export const SPARK_STEP_MS = 2_000;

/** One watchlist row's live state. */
export interface MarketRow {
  readonly symbol: string;
  readonly quote?: Quote;
  /** Recent prices, oldest first, at most SPARK_POINTS: the last price of each SPARK_STEP_MS. */
  readonly spark: readonly number[];
  /** The SPARK_STEP_MS bucket of the newest spark point. */
  readonly sparkBucket?: number;
  /** Our clock when the latest price arrived (staleness is measured from here). */
  readonly receivedMs?: number;
  /** Why the last request for this symbol failed, until a price arrives. */
  readonly error?: string;
}

export function emptyRow(symbol: string): MarketRow {
  return { symbol, spark: [] };
}

export function withQuote(row: MarketRow, quote: Quote, receivedMs: number): MarketRow {
  return { symbol: row.symbol, quote, receivedMs, ...pushSpark(row, quote.last.toNumber(), receivedMs) };
}

/**
 * A tick applied to the row's quote: new last price, high and low stretched, volume grown by a
 * trade's size. A tick before any quote is kept as a minimal quote (previous close unknown: the
 * price itself, so change shows 0 until a snapshot arrives).
 */
export function withTick(row: MarketRow, tick: Tick, receivedMs: number): MarketRow {
  const base = row.quote;
  const price = tick.price;
  const quote: Quote = base
    ? {
        ...base,
        last: price,
        high: price.gt(base.high) ? price : base.high,
        low: price.lt(base.low) ? price : base.low,
        volume: tick.kind === 'trade' && tick.size ? base.volume.plus(tick.size) : base.volume,
        tsMs: tick.tsMs,
        source: tick.source,
      }
    : {
        symbol: tick.symbol,
        name: tick.symbol,
        currency: '',
        last: price,
        open: price,
        high: price,
        low: price,
        previousClose: price,
        volume: tick.size ?? Decimal.ZERO,
        tsMs: tick.tsMs,
        marketState: 'regular',
        source: tick.source,
        demo: tick.source === 'demo',
      };
  return { symbol: row.symbol, quote, receivedMs, ...pushSpark(row, price.toNumber(), receivedMs) };
}

/** A new point per time bucket; within the same bucket the newest price replaces the last point. */
function pushSpark(row: MarketRow, value: number, atMs: number): { spark: number[]; sparkBucket: number } {
  const bucket = Math.floor(atMs / SPARK_STEP_MS);
  const spark = [...row.spark];
  if (row.sparkBucket === bucket && spark.length > 0) spark[spark.length - 1] = value;
  else spark.push(value);
  return { spark: spark.length > SPARK_POINTS ? spark.slice(-SPARK_POINTS) : spark, sparkBucket: bucket };
}
