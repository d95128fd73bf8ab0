import { cryptoSymbol, requireCanonical, securitySymbol, parseCanonicalSymbol, unsupportedSymbol } from '../symbols.js';

export const ALPACA = 'alpaca';

/**
 * Alpaca's forms: US shares with a dot for share classes (`BRK.B`) and crypto with a slash
 * (`BTC/USD`). It has no FX, indices, futures or non-US listings.
 */
export function toAlpacaSymbol(symbol: string): string {
  const canonical = requireCanonical(ALPACA, symbol);
  if (canonical.kind === 'crypto') return `${canonical.base}/${canonical.quote}`;
  if (canonical.kind === 'security' && canonical.exchangeSuffix === undefined) {
    return canonical.shareClass ? `${canonical.ticker}.${canonical.shareClass}` : canonical.ticker;
  }
  throw unsupportedSymbol(ALPACA, symbol, 'Alpaca covers US shares and crypto only', 'Yahoo covers the rest');
}

/** `BTC/USD` -> `BTC-USD`, `BRK.B` -> `BRK-B`. */
export function fromAlpacaSymbol(wire: string): string {
  const pair = /^([A-Z0-9]+)\/([A-Z0-9]+)$/.exec(wire);
  if (pair?.[1] && pair[2]) return cryptoSymbol(pair[1], pair[2]);
  const canonical = parseCanonicalSymbol(wire);
  if (canonical?.kind === 'security' && canonical.exchangeSuffix === undefined) {
    return securitySymbol(canonical.ticker, canonical.shareClass);
  }
  throw unsupportedSymbol(ALPACA, wire, 'it is not an Alpaca symbol this app maps');
}
