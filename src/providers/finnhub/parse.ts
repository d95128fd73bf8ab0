import type { Bar } from '../../engine/bar.js';
import { Decimal } from '../../engine/decimal.js';
import type { Instrument } from '../../engine/instrument.js';
import type { Interval } from '../../engine/interval.js';
import type { Quote } from '../../engine/quote.js';
import { ProviderError, RateLimitError, UnknownSymbolError } from '../../errors.js';
import { keyRejectedError } from '../api-key.js';
import type { NewsItem } from '../provider.js';
import { currencyOf, parseCanonicalSymbol, unsupportedSymbol } from '../symbols.js';
import { weekAwareBarStartMs } from '../week-start.js';
import {
  Wire,
  errorBodyMessage,
  genericHttpError,
  malformed,
  oldestFirst,
  tryParseJson,
  type ErrorContext,
  type MarketStateOf,
} from '../wire-guards.js';
import { FINNHUB, fromFinnhubSymbol } from './symbols.js';
import type { FinnhubCandles, FinnhubNews, FinnhubProfile, FinnhubQuote } from './wire.js';

export interface QuoteOptions {
  /** The canonical symbol asked for. */
  readonly symbol: string;
  readonly name?: string;
  /** From the profile when known; else derived from the symbol (USD for US listings). */
  readonly currency?: string;
  /** Finnhub's quote does not say whether the market is open. */
  readonly marketState: MarketStateOf;
}

/**
 * `/quote` -> Quote. An unknown symbol answers HTTP 200 with zeros (`c` 0, `t` 0): that is an
 * UnknownSymbolError, never a quote of 0. The endpoint has no volume, so volume is 0; the change
 * is derived exactly as last - previousClose (Finnhub's `d` is the same figure as a float).
 */
export function parseQuote(body: unknown, options: QuoteOptions): Quote {
  const quote = Wire.root<FinnhubQuote>(FINNHUB, body, 'quote');
  if (isZeroQuote(quote)) throw new UnknownSymbolError(FINNHUB, options.symbol);
  const tsMs = quote.get('t').epochSecondsMs();
  return {
    symbol: options.symbol,
    name: options.name ?? options.symbol,
    currency: options.currency ?? requireCurrency(options.symbol),
    last: quote.get('c').price(),
    open: quote.get('o').price(),
    high: quote.get('h').price(),
    low: quote.get('l').price(),
    previousClose: quote.get('pc').price(),
    volume: Decimal.ZERO,
    tsMs,
    marketState: options.marketState(tsMs),
    source: FINNHUB,
    demo: false,
  };
}

function isZeroQuote(quote: Wire<FinnhubQuote>): boolean {
  return quote.get('c').value === 0 && (quote.get('t').value === 0 || quote.get('pc').value === 0);
}

function requireCurrency(symbol: string): string {
  const canonical = parseCanonicalSymbol(symbol);
  const currency = canonical && currencyOf(canonical);
  if (currency) return currency;
  throw unsupportedSymbol(FINNHUB, symbol, 'its currency is unknown', 'pass the currency from the company profile');
}

/**
 * `/stock/candle` -> bars, oldest first; `{"s":"no_data"}` is an empty range, not an error. The
 * columns must all have the same length. Daily bars already start at 00:00 UTC.
 */
export function parseCandles(body: unknown, interval: Interval): Bar[] {
  const candles = Wire.root<FinnhubCandles>(FINNHUB, body, 'stock/candle');
  const status = candles.get('s').string();
  if (status === 'no_data') return [];
  if (status !== 'ok') candles.get('s').fail('"ok" or "no_data"');
  const column = (key: 't' | 'o' | 'h' | 'l' | 'c' | 'v') => candles.get(key).items();
  const [t, o, h, l, c, v] = [column('t'), column('o'), column('h'), column('l'), column('c'), column('v')];
  const lengths = [t, o, h, l, c, v].map((values) => values.length);
  if (new Set(lengths).size > 1) {
    throw malformed(FINNHUB, 'stock/candle', 'columns t, o, h, l, c, v of one length', lengths.join('/'));
  }
  // Lengths are equal, so every index below exists.
  const bars = t.map((time, i) => ({
    tsMs: weekAwareBarStartMs(interval, time.epochSecondsMs()),
    open: o[i]!.price(),
    high: h[i]!.price(),
    low: l[i]!.price(),
    close: c[i]!.price(),
    volume: v[i]!.quantity(),
  }));
  return oldestFirst(FINNHUB, bars, 'stock/candle');
}

/**
 * `/company-news` -> news, as sent (newest first). Older items name the publisher by its home page
 * URL; that becomes the host name without `www.`. Related symbols Finnhub writes in forms this app
 * does not map are left out of `symbols`.
 */
export function parseCompanyNews(body: unknown): NewsItem[] {
  return Wire.root<readonly FinnhubNews[]>(FINNHUB, body, 'company-news')
    .items()
    .map((item) => ({
      id: String(item.get('id').integer()),
      title: item.get('headline').nonEmptyString(),
      publisher: publisherName(item.get('source').string()),
      url: item.get('url').nonEmptyString(),
      publishedMs: item.get('datetime').epochSecondsMs(),
      symbols: relatedSymbols(item.get('related').string()),
    }));
}

function publisherName(source: string): string {
  if (!/^https?:\/\//.test(source)) return source;
  try {
    return new URL(source).hostname.replace(/^www\./, '');
  } catch {
    return source;
  }
}

function relatedSymbols(related: string): string[] {
  return related
    .split(',')
    .map((text) => text.trim())
    .filter(Boolean)
    .flatMap((wire) => {
      try {
        return [fromFinnhubSymbol(wire)];
      } catch {
        return [];
      }
    });
}

/** Long exchange names from profile2 -> the short codes instruments use elsewhere. */
const EXCHANGE_CODES: readonly (readonly [RegExp, string])[] = [
  [/^NASDAQ/i, 'NASDAQ'],
  [/^NEW YORK STOCK EXCHANGE/i, 'NYSE'],
  [/^NYSE ARCA/i, 'NYSEARCA'],
  [/^LONDON STOCK EXCHANGE/i, 'LSE'],
];

/** `/stock/profile2` -> Instrument; the `{}` Finnhub sends for an unknown symbol is UnknownSymbolError. */
export function parseProfile(body: unknown, symbol: string): Instrument {
  const profile = Wire.root<FinnhubProfile>(FINNHUB, body, 'stock/profile2');
  if (Object.keys(profile.record()).length === 0) throw new UnknownSymbolError(FINNHUB, symbol);
  const exchange = profile.get('exchange').nonEmptyString();
  return {
    symbol: fromFinnhubSymbol(profile.get('ticker').nonEmptyString()),
    name: profile.get('name').nonEmptyString(),
    assetClass: 'equity',
    currency: profile.get('currency').nonEmptyString(),
    exchange: EXCHANGE_CODES.find(([pattern]) => pattern.test(exchange))?.[1] ?? exchange,
  };
}

/**
 * 401 (or an "API key" body) is a missing or wrong key, `key-rejected`; 403 "You don't have access to this resource." is an endpoint the
 * plan does not include (candles are premium-only since 2024) - not retryable, with a hint; 429 is
 * the 60-per-minute (or 30-per-second) limit.
 */
export function classifyError(status: number, body: unknown, context: ErrorContext = {}): ProviderError {
  const message = errorBodyMessage(tryParseJson(body));
  const text = `finnhub answered HTTP ${status}${message ? `: ${message}` : ''}`;
  if (status === 429) {
    return new RateLimitError(FINNHUB, text, context.retryAfterMs, {
      hint: 'the free plan allows 60 calls a minute',
    });
  }
  if (status === 403) {
    return new ProviderError(FINNHUB, 'not-entitled', text, false, {
      hint: 'this Finnhub endpoint (candles, non-US markets) needs a paid plan; Yahoo serves history without a key',
    });
  }
  if (status === 401 || /api key/i.test(message ?? '')) return keyRejectedError(FINNHUB, `HTTP ${status}: ${message}`);
  return genericHttpError(FINNHUB, status, message, context);
}
