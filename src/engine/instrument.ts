export const ASSET_CLASSES = ['equity', 'etf', 'crypto', 'fx', 'index', 'future', 'fund'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

/** A tradable thing, named by its canonical symbol (`AAPL`, `BTC-USD`, `EURUSD=X`, `^GSPC`). */
export interface Instrument {
  readonly symbol: string;
  readonly name: string;
  readonly assetClass: AssetClass;
  /** ISO 4217 code of the quote currency (`USD`), or a minor unit such as `GBp` (pence). */
  readonly currency: string;
  /** Exchange or venue code (`NASDAQ`, `LSE`, `DEMO`). */
  readonly exchange: string;
}

const SYMBOL = /^[A-Z0-9^][A-Z0-9.\-=^/]{0,31}$/;

/**
 * Normalizes user input to a canonical symbol (trimmed, upper case). Returns undefined when the
 * text cannot be a symbol (empty, spaces inside, characters no venue uses).
 */
export function normalizeSymbol(text: string): string | undefined {
  const symbol = text.trim().toUpperCase();
  return SYMBOL.test(symbol) ? symbol : undefined;
}
