import { Decimal } from '../../engine/decimal.js';
import type { AssetClass } from '../../engine/instrument.js';
import { ProviderError } from '../../errors.js';

export const YAHOO = 'yahoo';

/**
 * Stands for a currency Yahoo did not give (chart `meta.currency: null`, search results, which
 * carry none). Empty rather than a guess: a wrong currency would silently mix money, an empty one
 * shows as a blank cell and fails loudly in currency arithmetic.
 */
export const UNKNOWN_CURRENCY = '';

/** A finite JS number, or undefined for null, missing, NaN and anything else. */
export function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Yahoo's JS number as an exact decimal (its shortest round-trip text), or undefined. */
export function decimal(value: unknown): Decimal | undefined {
  const number = finite(value);
  return number === undefined ? undefined : Decimal.of(number);
}

/**
 * A chart price as the decimal Yahoo meant. Chart prices are stored as 32-bit floats and sent
 * widened to doubles, so 129.04 arrives as 129.0399932861328; such a value becomes the shortest
 * decimal text that rounds to the same float32 (129.04). A value that is not exactly a float32
 * was never narrowed and keeps its own shortest text. Not for volumes: a whole number above 2^24
 * may be a float32 by chance, and shortening it would change the count.
 */
export function float32Price(value: unknown): Decimal | undefined {
  const number = finite(value);
  if (number === undefined) return undefined;
  const single = Math.fround(number);
  if (single !== number) return Decimal.of(number);
  for (let digits = 1; digits <= 9; digits++) {
    const shortest = number.toPrecision(digits);
    if (Math.fround(Number(shortest)) === single) return Decimal.of(shortest);
  }
  return Decimal.of(number);
}

/** Text that is present and not blank. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const ASSET_CLASS_BY_TYPE: Readonly<Record<string, AssetClass>> = {
  EQUITY: 'equity',
  ETF: 'etf',
  INDEX: 'index',
  CURRENCY: 'fx',
  FUTURE: 'future',
  MUTUALFUND: 'fund',
  MONEYMARKET: 'fund',
  CRYPTOCURRENCY: 'crypto',
};

/** Yahoo's quoteType / instrumentType as an asset class; undefined for OPTION, NONE and others. */
export function assetClassOf(type: string | undefined): AssetClass | undefined {
  return type === undefined ? undefined : ASSET_CLASS_BY_TYPE[type.toUpperCase()];
}

/** A payload without the shape the parser needs: retryable, another source may answer. */
export function malformed(what: string): ProviderError {
  return new ProviderError(YAHOO, 'malformed', `yahoo sent an unexpected payload: ${what}`, true, {
    hint: 'Yahoo Finance is an unofficial API and may have changed; try again or use another provider',
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
