import { CredentialStore } from './credential-store.js';
import { KeyFile, keyFilePath } from './key-file.js';
import { Keychain, KEYCHAIN_SERVICE } from './keychain.js';

export type { CredentialLookup, CredentialSource, Credentials } from './credentials.js';
export { NO_CREDENTIALS } from './credentials.js';
export { CredentialStore, type KeyDestination, type KeyPresence, type RemovedKey } from './credential-store.js';
export { KEYED_PROVIDERS, KEYED_PROVIDER_IDS, findKeyedProvider, requireKeyedProvider } from './keyed-providers.js';
export type { KeyedProvider } from './keyed-providers.js';
export type { KeychainStatus } from './keychain.js';
export { SecretsError } from './errors.js';

export interface OpenCredentialsOptions {
  /** The process environment (keys in STOCKATO_*_KEY; DBUS_SESSION_BUS_ADDRESS for the keychain probe). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `Paths.configDir`: the opt-in key file lives there as keys.json. */
  readonly configDir: string;
  /** Warnings for stderr (the context's `warn`): a keychain that failed, a key stored in the file. */
  readonly warn: (message: string) => void;
  /** Time box of the keychain probe and of each keychain call. */
  readonly keychainTimeoutMs?: number;
  /** Keychain service name; default STOCKATO_KEYCHAIN_SERVICE, else `stockato` (tests use their own). */
  readonly service?: string;
}

/**
 * The credential store for one process. Nothing is probed or read until a key is asked for, so
 * commands that need no key pay nothing.
 */
export function openCredentials(options: OpenCredentialsOptions): CredentialStore {
  return new CredentialStore({
    env: options.env,
    warn: options.warn,
    keychain: new Keychain({
      env: options.env,
      ...(options.keychainTimeoutMs === undefined ? {} : { timeoutMs: options.keychainTimeoutMs }),
      service: options.service ?? (options.env['STOCKATO_KEYCHAIN_SERVICE'] || KEYCHAIN_SERVICE),
    }),
    file: new KeyFile(keyFilePath(options.configDir)),
  });
}
