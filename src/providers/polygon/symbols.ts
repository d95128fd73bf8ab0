import {
  CRYPTO_QUOTES,
  cryptoSymbol,
  fxSymbol,
  parseCanonicalSymbol,
  requireCanonical,
  securitySymbol,
  splitConcatenatedPair,
  unsupportedSymbol,
} from '../symbols.js';

export const POLYGON = 'polygon';

/** Yahoo index roots whose Polygon name differs; other roots are the same on both (`^NDX` = `I:NDX`). */
const INDEX_NAMES: Readonly<Record<string, string>> = { GSPC: 'SPX', IXIC: 'COMP' };

/**
 * Polygon's forms: US tickers with a dot for share classes (`BRK.B`), crypto `X:BTCUSD`, FX
 * `C:EURUSD`, indices `I:SPX`. Polygon covers US listings only, and no futures.
 */
export function toPolygonTicker(symbol: string): string {
  const canonical = requireCanonical(POLYGON, symbol);
  switch (canonical.kind) {
    case 'security':
      if (canonical.exchangeSuffix !== undefined) {
        throw unsupportedSymbol(POLYGON, symbol, 'Polygon covers US listings only', 'Yahoo covers other exchanges');
      }
      return canonical.shareClass ? `${canonical.ticker}.${canonical.shareClass}` : canonical.ticker;
    case 'crypto':
      return `X:${canonical.base}${canonical.quote}`;
    case 'fx':
      return `C:${canonical.base}${canonical.quote}`;
    case 'index':
      return `I:${INDEX_NAMES[canonical.root] ?? canonical.root}`;
    case 'future':
      throw unsupportedSymbol(POLYGON, symbol, 'Polygon has no futures data', 'Yahoo covers futures');
  }
}

/** `X:BTCUSD` -> `BTC-USD`, `C:EURUSD` -> `EURUSD=X`, `I:SPX` -> `^GSPC`, `BRK.B` -> `BRK-B`. */
export function fromPolygonTicker(ticker: string): string {
  const [, prefix, rest = ''] = /^(?:([XCI]):)?(.+)$/.exec(ticker) ?? [];
  if (prefix === 'X') {
    const pair = splitConcatenatedPair(rest, CRYPTO_QUOTES);
    if (pair) return cryptoSymbol(pair.base, pair.quote);
  } else if (prefix === 'C' && /^[A-Z]{6}$/.test(rest)) {
    return fxSymbol(rest.slice(0, 3), rest.slice(3));
  } else if (prefix === 'I') {
    const root = Object.keys(INDEX_NAMES).find((yahoo) => INDEX_NAMES[yahoo] === rest) ?? rest;
    return `^${root}`;
  } else {
    const canonical = parseCanonicalSymbol(rest);
    if (canonical?.kind === 'security' && canonical.exchangeSuffix === undefined) {
      return securitySymbol(canonical.ticker, canonical.shareClass);
    }
  }
  throw unsupportedSymbol(POLYGON, ticker, 'it is not a Polygon ticker this app maps');
}
