import { malformedKeyError } from '../api-key.js';
import { ALPACA } from './symbols.js';

export interface AlpacaKeyPair {
  readonly keyId: string;
  readonly secretKey: string;
}

const EXPECTED = 'KEY_ID:SECRET_KEY (the key id, a colon, then the secret key)';

/**
 * Alpaca authenticates with two values; the credential store keeps one string per provider, so
 * they are stored as `KEY_ID:SECRET_KEY` and split at the first colon (key ids have none). The
 * errors describe the shape only: they never quote any part of the value.
 */
export function parseAlpacaKey(value: string): AlpacaKeyPair {
  const colon = value.indexOf(':');
  if (colon < 0) throw malformedKeyError(ALPACA, EXPECTED, 'the value has no colon');
  const keyId = value.slice(0, colon).trim();
  const secretKey = value.slice(colon + 1).trim();
  if (keyId === '') throw malformedKeyError(ALPACA, EXPECTED, 'the key id before the colon is empty');
  if (secretKey === '') throw malformedKeyError(ALPACA, EXPECTED, 'the secret key after the colon is empty');
  return { keyId, secretKey };
}
