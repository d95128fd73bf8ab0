import { UsageError } from '../errors.js';

/** A provider that needs a key, the variable that may hold it, and the form the key takes. */
export interface KeyedProvider {
  readonly id: string;
  readonly displayName: string;
  readonly envVar: string;
  /** How the key is written, for help and error messages (never the key itself). */
  readonly form: string;
  /** Alpaca's key is two parts, `KEY_ID:SECRET_KEY`; the others are one token. */
  readonly pair: boolean;
}

/**
 * The keyed sources. This table stands in for the provider registry until its entries carry
 * `capabilities.requiresKey`: then the ids come from the registry and the variable name from
 * `STOCKATO_${ID}_KEY`, leaving only the key's form (pair or token) to declare per provider.
 */
export const KEYED_PROVIDERS: readonly KeyedProvider[] = [
  { id: 'polygon', displayName: 'Polygon', envVar: 'STOCKATO_POLYGON_KEY', form: 'an API key', pair: false },
  { id: 'finnhub', displayName: 'Finnhub', envVar: 'STOCKATO_FINNHUB_KEY', form: 'an API key', pair: false },
  {
    id: 'alpaca',
    displayName: 'Alpaca',
    envVar: 'STOCKATO_ALPACA_KEY',
    form: 'KEY_ID:SECRET_KEY (the key id and the secret key joined by a colon)',
    pair: true,
  },
  {
    id: 'alphavantage',
    displayName: 'Alpha Vantage',
    envVar: 'STOCKATO_ALPHAVANTAGE_KEY',
    form: 'an API key',
    pair: false,
  },
];

export const KEYED_PROVIDER_IDS: readonly string[] = KEYED_PROVIDERS.map((p) => p.id);

export function findKeyedProvider(id: string): KeyedProvider | undefined {
  return KEYED_PROVIDERS.find((provider) => provider.id === id);
}

/** The keyed provider named `id`; anything else is a usage error listing the keyed ones. */
export function requireKeyedProvider(id: string): KeyedProvider {
  const provider = findKeyedProvider(id);
  if (!provider) {
    throw new UsageError(`"${id}" is not a provider that takes a key`, {
      hint: `providers with keys: ${KEYED_PROVIDER_IDS.join(', ')}`,
    });
  }
  return provider;
}
