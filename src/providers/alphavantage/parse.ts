import type { Bar } from '../../engine/bar.js';
import type { AssetClass, Instrument } from '../../engine/instrument.js';
import { isIntraday, type Interval } from '../../engine/interval.js';
import type { Quote } from '../../engine/quote.js';
import { UnknownSymbolError } from '../../errors.js';
import type { NewsItem } from '../provider.js';
import { currencyOf, parseCanonicalSymbol, unsupportedSymbol } from '../symbols.js';
import { Wire, malformed, oldestFirst, type MarketStateOf } from '../wire-guards.js';
import { throwIfErrorBody, type AvContext } from './errors.js';
import { ALPHAVANTAGE, EXCHANGE_OF_SUFFIX, fromAlphaVantageSymbol } from './symbols.js';
import { zonedWallTimeToUtcMs } from './time.js';
import type { AvGlobalQuote, AvNewsSentiment, AvSymbolSearch, AvTimeSeries } from './wire.js';

export { classifyError } from './errors.js';

export interface GlobalQuoteOptions {
  /** The canonical symbol asked for. */
  readonly symbol: string;
  readonly name?: string;
  /** Needed for listings outside the US, whose currency the symbol does not tell. */
  readonly currency?: string;
  readonly marketState: MarketStateOf;
  /** When the answer arrived; bounds the estimated time of the last trade (see parseGlobalQuote). */
  readonly receivedMs?: number;
}

/** New York's regular close: GLOBAL_QUOTE's date-only time is read as this time on that date. */
const SESSION_CLOSE_WALL_MS = 16 * 3_600_000;

/**
 * `GLOBAL_QUOTE` -> Quote; the empty `{"Global Quote":{}}` of an unknown symbol is
 * UnknownSymbolError. The payload dates the price but does not time it, so tsMs is approximated
 * as 16:00 New York on the latest trading day, or `receivedMs` if that is earlier (the session is
 * still running).
 */
export function parseGlobalQuote(body: unknown, options: GlobalQuoteOptions): Quote {
  const root = Wire.root<AvGlobalQuote>(ALPHAVANTAGE, throwIfErrorBody(body, options), 'GLOBAL_QUOTE');
  const quote = root.get('Global Quote');
  if (Object.keys(quote.record()).length === 0) throw new UnknownSymbolError(ALPHAVANTAGE, options.symbol);
  const closeMs = zonedWallTimeToUtcMs(
    quote.get('07. latest trading day').dateMs() + SESSION_CLOSE_WALL_MS,
    'America/New_York',
  );
  const tsMs = Math.min(closeMs, options.receivedMs ?? closeMs);
  const canonical = parseCanonicalSymbol(options.symbol);
  const currency = options.currency ?? (canonical && currencyOf(canonical));
  if (!currency)
    throw unsupportedSymbol(ALPHAVANTAGE, options.symbol, 'its currency is unknown', 'pass it from SYMBOL_SEARCH');
  return {
    symbol: options.symbol,
    name: options.name ?? options.symbol,
    currency,
    last: quote.get('05. price').price(),
    open: quote.get('02. open').price(),
    high: quote.get('03. high').price(),
    low: quote.get('04. low').price(),
    previousClose: quote.get('08. previous close').price(),
    volume: quote.get('06. volume').quantity(),
    tsMs,
    marketState: options.marketState(tsMs),
    source: ALPHAVANTAGE,
    demo: false,
  };
}

/**
 * `TIME_SERIES_DAILY` / `TIME_SERIES_INTRADAY` -> bars, oldest first. Daily keys are dates (00:00
 * UTC of the date); intraday keys are wall times in the meta data's zone (US/Eastern), turned into
 * UTC with that zone's rules.
 */
export function parseTimeSeries(body: unknown, interval: Interval, context: AvContext = {}): Bar[] {
  const root = Wire.root<AvTimeSeries>(ALPHAVANTAGE, throwIfErrorBody(body, context), 'TIME_SERIES');
  const seriesKey = Object.keys(root.record()).find((key) => key.startsWith('Time Series ('));
  if (!seriesKey) throw malformed(ALPHAVANTAGE, 'TIME_SERIES', 'an object with a "Time Series (...)" key', root.value);
  const series = root.get(seriesKey as `Time Series (${string})`);
  const timeZone = isIntraday(interval) ? metaTimeZone(root) : undefined;
  const bars = series.entries().map(([key, fields]) => ({
    tsMs: timeZone === undefined ? dateKeyMs(fields, key) : wallTimeKeyMs(fields, key, timeZone),
    open: fields.get('1. open').price(),
    high: fields.get('2. high').price(),
    low: fields.get('3. low').price(),
    close: fields.get('4. close').price(),
    volume: fields.get('5. volume').quantity(),
  }));
  return oldestFirst(ALPHAVANTAGE, bars, seriesKey);
}

function metaTimeZone(root: Wire<AvTimeSeries>): string {
  const meta = root.get('Meta Data');
  const key = Object.keys(meta.record()).find((name) => name.endsWith('Time Zone'));
  const zone = key === undefined ? undefined : meta.get(key).nonEmptyString();
  if (zone === undefined) return meta.fail('meta data with a time zone');
  try {
    zonedWallTimeToUtcMs(0, zone);
  } catch {
    return meta.get(key as string).fail('a time zone name such as US/Eastern');
  }
  return zone;
}

function dateKeyMs(fields: Wire, key: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return fields.fail(`keyed by a date (the key is "${key}")`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function wallTimeKeyMs(fields: Wire, key: string, timeZone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(key);
  if (!match) return fields.fail(`keyed by a date and time (the key is "${key}")`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return zonedWallTimeToUtcMs(Date.UTC(y, mo - 1, d, h, mi, s), timeZone);
}

/**
 * `NEWS_SENTIMENT` -> news as sent. Items have no id, so the URL is the id. `time_published` has
 * no documented zone; it is read as UTC, as other clients do. Ticker tags this app cannot map
 * (`FOREX:USD`) are left out of `symbols`.
 */
export function parseNewsSentiment(body: unknown, context: AvContext = {}): NewsItem[] {
  const root = Wire.root<AvNewsSentiment>(ALPHAVANTAGE, throwIfErrorBody(body, context), 'NEWS_SENTIMENT');
  return root
    .get('feed')
    .items()
    .map((item) => {
      const published = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?$/.exec(item.get('time_published').string());
      if (!published) return item.get('time_published').fail('a time such as 20240504T160317');
      const [, y, mo, d, h, mi, s = 0] = published.map(Number) as number[];
      return {
        id: item.get('url').nonEmptyString(),
        title: item.get('title').nonEmptyString().trim(),
        publisher: item.get('source').nonEmptyString(),
        url: item.get('url').nonEmptyString(),
        publishedMs: Date.UTC(y!, mo! - 1, d!, h!, mi!, s),
        symbols: item
          .get('ticker_sentiment')
          .items()
          .flatMap((tag) => mappedOrNothing(tag.get('ticker').string())),
      };
    });
}

function mappedOrNothing(wire: string): string[] {
  try {
    return [fromAlphaVantageSymbol(wire)];
  } catch {
    return [];
  }
}

const ASSET_CLASSES: Readonly<Record<string, AssetClass>> = { Equity: 'equity', ETF: 'etf', 'Mutual Fund': 'fund' };

/** `SYMBOL_SEARCH` -> instruments in match order; types other than equity, ETF and fund are left out. */
export function parseSymbolSearch(body: unknown, context: AvContext = {}): Instrument[] {
  const root = Wire.root<AvSymbolSearch>(ALPHAVANTAGE, throwIfErrorBody(body, context), 'SYMBOL_SEARCH');
  return root
    .get('bestMatches')
    .items()
    .flatMap((match) => {
      const assetClass = ASSET_CLASSES[match.get('3. type').string()];
      const wire = match.get('1. symbol').nonEmptyString();
      const symbol = mappedOrNothing(wire)[0];
      if (!assetClass || symbol === undefined) return [];
      const suffix = wire.includes('.') ? wire.slice(wire.lastIndexOf('.') + 1) : undefined;
      return [
        {
          symbol,
          name: match.get('2. name').nonEmptyString(),
          assetClass,
          currency: match.get('8. currency').nonEmptyString(),
          exchange: suffix === undefined ? 'US' : (EXCHANGE_OF_SUFFIX[suffix] ?? suffix),
        },
      ];
    });
}
