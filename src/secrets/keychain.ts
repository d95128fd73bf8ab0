import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { SecretsError } from './errors.js';
import type * as Keyring from '@napi-rs/keyring';
import type { AsyncEntry, EntryOptions } from '@napi-rs/keyring';

type Env = Readonly<Record<string, string | undefined>>;
type KeyringModule = typeof Keyring;

/** Whether the OS keychain can be used, and if not, why not (in words for `doctor`). */
export type KeychainStatus =
  { readonly available: true; readonly backend: string } | { readonly available: false; readonly reason: string };

export interface KeychainOptions {
  readonly env: Env;
  /** Keychain service name; every key is an entry of it with the provider id as the account. */
  readonly service?: string;
  /** Longest wait for the probe and for each keychain call. */
  readonly timeoutMs?: number;
  readonly platform?: NodeJS.Platform;
}

export const KEYCHAIN_SERVICE = 'stockato';
const DEFAULT_TIMEOUT_MS = 3000;
const PROBE_ACCOUNT = '.probe';
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

/**
 * The OS keychain through @napi-rs/keyring: Secret Service on Linux (forced, never the kernel
 * keyring, which forgets keys at logout), Keychain on macOS, Credential Manager on Windows.
 *
 * Opening a Secret Service entry talks to D-Bus synchronously, and a bus that accepts the
 * connection but never answers blocks the calling thread for good (a worker thread too: the
 * process then cannot exit). So the first use probes in a child process that is killed when the
 * time box runs out; only a keychain that answered is used in this process.
 */
export class Keychain {
  readonly service: string;
  readonly #env: Env;
  readonly #timeoutMs: number;
  readonly #platform: NodeJS.Platform;
  #status: Promise<KeychainStatus> | undefined;
  #module: KeyringModule | undefined;

  constructor(options: KeychainOptions) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.#env = options.env;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#platform = options.platform ?? process.platform;
  }

  backendName(): string {
    if (this.#platform === 'darwin') return 'macOS Keychain';
    if (this.#platform === 'win32') return 'Windows Credential Manager';
    return 'Secret Service';
  }

  /** Probes once per process; never throws. */
  status(): Promise<KeychainStatus> {
    this.#status ??= this.#probe().catch((error: unknown) => ({
      available: false as const,
      reason: firstLine(error),
    }));
    return this.#status;
  }

  async get(account: string): Promise<string | undefined> {
    const entry = await this.#entry(account);
    return (await this.#timeBoxed('read', (signal) => entry.getPassword(signal))) ?? undefined;
  }

  async set(account: string, secret: string): Promise<void> {
    const entry = await this.#entry(account);
    await this.#timeBoxed('write', (signal) => entry.setPassword(secret, signal));
  }

  /** True when there was an entry to delete. */
  async remove(account: string): Promise<boolean> {
    const entry = await this.#entry(account);
    return this.#timeBoxed('delete', (signal) => entry.deleteCredential(signal));
  }

  async #entry(account: string): Promise<AsyncEntry> {
    const status = await this.status();
    if (!status.available || this.#module === undefined) {
      throw new SecretsError(
        'keychain-unavailable',
        `no keychain is available: ${status.available ? '' : status.reason}`,
        {
          hint: 'set the key in an environment variable, or store it in a file with stockato keys set PROVIDER --file',
        },
      );
    }
    try {
      return new this.#module.AsyncEntry(this.service, account, ENTRY_OPTIONS);
    } catch (error) {
      throw keychainError('open', error);
    }
  }

  async #timeBoxed<T>(what: string, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new SecretsError('keychain-timeout', `the keychain did not answer a ${what} within ${this.#timeoutMs} ms`, {
            hint: 'is the keyring locked? unlock it, or use an environment variable',
          }),
        );
      }, this.#timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([
        call(controller.signal).catch((error: unknown) => Promise.reject(keychainError(what, error))),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #probe(): Promise<KeychainStatus> {
    if (usesSecretService(this.#platform) && !hasSessionBus(this.#env)) {
      return {
        available: false,
        reason: 'no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret Service',
      };
    }
    let modulePath: string;
    try {
      const require = createRequire(import.meta.url);
      modulePath = require.resolve('@napi-rs/keyring');
      this.#module = require(modulePath) as KeyringModule;
    } catch (error) {
      return { available: false, reason: `the keychain library @napi-rs/keyring cannot load (${firstLine(error)})` };
    }
    const answer = await probeInChild(modulePath, this.service, this.#env, this.#timeoutMs);
    return answer === 'ok' ? { available: true, backend: this.backendName() } : { available: false, reason: answer };
  }
}

function usesSecretService(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin' && platform !== 'win32';
}

function hasSessionBus(env: Env): boolean {
  return (env['DBUS_SESSION_BUS_ADDRESS'] ?? '') !== '';
}

/** Reads a missing entry in a throw-away process: 'ok', or why the keychain cannot be used. */
function probeInChild(modulePath: string, service: string, env: Env, timeoutMs: number): Promise<string> {
  const script = `
    const { Entry } = require(${JSON.stringify(modulePath)});
    try {
      new Entry(${JSON.stringify(service)}, ${JSON.stringify(PROBE_ACCOUNT)}, ${JSON.stringify(ENTRY_OPTIONS)}).getPassword();
      process.stdout.write('ok');
    } catch (error) {
      process.stdout.write(String(error && error.message).split('\\n')[0]);
    }`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-e', script],
      { env: { ...env }, timeout: timeoutMs, killSignal: 'SIGKILL', encoding: 'utf8', windowsHide: true },
      (error, stdout) => {
        if (error && (error as { killed?: boolean }).killed) {
          resolve(`the Secret Service did not answer within ${timeoutMs} ms`);
        } else if (stdout === 'ok') resolve('ok');
        else resolve(stdout.trim() || `the keychain probe failed (${firstLine(error)})`);
      },
    );
  });
}

function keychainError(what: string, error: unknown): SecretsError {
  if (error instanceof SecretsError) return error;
  return new SecretsError('keychain-failed', `the keychain refused a ${what}: ${firstLine(error)}`, { cause: error });
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
