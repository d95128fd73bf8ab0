import { aggregateBars, type Bar } from '../../engine/bar.js';
import { Decimal } from '../../engine/decimal.js';
import { bucketStart, type Interval } from '../../engine/interval.js';
import type { Quote } from '../../engine/quote.js';
import { ProviderError, RateLimitError, UnknownSymbolError } from '../../errors.js';
import type { QuoteBatch, SymbolFailure } from '../provider.js';
import { cryptoSymbol } from '../symbols.js';
import { Wire, errorBodyMessage, genericHttpError, tryParseJson, type ErrorContext } from '../wire-guards.js';
import { COINGECKO, type CoinGeckoTarget } from './symbols.js';
import type { CoinMarket, MarketChart, SimplePrice } from './wire.js';

export interface SimplePriceRequest extends CoinGeckoTarget {
  /** The canonical symbol asked for, `BTC-USD`. */
  readonly symbol: string;
}

/**
 * `/simple/price` -> one quote per request; ids CoinGecko left out become UnknownSymbolError
 * failures. The endpoint gives only the price, 24h change, 24h volume and update time, so:
 * - previousClose (and open) = last / (1 + change%/100), the price 24 hours ago, rounded to 4 more
 *   places than last has; equal to last when CoinGecko has no change figure;
 * - high / low = the larger / smaller of last and previousClose: the narrowest range consistent
 *   with both (the true 24h range is at least this wide; /coins/markets has the real one);
 * - volume = 24h volume in the vs currency / last, rounded to 8 places: coins, approximately;
 * - tsMs = last_updated_at, else `receivedMs`.
 */
export function parseSimplePrice(
  body: unknown,
  requests: readonly SimplePriceRequest[],
  receivedMs: number,
): QuoteBatch {
  const root = Wire.root<SimplePrice>(COINGECKO, throwIfErrorBody(body), 'simple/price');
  const coins = new Map(root.entries());
  const quotes: Quote[] = [];
  const failures: SymbolFailure[] = [];
  for (const request of requests) {
    const entry = coins.get(request.id);
    try {
      if (entry?.present() && entry.has(request.vsCurrency)) quotes.push(simplePriceQuote(entry, request, receivedMs));
      else failures.push({ symbol: request.symbol, error: new UnknownSymbolError(COINGECKO, request.symbol) });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      failures.push({ symbol: request.symbol, error });
    }
  }
  return { quotes, failures };
}

function simplePriceQuote(entry: Wire<SimplePrice[string]>, request: SimplePriceRequest, receivedMs: number): Quote {
  const vs = request.vsCurrency;
  const last = entry.get(vs).price();
  const changePercent = entry.get(`${vs}_24h_change`).optional()?.decimal();
  const previousClose = changePercent
    ? last.div(Decimal.ONE.plus(changePercent.div(100))).round(decimalPlaces(last) + 4)
    : last;
  const volume = entry.get(`${vs}_24h_vol`).optional()?.quantity();
  const updatedMs = entry.get('last_updated_at').optional()?.epochSecondsMs();
  return {
    symbol: request.symbol,
    name: request.symbol,
    currency: vs.toUpperCase(),
    last,
    open: previousClose,
    high: Decimal.max(last, previousClose),
    low: Decimal.min(last, previousClose),
    previousClose,
    volume: volume ? volume.div(last).round(8) : Decimal.ZERO,
    tsMs: updatedMs ?? receivedMs,
    marketState: 'regular',
    source: COINGECKO,
    demo: false,
  };
}

function decimalPlaces(value: Decimal): number {
  const text = value.toString();
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * `/coins/markets?vs_currency=` -> quotes with the real 24h high and low. previousClose =
 * current_price - price_change_24h (exact on the numbers given); volume is converted to coins as
 * in parseSimplePrice. Symbols come from each row's ticker (`btc` -> `BTC-USD`).
 */
export function parseCoinsMarkets(body: unknown, vsCurrency: string): Quote[] {
  const rows = Wire.root<readonly CoinMarket[]>(COINGECKO, throwIfErrorBody(body), 'coins/markets').items();
  return rows.map((row) => {
    const last = row.get('current_price').price();
    const previousClose = last.minus(row.get('price_change_24h').decimal());
    if (!previousClose.gt(0)) row.get('price_change_24h').fail('a change that leaves a price above zero');
    const symbol = cryptoSymbol(row.get('symbol').nonEmptyString(), vsCurrency);
    return {
      symbol,
      name: row.get('name').nonEmptyString(),
      currency: vsCurrency.toUpperCase(),
      last,
      open: previousClose,
      high: row.get('high_24h').price(),
      low: row.get('low_24h').price(),
      previousClose,
      volume: row.get('total_volume').quantity().div(last).round(8),
      tsMs: row.get('last_updated').isoTimeMs(),
      marketState: 'regular',
      source: COINGECKO,
      demo: false,
    };
  });
}

/**
 * `/coins/{id}/market_chart` -> bars of `interval`, built from price samples: open = first sample
 * in the bar, close = last, high / low = extremes of the samples (so they understate the true
 * range between samples). Volume is ZERO: the chart's volumes are trailing 24h totals, which would
 * be wrong as a bar's volume. Use an interval no finer than the samples (5 min for 1 day, 1 h up
 * to 90 days, 1 d beyond); the last bar is open ("now" is the last sample).
 */
export function parseMarketChart(body: unknown, interval: Interval): Bar[] {
  const chart = Wire.root<MarketChart>(COINGECKO, throwIfErrorBody(body), 'market_chart');
  const samples: Bar[] = chart
    .get('prices')
    .items()
    .map((point) => {
      const price = point.at(1).price();
      return { tsMs: point.at(0).epochMs(), open: price, high: price, low: price, close: price, volume: Decimal.ZERO };
    });
  samples.sort((a, b) => a.tsMs - b.tsMs);
  return aggregateBars(samples, (tsMs) => bucketStart(interval, tsMs));
}

/** CoinGecko sends the 365-day limit error with HTTP 200 at times; parsers check every body. */
function throwIfErrorBody(body: unknown): unknown {
  if (typeof body === 'object' && body !== null && ('error' in body || 'status' in body)) {
    throw classifyError(200, body);
  }
  return body;
}

function errorCode(body: unknown): number | undefined {
  const record = body as { status?: { error_code?: unknown }; error?: { status?: { error_code?: unknown } } };
  const code =
    record?.status?.error_code ?? (typeof record?.error === 'object' ? record.error?.status?.error_code : undefined);
  return typeof code === 'number' ? code : undefined;
}

/**
 * Status and body -> error. 429 is the rate limit (its Retry-After is often 0, which says nothing,
 * so it is dropped); 10012 is the public / Demo plan's 365-day history limit; 10010 a Pro key sent
 * to the public host; 404 `coin not found` an unknown id.
 */
export function classifyError(status: number, body: unknown, context: ErrorContext = {}): ProviderError {
  const parsed = tryParseJson(body);
  const code = errorCode(parsed);
  const message = errorBodyMessage(parsed);
  const text = `coingecko answered HTTP ${status}${message ? `: ${message}` : ''}`;
  if (status === 429 || code === 429) {
    const retryAfterMs = context.retryAfterMs ? context.retryAfterMs : undefined;
    return new RateLimitError(COINGECKO, text, retryAfterMs, {
      hint: 'the keyless and Demo plans allow a few dozen calls a minute; a Demo key (stockato keys set coingecko) helps',
    });
  }
  if (code === 10012) {
    return new ProviderError(COINGECKO, 'history-limit', text, false, {
      hint: 'the public and Demo plans serve only the past 365 days; ask for a shorter range',
    });
  }
  if (code === 10010) {
    return new ProviderError(COINGECKO, 'unauthorized', text, false, {
      hint: 'a Pro key needs the pro-api.coingecko.com host; a Demo key the public one',
    });
  }
  if (status === 404 && /coin not found/i.test(message ?? '') && context.symbol !== undefined) {
    return new UnknownSymbolError(COINGECKO, context.symbol, { cause: text });
  }
  return genericHttpError(COINGECKO, status, message, context);
}
