/**
 * The contract between the credential store (`src/secrets/`) and the providers that need a key.
 * Providers never read the keychain, the environment or a file themselves: they are handed a
 * `Credentials` and ask it for their key when they first need one.
 */

/** Where a key was found, in the order they are tried. */
export type CredentialSource = 'keychain' | 'environment' | 'file';

export interface CredentialLookup {
  /** The secret itself: never logged, never in an error message, never stored anywhere else. */
  readonly value: string;
  readonly source: CredentialSource;
}

export interface Credentials {
  /** The key for `providerId` (`polygon`, `finnhub`, `alpaca`, `alphavantage`), or undefined when none is set. */
  get(providerId: string): Promise<CredentialLookup | undefined>;
}

/** Credentials with nothing in them: keyed providers then fail with a hint to `stockato keys set`. */
export const NO_CREDENTIALS: Credentials = {
  get: () => Promise.resolve(undefined),
};
