import type { AssetClass } from '../../engine/instrument.js';
import { normalizeSymbol } from '../../engine/instrument.js';

/**
 * Stockato's canonical symbols were chosen to be Yahoo's own, so no mapping table is needed:
 *
 *   AAPL, BRK-B     US listings (Yahoo writes share classes with `-`, not `.`)
 *   OCDO.L, WSU.DE  other venues: a `.` and Yahoo's venue suffix (L = London, DE = Xetra, TO = Toronto)
 *   BTC-USD         crypto: base `-` quote currency
 *   EURUSD=X        FX: base and quote ISO codes, then `=X` (`JPY=X` is Yahoo's short form of USDJPY=X)
 *   GC=F            futures: root then `=F` (continuous front month)
 *   ^GSPC, ^VIX     indices: a leading `^`
 *
 * The functions below are where a difference would go if one ever appears; today they only
 * normalize case and spacing.
 */
export function toYahooSymbol(symbol: string): string | undefined {
  return normalizeSymbol(symbol);
}

export function fromYahooSymbol(symbol: string): string {
  return symbol.trim().toUpperCase();
}

/** Path segment for the chart endpoint: `^GSPC` -> `%5EGSPC`, `EURUSD=X` -> `EURUSD%3DX`. */
export function chartPath(symbol: string): string {
  return `/v8/finance/chart/${encodeURIComponent(symbol)}`;
}

/**
 * The quote currency where the symbol itself states it (search results carry no currency):
 * `BTC-USD` -> USD, `EURUSD=X` -> USD, `JPY=X` -> JPY. Undefined for everything else, because a
 * venue suffix does not settle it (London lists in GBp, GBP and USD).
 */
export function currencyFromSymbol(symbol: string, assetClass: AssetClass): string | undefined {
  if (assetClass === 'crypto') return /-([A-Z]{3,4})$/.exec(symbol)?.[1];
  if (assetClass === 'fx') return /^(?:[A-Z]{3})?([A-Z]{3})=X$/.exec(symbol)?.[1];
  return undefined;
}
