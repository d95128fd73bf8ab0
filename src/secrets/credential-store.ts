import type { CredentialLookup, CredentialSource, Credentials } from './credentials.js';
import { SecretsError } from './errors.js';
import type { KeyFile } from './key-file.js';
import { normalizeKey } from './key-value.js';
import { findKeyedProvider, KEYED_PROVIDERS, requireKeyedProvider, type KeyedProvider } from './keyed-providers.js';
import type { Keychain, KeychainStatus } from './keychain.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Where `keys set` puts a key: the keychain, or the opt-in file. */
export type KeyDestination = 'keychain' | 'file';

/** Where a key of one provider is set, in lookup order (the first one is used). */
export interface KeyPresence {
  readonly provider: KeyedProvider;
  readonly sources: readonly CredentialSource[];
  /** Set when the keychain could not be asked, so the answer for it is unknown. */
  readonly keychainProblem?: string;
}

export interface RemovedKey {
  readonly removed: readonly CredentialSource[];
  /** The environment variable still holds a key, which stockato cannot unset. */
  readonly stillInEnvironment: boolean;
}

export interface CredentialStoreParts {
  readonly env: Env;
  readonly keychain: Keychain;
  readonly file: KeyFile;
  readonly warn: (message: string) => void;
}

/**
 * Keys looked up in order: the OS keychain, the provider's environment variable, then the opt-in
 * key file (read only once it exists, and only when its mode is 0600). A key is handed to the
 * caller and nowhere else: no message here ever carries one.
 */
export class CredentialStore implements Credentials {
  readonly #env: Env;
  readonly #warn: (message: string) => void;
  readonly keychain: Keychain;
  readonly file: KeyFile;

  constructor(parts: CredentialStoreParts) {
    this.#env = parts.env;
    this.keychain = parts.keychain;
    this.file = parts.file;
    this.#warn = parts.warn;
  }

  keychainStatus(): Promise<KeychainStatus> {
    return this.keychain.status();
  }

  async get(providerId: string): Promise<CredentialLookup | undefined> {
    const provider = findKeyedProvider(providerId);
    if (!provider) return undefined;
    if ((await this.keychain.status()).available) {
      try {
        const value = await this.keychain.get(provider.id);
        if (value !== undefined) return { value, source: 'keychain' };
      } catch (error) {
        this.#warn(`${describe(error)}; looking for the ${provider.id} key elsewhere`);
      }
    }
    const fromEnv = this.#fromEnvironment(provider);
    if (fromEnv !== undefined) return { value: fromEnv, source: 'environment' };
    const fromFile = this.file.get(provider.id);
    return fromFile === undefined ? undefined : { value: fromFile, source: 'file' };
  }

  /** Where each keyed provider's key is set; never the keys themselves. */
  async list(): Promise<KeyPresence[]> {
    const status = await this.keychain.status();
    const fileKeys = this.file.read();
    const presences: KeyPresence[] = [];
    for (const provider of KEYED_PROVIDERS) {
      const sources: CredentialSource[] = [];
      let keychainProblem: string | undefined;
      if (status.available) {
        try {
          if ((await this.keychain.get(provider.id)) !== undefined) sources.push('keychain');
        } catch (error) {
          keychainProblem = describe(error);
        }
      }
      if (this.#fromEnvironment(provider) !== undefined) sources.push('environment');
      if (fileKeys[provider.id] !== undefined) sources.push('file');
      presences.push({ provider, sources, ...(keychainProblem ? { keychainProblem } : {}) });
    }
    return presences;
  }

  /** Validates and stores a key; returns where it went (a keychain name or the file path). */
  async set(providerId: string, rawKey: string, destination: KeyDestination): Promise<string> {
    const provider = requireKeyedProvider(providerId);
    const key = normalizeKey(provider, rawKey);
    const status = await this.keychain.status();
    if (destination === 'file') {
      this.#warn(
        `storing the ${provider.id} key in ${this.file.path}, a plain file only you can read: ` +
          (status.available
            ? `the keychain (${status.backend}) is available and safer; run without --file to use it`
            : `no keychain was found (${status.reason})`),
      );
      this.file.set(provider.id, key);
      return this.file.path;
    }
    if (!status.available) {
      throw new SecretsError(
        'keychain-unavailable',
        `no keychain was found to store the ${provider.id} key in: ${status.reason}`,
        {
          hint: `set ${provider.envVar} in the environment instead, or store it in a plain file (mode 0600) with --file`,
        },
      );
    }
    await this.keychain.set(provider.id, key);
    return `${status.backend} (service "${this.keychain.service}", account "${provider.id}")`;
  }

  /** Removes the key from the keychain and the file; the environment is the caller's to change. */
  async remove(providerId: string): Promise<RemovedKey> {
    const provider = requireKeyedProvider(providerId);
    const removed: CredentialSource[] = [];
    if ((await this.keychain.status()).available && (await this.keychain.remove(provider.id))) removed.push('keychain');
    if (this.file.exists() && this.file.remove(provider.id)) removed.push('file');
    return { removed, stillInEnvironment: this.#fromEnvironment(provider) !== undefined };
  }

  #fromEnvironment(provider: KeyedProvider): string | undefined {
    const value = this.#env[provider.envVar]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
