import { ProviderError } from '../errors.js';
import { NO_CREDENTIALS, type Credentials } from '../secrets/credentials.js';

/**
 * How a keyed provider (Polygon, Finnhub, Alpaca, Alpha Vantage) gets its key and says what is
 * wrong with it. The key is asked for on the first request, not at construction, so a provider
 * without a key can still be listed and report its capabilities.
 */

/** `STOCKATO_POLYGON_KEY`: the environment variable the credential store reads for `providerId`. */
export function keyEnvVar(providerId: string): string {
  return `STOCKATO_${providerId.toUpperCase()}_KEY`;
}

function setKeyHint(providerId: string): string {
  return `set one with: stockato keys set ${providerId} (or the environment variable ${keyEnvVar(providerId)})`;
}

/** No key is set: not retryable, since nothing changes until the user sets one. */
export function missingKeyError(providerId: string, displayName: string): ProviderError {
  return new ProviderError(
    providerId,
    'missing-key',
    `${providerId}: ${displayName} needs an API key and none is set`,
    false,
    { hint: setKeyHint(providerId) },
  );
}

/**
 * The provider refused the key (HTTP 401 or its own "invalid key" body). `detail` is what the
 * provider said, already free of the key; it is quoted so the user sees the source's own words.
 */
export function keyRejectedError(providerId: string, detail: string | undefined): ProviderError {
  return new ProviderError(
    providerId,
    'key-rejected',
    `${providerId} rejected the API key${detail ? ` (${detail})` : ''}`,
    false,
    { hint: `check the key, then set it again with: stockato keys set ${providerId}` },
  );
}

/** The key as stored does not have the form the provider needs (Alpaca's `KEY_ID:SECRET_KEY`). */
export function malformedKeyError(providerId: string, expected: string, problem: string): ProviderError {
  return new ProviderError(
    providerId,
    'key-malformed',
    `${providerId}: the stored API key should be ${expected}, but ${problem}`,
    false,
    { hint: `set it again in that form with: stockato keys set ${providerId}` },
  );
}

/** A provider's key, looked up when first needed. */
export interface ApiKey {
  /** The key; throws `missing-key` when none is set. */
  get(): Promise<string>;
  /**
   * Every secret text known so far, for scrubbing errors: the value and each of its
   * colon-separated parts (Alpaca's key id and secret). Empty before the first lookup.
   */
  secrets(): readonly string[];
}

/**
 * The key for `providerId`, looked up on the first call and kept once found. A missing key is
 * not kept, so a key set later in the same process is picked up. Surrounding whitespace (a
 * newline from `echo $KEY > file`) is dropped; an empty value counts as missing.
 */
export function lazyApiKey(providerId: string, displayName: string, credentials: Credentials = NO_CREDENTIALS): ApiKey {
  let found: string | undefined;
  let secrets: readonly string[] = [];
  return {
    get: async () => {
      if (found !== undefined) return found;
      const lookup = await credentials.get(providerId);
      const value = lookup?.value.trim() ?? '';
      if (value === '') throw missingKeyError(providerId, displayName);
      found = value;
      secrets = [value, ...value.split(':').map((part) => part.trim())];
      return value;
    },
    secrets: () => secrets,
  };
}
