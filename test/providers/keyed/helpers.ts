import type { CredentialLookup, Credentials } from '../../../src/secrets/credentials.js';

/** Credentials holding fixed keys by provider id, counting how often each was asked for. */
export function staticCredentials(keys: Readonly<Record<string, string>>): Credentials & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    get: (providerId: string): Promise<CredentialLookup | undefined> => {
      asked.push(providerId);
      const value = keys[providerId];
      return Promise.resolve(value === undefined ? undefined : { value, source: 'environment' });
    },
  };
}

/** The rejection of `promise`; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but the call succeeded');
}
