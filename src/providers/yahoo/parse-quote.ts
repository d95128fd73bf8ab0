import { Decimal } from '../../engine/decimal.js';
import type { ExtendedHoursPrice, MarketState, Quote } from '../../engine/quote.js';
import { ProviderError, UnknownSymbolError } from '../../errors.js';
import type { QuoteBatch, SymbolFailure } from '../provider.js';
import { fromYahooSymbol } from './symbols.js';
import { decimal, finite, isRecord, malformed, text, YAHOO } from './values.js';
import type { WireQuote } from './wire.js';

/**
 * A v7 quote payload as a QuoteBatch for the `requested` canonical symbols. Yahoo leaves unknown
 * symbols (and expired options) out of `result`; each of those, and each entry without prices
 * (a delisted symbol, quoteType NONE), becomes an UnknownSymbolError in `failures`. Throws
 * ProviderError `malformed` when the payload has no `quoteResponse.result` array.
 */
export function parseQuotes(body: unknown, requested: readonly string[]): QuoteBatch {
  const response = isRecord(body) && isRecord(body['quoteResponse']) ? body['quoteResponse'] : undefined;
  const result = response?.['result'];
  if (!Array.isArray(result)) throw malformed('no "quoteResponse.result" array in the quote response');
  const bySymbol = new Map<string, WireQuote>();
  for (const wire of result as WireQuote[]) {
    const symbol = text(wire.symbol);
    if (symbol) bySymbol.set(fromYahooSymbol(symbol), wire);
  }
  const quotes: Quote[] = [];
  const failures: SymbolFailure[] = [];
  for (const symbol of requested) {
    const wire = bySymbol.get(symbol);
    const parsed = wire ? parseQuote(wire, symbol) : new UnknownSymbolError(YAHOO, symbol);
    if (parsed instanceof ProviderError) failures.push({ symbol, error: parsed });
    else quotes.push(parsed);
  }
  return { quotes, failures };
}

/**
 * One quote entry, or the error that stands for it. Needs a price, a previous close, a time and
 * a currency; a quote missing one would show a wrong change or mix currencies, so it is a
 * failure instead. Prices are carried as given, in the currency as given (`GBp` stays pence).
 *
 * Funds (one price a day) have no open, high or low and indices report 0 for them outside the
 * session: both fall back to the last price, since a day's range of 0 is Yahoo's placeholder,
 * not a price. A missing volume is 0.
 */
export function parseQuote(wire: WireQuote, symbol: string): Quote | ProviderError {
  const last = decimal(wire.regularMarketPrice);
  if (!last || text(wire.quoteType) === 'NONE') {
    return new UnknownSymbolError(YAHOO, symbol, { hint: 'Yahoo lists it without prices; it may be delisted' });
  }
  const previousClose = decimal(wire.regularMarketPreviousClose);
  const seconds = finite(wire.regularMarketTime);
  const currency = text(wire.currency);
  if (!previousClose || seconds === undefined || !currency) {
    const missing = !previousClose ? 'previous close' : seconds === undefined ? 'time' : 'currency';
    return malformed(`the quote for ${symbol} has no ${missing}`);
  }
  const tsMs = seconds * 1000;
  const dayValue = (value: unknown) => positive(decimal(value)) ?? last;
  const extended = extendedOf(wire, last, tsMs);
  return {
    symbol,
    name: text(wire.longName) ?? text(wire.shortName) ?? text(wire.displayName) ?? symbol,
    currency,
    last,
    open: dayValue(wire.regularMarketOpen),
    high: dayValue(wire.regularMarketDayHigh),
    low: dayValue(wire.regularMarketDayLow),
    previousClose,
    volume: decimal(wire.regularMarketVolume) ?? Decimal.ZERO,
    tsMs,
    marketState: marketStateOf(wire.marketState),
    source: YAHOO,
    demo: false,
    ...(extended ? { extended } : {}),
  };
}

const MARKET_STATES: Readonly<Record<string, MarketState>> = {
  PRE: 'pre',
  REGULAR: 'regular',
  POST: 'post',
  // PREPRE runs from the end of POSTPOST to the start of PRE: overnight, no session trades.
  PREPRE: 'closed',
  POSTPOST: 'closed',
  CLOSED: 'closed',
};

/** Yahoo's marketState; anything missing or unknown counts as closed. */
export function marketStateOf(state: string | undefined): MarketState {
  return (state && MARKET_STATES[state.toUpperCase()]) || 'closed';
}

/**
 * The pre- or post-market price that is newer than the regular session's last trade, if any
 * (the later of the two when both are). Its change is computed exactly against the regular
 * price, not taken from Yahoo's rounded float (`postMarketChange: 0.0399933`).
 */
export function extendedOf(wire: WireQuote, regularLast: Decimal, regularTsMs: number): ExtendedHoursPrice | undefined {
  const candidates = [
    session('pre', wire.preMarketPrice, wire.preMarketTime),
    session('post', wire.postMarketPrice, wire.postMarketTime),
  ].filter(
    (c): c is { session: 'pre' | 'post'; last: Decimal; tsMs: number } => c !== undefined && c.tsMs > regularTsMs,
  );
  const latest = candidates.sort((a, b) => b.tsMs - a.tsMs)[0];
  return latest && { ...latest, change: latest.last.minus(regularLast) };
}

function session(name: 'pre' | 'post', price: unknown, seconds: unknown) {
  const last = positive(decimal(price));
  const time = finite(seconds);
  return last && time !== undefined ? { session: name, last, tsMs: time * 1000 } : undefined;
}

function positive(value: Decimal | undefined): Decimal | undefined {
  return value && value.gt(0) ? value : undefined;
}
