import type { Bar } from '../../engine/bar.js';
import type { Instrument } from '../../engine/instrument.js';
import type { Quote } from '../../engine/quote.js';
import { ProviderError, RateLimitError, UnknownSymbolError } from '../../errors.js';
import { parseCanonicalSymbol, unsupportedSymbol } from '../symbols.js';
import {
  Wire,
  errorBodyMessage,
  genericHttpError,
  oldestFirst,
  tryParseJson,
  type ErrorContext,
} from '../wire-guards.js';
import { BINANCE, fromBinanceSymbol } from './symbols.js';
import type { BinanceExchangeInfo, BinanceKline, BinanceSymbolInfo, BinanceTicker24hr } from './wire.js';

/** `GET /api/v3/klines` -> bars, oldest first. The last bar may still be open (History allows it). */
export function parseKlines(body: unknown): Bar[] {
  const rows = Wire.root<readonly BinanceKline[]>(BINANCE, body, 'klines').items();
  const bars = rows.map((row) => ({
    tsMs: row.at(0).epochMs(),
    open: row.at(1).price(),
    high: row.at(2).price(),
    low: row.at(3).price(),
    close: row.at(4).price(),
    volume: row.at(5).quantity(),
  }));
  return oldestFirst(BINANCE, bars, 'klines');
}

export interface TickerOptions {
  /** The canonical symbol asked for; the quote carries it (Binance's own name is BTCUSDT). */
  readonly symbol: string;
  readonly name?: string;
}

/**
 * `GET /api/v3/ticker/24hr?symbol=` -> Quote. Crypto trades around the clock, so there is no
 * close: `previousClose` is the price 24 hours ago (openPrice), the same reference Binance's own
 * priceChange uses, and marketState is always `regular`. Volume is in the base asset.
 */
export function parseTicker24hr(body: unknown, options: TickerOptions): Quote {
  return tickerToQuote(Wire.root<BinanceTicker24hr>(BINANCE, body, 'ticker/24hr'), options);
}

/**
 * `GET /api/v3/ticker/24hr?symbols=[...]` -> quotes in wire order, each named by `symbolOf`
 * (default: fromBinanceSymbol, so BTCUSDT becomes BTC-USD).
 */
export function parseTickers24hr(
  body: unknown,
  symbolOf: (wire: string) => string = (wire) => fromBinanceSymbol(wire),
): Quote[] {
  return Wire.root<readonly BinanceTicker24hr[]>(BINANCE, body, 'ticker/24hr')
    .items()
    .map((ticker) => tickerToQuote(ticker, { symbol: symbolOf(ticker.get('symbol').nonEmptyString()) }));
}

function tickerToQuote(ticker: Wire<BinanceTicker24hr>, options: TickerOptions): Quote {
  return {
    symbol: options.symbol,
    name: options.name ?? options.symbol,
    currency: pairQuote(options.symbol),
    last: ticker.get('lastPrice').price(),
    open: ticker.get('openPrice').price(),
    high: ticker.get('highPrice').price(),
    low: ticker.get('lowPrice').price(),
    previousClose: ticker.get('openPrice').price(),
    volume: ticker.get('volume').quantity(),
    tsMs: ticker.get('closeTime').epochMs(),
    marketState: 'regular',
    source: BINANCE,
    demo: false,
  };
}

/** `USD` of `BTC-USD`: the currency a pair's prices are in. */
function pairQuote(symbol: string): string {
  const canonical = parseCanonicalSymbol(symbol);
  if (canonical?.kind === 'crypto') return canonical.quote;
  // fromBinanceSymbol always writes BASE-QUOTE, even for quotes outside CRYPTO_QUOTES.
  const dash = symbol.lastIndexOf('-');
  if (dash > 0) return symbol.slice(dash + 1);
  throw unsupportedSymbol(BINANCE, symbol, 'it is not a crypto pair such as BTC-USD');
}

/** One market from exchangeInfo: the instrument plus what an order or a chart needs to know. */
export interface BinanceMarket {
  readonly instrument: Instrument;
  /** Binance's own name, `BTCUSDT`. */
  readonly wireSymbol: string;
  /** Smallest price step (PRICE_FILTER tickSize), when the filter is there. */
  readonly tickSize?: string;
  /** Smallest quantity step (LOT_SIZE stepSize), when the filter is there. */
  readonly stepSize?: string;
}

/**
 * `GET /api/v3/exchangeInfo` -> the markets that are trading now. Markets in BREAK or HALT
 * (suspended or delisted) are left out: a symbol search should not offer them.
 */
export function parseExchangeInfo(body: unknown): BinanceMarket[] {
  const info = Wire.root<BinanceExchangeInfo>(BINANCE, body, 'exchangeInfo');
  return info
    .get('symbols')
    .items()
    .filter((market) => market.get('status').nonEmptyString() === 'TRADING')
    .map(toMarket);
}

function toMarket(market: Wire<BinanceSymbolInfo>): BinanceMarket {
  const wireSymbol = market.get('symbol').nonEmptyString();
  const base = market.get('baseAsset').nonEmptyString();
  const quote = market.get('quoteAsset').nonEmptyString();
  const symbol = fromBinanceSymbol(wireSymbol, { base, quote });
  const filters = market.get('filters').items();
  const filter = (type: string) => filters.find((f) => f.get('filterType').string() === type);
  const tickSize = filter('PRICE_FILTER')?.get('tickSize').decimal().toString();
  const stepSize = filter('LOT_SIZE')?.get('stepSize').decimal().toString();
  return {
    instrument: {
      symbol,
      name: `${base}/${quote}`,
      assetClass: 'crypto',
      currency: pairQuote(symbol),
      exchange: 'BINANCE',
    },
    wireSymbol,
    ...(tickSize === undefined ? {} : { tickSize }),
    ...(stepSize === undefined ? {} : { stepSize }),
  };
}

/**
 * Error body (`{"code":-1121,"msg":"Invalid symbol."}`) and status -> the error a router acts on.
 * 429 is a rate limit; 418 is an automatic IP ban after ignoring 429s (minutes to days), also a
 * rate limit with the Retry-After Binance sends; 403 is its firewall, treated the same way.
 */
export function classifyError(status: number, body: unknown, context: ErrorContext = {}): ProviderError {
  const parsed = tryParseJson(body);
  const code = typeof parsed === 'object' && parsed !== null ? (parsed as { code?: unknown }).code : undefined;
  const message = errorBodyMessage(parsed);
  const text = `binance answered HTTP ${status}${message ? `: ${message}` : ''}`;
  if (status === 429 || status === 418 || status === 403 || code === -1003) {
    const hint =
      status === 418
        ? 'Binance has banned this IP for ignoring rate limits; wait for the ban to end'
        : 'Binance limits request weight per IP per minute; use fewer symbols or a longer refresh interval';
    return new RateLimitError(BINANCE, text, context.retryAfterMs, { hint });
  }
  if (code === -1121) return new UnknownSymbolError(BINANCE, context.symbol ?? '(not given)', { cause: text });
  if (status === 451) {
    return new ProviderError(BINANCE, 'restricted-location', text, false, {
      hint: 'Binance.com refuses requests from this country or cloud region; use Coinbase or CoinGecko for crypto',
    });
  }
  if (code === -2014 || code === -2015 || code === -1022) {
    return new ProviderError(BINANCE, 'unauthorized', text, false, {
      hint: 'market data needs no key; a signed request was refused (key, signature or IP whitelist)',
    });
  }
  return genericHttpError(BINANCE, status, message, context);
}
