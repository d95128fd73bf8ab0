import { requireCanonical, unsupportedSymbol } from '../symbols.js';

export const COINBASE = 'coinbase';

const PRODUCT_ID = /^[A-Z0-9]{1,12}-[A-Z0-9]{2,8}$/;

/**
 * Coinbase product ids are the canonical form already (`BTC-USD`); Coinbase has real USD markets,
 * so unlike Binance nothing stands in for USD.
 */
export function toCoinbaseProduct(symbol: string): string {
  const canonical = requireCanonical(COINBASE, symbol);
  if (canonical.kind !== 'crypto') {
    throw unsupportedSymbol(COINBASE, symbol, 'Coinbase lists crypto pairs only', 'try a crypto pair such as BTC-USD');
  }
  return `${canonical.base}-${canonical.quote}`;
}

/** A product id back to the canonical symbol; ids with quotes outside CRYPTO_QUOTES pass through unchanged. */
export function fromCoinbaseProduct(productId: string): string {
  const id = productId.toUpperCase();
  if (!PRODUCT_ID.test(id)) throw unsupportedSymbol(COINBASE, productId, 'it is not a product id such as BTC-USD');
  return id;
}
