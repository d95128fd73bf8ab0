import { cryptoSymbol, requireCanonical, splitConcatenatedPair, unsupportedSymbol } from '../symbols.js';

export const BINANCE = 'binance';

/**
 * Quote assets seen on Binance Spot, for splitting `BTCUSDT` back into base and quote when the
 * caller has no exchangeInfo at hand. Longest match wins (FDUSD before USD-anything).
 */
// prettier-ignore
export const BINANCE_QUOTE_ASSETS: readonly string[] = [
  'USDT', 'FDUSD', 'USDC', 'TUSD', 'BUSD', 'DAI', 'BTC', 'ETH', 'BNB', 'XRP', 'DOGE', 'TRX', 'EUR', 'GBP',
  'TRY', 'BRL', 'JPY', 'AUD', 'ARS', 'MXN', 'PLN', 'RON', 'UAH', 'ZAR', 'IDR', 'COP', 'CZK',
];

/**
 * Binance.com lists no USD markets: its dollar market is USDT, a stablecoin that trades within a
 * fraction of a percent of USD and carries nearly all of Binance's volume. So a user's `BTC-USD`
 * is read from BTCUSDT, and BTCUSDT reads back as BTC-USD. Prices are therefore USDT prices
 * labelled USD; the difference is the USDT peg (normally under 0.1%).
 */
const DOLLAR_STAND_IN = 'USDT';

/** `BTC-USD` -> `BTCUSDT`, `ETH-BTC` -> `ETHBTC`. Anything but a crypto pair is unsupported. */
export function toBinanceSymbol(symbol: string): string {
  const canonical = requireCanonical(BINANCE, symbol);
  if (canonical.kind !== 'crypto') {
    throw unsupportedSymbol(BINANCE, symbol, 'Binance lists crypto pairs only', 'try a crypto pair such as BTC-USD');
  }
  const quote = canonical.quote === 'USD' ? DOLLAR_STAND_IN : canonical.quote;
  return `${canonical.base}${quote}`;
}

/**
 * `BTCUSDT` -> `BTC-USD` (see DOLLAR_STAND_IN). Pass the base and quote assets from exchangeInfo
 * when known; otherwise the quote is found from BINANCE_QUOTE_ASSETS.
 */
export function fromBinanceSymbol(wire: string, assets?: { base: string; quote: string }): string {
  const pair = assets ?? splitConcatenatedPair(wire, BINANCE_QUOTE_ASSETS);
  if (!pair) {
    throw unsupportedSymbol(
      BINANCE,
      wire,
      'its quote asset is not one this app knows',
      'pass base and quote from exchangeInfo',
    );
  }
  return cryptoSymbol(pair.base, pair.quote === DOLLAR_STAND_IN ? 'USD' : pair.quote);
}
