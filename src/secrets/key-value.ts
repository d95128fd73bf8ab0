import { UsageError } from '../errors.js';
import type { KeyedProvider } from './keyed-providers.js';

const MAX_KEY_LENGTH = 4096;

/**
 * The key as typed or piped, without surrounding white space (a trailing newline from `echo`).
 * Refusals say what is wrong with the input and never quote it: the input is the secret.
 */
export function normalizeKey(provider: KeyedProvider, raw: string): string {
  const key = raw.trim();
  if (key === '') throw new UsageError(`no key was given for ${provider.id}: the input was empty`);
  if (key.length > MAX_KEY_LENGTH) {
    throw new UsageError(
      `the ${provider.id} key is ${key.length} characters long; at most ${MAX_KEY_LENGTH} are accepted`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(key)) {
    throw new UsageError(`the ${provider.id} key contains a space, a line break or a control character`, {
      hint: `give ${provider.form} on one line, nothing else`,
    });
  }
  if (provider.pair && !isPair(key)) {
    throw new UsageError(`the ${provider.id} key must be ${provider.form}`, {
      hint: 'the value given is not two non-empty parts joined by one colon',
    });
  }
  return key;
}

function isPair(key: string): boolean {
  const parts = key.split(':');
  return parts.length === 2 && parts.every((part) => part !== '');
}
