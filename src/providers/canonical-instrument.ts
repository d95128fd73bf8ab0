import type { AssetClass, Instrument } from '../engine/instrument.js';
import { currencyOf, requireCanonical, unsupportedSymbol } from './symbols.js';

const ASSET_CLASS: Readonly<Record<string, AssetClass>> = {
  security: 'equity',
  crypto: 'crypto',
  fx: 'fx',
  index: 'index',
  future: 'future',
};

/**
 * The instrument a history request names, for sources whose bars carry no description: the
 * canonical symbol is its name, shares count as equities (an ETF cannot be told apart from its
 * symbol), and the currency is the one the symbol implies. A symbol whose currency the symbol
 * does not tell (a London listing) is refused rather than given a guessed currency.
 */
export function instrumentFromSymbol(provider: string, symbol: string, exchange: string): Instrument {
  const canonical = requireCanonical(provider, symbol);
  const currency = currencyOf(canonical);
  if (!currency) throw unsupportedSymbol(provider, symbol, 'its currency is unknown');
  return { symbol, name: symbol, assetClass: ASSET_CLASS[canonical.kind] ?? 'equity', currency, exchange };
}
