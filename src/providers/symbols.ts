import { ProviderError } from '../errors.js';

/**
 * Canonical symbols are Yahoo-style, because that is what a new user types and what the keyless
 * default source speaks: `AAPL`, `BRK-B` (share class), `OCDO.L` (exchange suffix), `BTC-USD`
 * (crypto pair), `EURUSD=X` (currency pair), `^GSPC` (index), `GC=F` (future). Each provider's
 * `symbols.ts` maps these to its own form and back; this module only takes them apart.
 */
export type CanonicalSymbol =
  | {
      readonly kind: 'security';
      readonly symbol: string;
      readonly ticker: string;
      /** `B` of `BRK-B`. */
      readonly shareClass?: string;
      /** `L` of `OCDO.L`; undefined for US listings. */
      readonly exchangeSuffix?: string;
    }
  | { readonly kind: 'crypto'; readonly symbol: string; readonly base: string; readonly quote: string }
  | { readonly kind: 'fx'; readonly symbol: string; readonly base: string; readonly quote: string }
  | { readonly kind: 'index'; readonly symbol: string; readonly root: string }
  | { readonly kind: 'future'; readonly symbol: string; readonly root: string };

/**
 * Currencies and coins that appear as the second half of a crypto pair. `XYZ-USD` is crypto while
 * `BRK-B` is a share class: the part after the dash decides, so this list is the whole rule.
 */
// prettier-ignore
export const CRYPTO_QUOTES: readonly string[] = [
  'USD', 'USDT', 'USDC', 'FDUSD', 'TUSD', 'BUSD', 'DAI', 'EUR', 'GBP', 'JPY', 'AUD', 'CAD', 'CHF', 'TRY',
  'BRL', 'KRW', 'INR', 'BTC', 'ETH', 'BNB', 'SOL',
];

/**
 * Yahoo's exchange suffixes (`OCDO.L`, `WSU.DE`, `0700.HK`); any other one-letter `.X` is a share
 * class (`BRK.B`). No currency is derived from them: a venue lists in several (London in GBp, GBP
 * and USD), and a wrong currency would silently mix money.
 */
// prettier-ignore
const EXCHANGE_SUFFIXES: ReadonlySet<string> = new Set([
  'L', 'IL', 'DE', 'F', 'BE', 'DU', 'HM', 'MU', 'SG', 'PA', 'AS', 'BR', 'MI', 'MC', 'LS', 'HE', 'VI', 'IR',
  'TO', 'V', 'CN', 'NE', 'SW', 'VX', 'ST', 'OL', 'CO', 'HK', 'T', 'AX', 'NZ', 'SI', 'NS', 'BO', 'SS', 'SZ',
  'KS', 'KQ', 'TW', 'TWO', 'SA', 'MX', 'JO', 'WA', 'TA',
]);

/** Currencies of the indices people ask for most; others have no default. */
// prettier-ignore
const INDEX_CURRENCY: Readonly<Record<string, string>> = {
  GSPC: 'USD', DJI: 'USD', IXIC: 'USD', NDX: 'USD', RUT: 'USD', VIX: 'USD', FTSE: 'GBP', GDAXI: 'EUR',
  N225: 'JPY', HSI: 'HKD', STOXX50E: 'EUR', FCHI: 'EUR',
};

const PAIR = /^([A-Z0-9]{2,12})-([A-Z]{3,5})$/;
const FX = /^([A-Z]{3})?([A-Z]{3})=X$/;
const INDEX = /^\^([A-Z0-9.]{1,15})$/;
const FUTURE = /^([A-Z0-9]{1,8})=F$/;
const TICKER = /^([A-Z0-9]{1,12})(?:[-.]([A-Z]))?$/;

/**
 * Takes a canonical symbol apart. Returns undefined for text that none of the forms above fits;
 * callers turn that into `unsupportedSymbol`.
 */
export function parseCanonicalSymbol(symbol: string): CanonicalSymbol | undefined {
  const pair = PAIR.exec(symbol);
  if (pair?.[1] && pair[2] && CRYPTO_QUOTES.includes(pair[2])) {
    return { kind: 'crypto', symbol, base: pair[1], quote: pair[2] };
  }
  const fx = FX.exec(symbol);
  // Yahoo writes USD-based pairs with the quote only: `JPY=X` is USD/JPY.
  if (fx?.[2]) return { kind: 'fx', symbol, base: fx[1] ?? 'USD', quote: fx[2] };
  const index = INDEX.exec(symbol);
  if (index?.[1]) return { kind: 'index', symbol, root: index[1] };
  const future = FUTURE.exec(symbol);
  if (future?.[1]) return { kind: 'future', symbol, root: future[1] };
  return parseSecurity(symbol);
}

function parseSecurity(symbol: string): CanonicalSymbol | undefined {
  const dot = symbol.lastIndexOf('.');
  const suffix = dot > 0 ? symbol.slice(dot + 1) : undefined;
  const listed = suffix !== undefined && EXCHANGE_SUFFIXES.has(suffix);
  const head = listed ? symbol.slice(0, dot) : symbol;
  const match = TICKER.exec(head);
  if (!match?.[1]) return undefined;
  return {
    kind: 'security',
    symbol,
    ticker: match[1],
    ...(match[2] ? { shareClass: match[2] } : {}),
    ...(listed ? { exchangeSuffix: suffix } : {}),
  };
}

export function cryptoSymbol(base: string, quote: string): string {
  return `${base.toUpperCase()}-${quote.toUpperCase()}`;
}

export function fxSymbol(base: string, quote: string): string {
  return `${base.toUpperCase()}${quote.toUpperCase()}=X`;
}

/** `BRK-B` for ticker `BRK` and class `B`: the canonical spelling of a US share class. */
export function securitySymbol(ticker: string, shareClass?: string, exchangeSuffix?: string): string {
  return `${ticker}${shareClass ? `-${shareClass}` : ''}${exchangeSuffix ? `.${exchangeSuffix}` : ''}`;
}

/**
 * Splits a concatenated pair (`BTCUSDT`, `ETHBTC`) at the longest known quote it ends with, so
 * `BTCFDUSD` is BTC/FDUSD, not BTCF/DUSD. Undefined when no quote in the list fits.
 */
export function splitConcatenatedPair(
  text: string,
  quotes: readonly string[],
): { base: string; quote: string } | undefined {
  const upper = text.toUpperCase();
  const fits = quotes.filter((quote) => upper.endsWith(quote) && upper.length > quote.length);
  const quote = fits.sort((a, b) => b.length - a.length)[0];
  return quote ? { base: upper.slice(0, -quote.length), quote } : undefined;
}

/**
 * The currency a canonical symbol is priced in where the symbol alone says so: the quote of a pair,
 * USD for a US listing (no suffix), a few major indices. Undefined otherwise (other venues,
 * futures, unknown indices), so a caller never guesses a currency for money.
 */
export function currencyOf(canonical: CanonicalSymbol): string | undefined {
  switch (canonical.kind) {
    case 'crypto':
    case 'fx':
      return canonical.quote;
    case 'security':
      return canonical.exchangeSuffix === undefined ? 'USD' : undefined;
    case 'index':
      return INDEX_CURRENCY[canonical.root];
    case 'future':
      return undefined;
  }
}

/** The non-retryable error for a symbol a provider has no way to express. */
export function unsupportedSymbol(provider: string, symbol: string, reason: string, hint?: string): ProviderError {
  return new ProviderError(
    provider,
    'unsupported-symbol',
    `${provider} cannot look up "${symbol}": ${reason}`,
    false,
    hint === undefined ? {} : { hint },
  );
}

/** parseCanonicalSymbol, or the unsupported-symbol error naming the forms that would be accepted. */
export function requireCanonical(provider: string, symbol: string): CanonicalSymbol {
  const canonical = parseCanonicalSymbol(symbol);
  if (canonical) return canonical;
  throw unsupportedSymbol(
    provider,
    symbol,
    'it is not a symbol in any known form',
    'use forms such as AAPL, BRK-B, OCDO.L, BTC-USD, EURUSD=X, ^GSPC or GC=F',
  );
}
