import { mkdirSync } from 'node:fs';
import type { Clock } from './engine/clock.js';
import { type AppError, UsageError, EXIT, StoreError, type ExitCode } from './errors.js';
import { loadConfig, type Config } from './config/config.js';
import type { Dataset } from './output/dataset.js';
import { chooseFormat, render, type OutputFormat } from './output/render.js';
import { createStyle, shouldUseColor, type Style } from './output/style.js';
import { resolvePaths, type Paths } from './paths.js';
import type { MarketDataProvider } from './providers/provider.js';
import { loadProvider } from './providers/registry.js';
import type { Credentials } from './secrets/credentials.js';
import type { CredentialStore } from './secrets/index.js';
import { parseDuration } from './duration.js';
import type { ResponseCacheRepository } from './store/response-cache-repository.js';
import type { Store } from './store/store.js';

export interface OutputStream {
  write(text: string): boolean;
  readonly isTTY?: boolean;
  /** Width of the terminal, when it is one. */
  readonly columns?: number;
}

/** The outside world a command may touch, injected so that tests can build a CLI of their own. */
export interface CliDeps {
  /** Keys for prompts and the dashboard, or piped text (`keys set --stdin`, `--input -`). */
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
}

/** Options every command accepts (declared once on the program). */
export interface GlobalOptions {
  readonly json?: boolean;
  readonly ndjson?: boolean;
  readonly csv?: boolean;
  readonly color?: boolean;
  readonly provider?: string;
  readonly demo?: boolean;
  readonly debug?: boolean;
  readonly quiet?: boolean;
  /** `--max-age DURATION`: older data is an error instead of being served stale. */
  readonly maxAge?: string;
}

/**
 * What a running command uses: lazily opened config, store and providers, and the output
 * channels. It also remembers the exit code a partial failure asks for.
 */
export class CommandContext {
  exitCode: ExitCode = EXIT.ok;
  #paths: Paths | undefined;
  #config: Promise<Config> | undefined;
  #store: Store | undefined;
  #style: Style | undefined;
  #provider: Promise<MarketDataProvider> | undefined;
  #credentials: Promise<CredentialStore> | undefined;

  constructor(
    readonly deps: CliDeps,
    readonly globals: GlobalOptions,
  ) {}

  get clock(): Clock {
    return this.deps.clock;
  }

  paths(): Paths {
    this.#paths ??= resolvePaths(this.deps.env);
    return this.#paths;
  }

  config(): Promise<Config> {
    this.#config ??= loadConfig(this.paths().configFile);
    return this.#config;
  }

  /**
   * The provider named by --provider/--demo, else the configured default (`auto`: the router over
   * the real providers). Demo is used as it is (offline, nothing to budget); any real provider goes
   * through the router, so its budgets, Retry-After and health are kept in the store.
   */
  provider(): Promise<MarketDataProvider> {
    this.#provider ??= this.#openProvider();
    return this.#provider;
  }

  async #openProvider(): Promise<MarketDataProvider> {
    const { provider, demo } = this.globals;
    if (demo === true && provider !== undefined && provider !== 'demo') {
      throw new UsageError(`--demo and --provider ${provider} contradict each other: give one of them`);
    }
    const config = await this.config();
    const id = demo === true ? 'demo' : (provider ?? config.getString('provider'));
    this.debug(`provider: ${id}`);
    // The demo market needs no router, store or credentials: keep its start-up lean.
    if (id === 'demo') return loadProvider(id, { clock: this.clock, demoSeed: config.getNumber('demo.seed') });
    const { openProvider } = await import('./services/provider-setup.js');
    return openProvider(id, {
      config,
      clock: this.clock,
      env: this.deps.env,
      credentials: this.credentials(),
      store: await this.cacheStore(),
      warn: (message) => this.warn(message),
      debug: (message) => this.debug(message),
    });
  }

  /**
   * The API keys of this process (keychain, then environment, then the opt-in key file), opened
   * on first use: a command that needs no key never loads the keychain.
   */
  credentialStore(): Promise<CredentialStore> {
    this.#credentials ??= import('./secrets/index.js').then(({ openCredentials }) =>
      openCredentials({ env: this.deps.env, configDir: this.paths().configDir, warn: (m) => this.warn(m) }),
    );
    return this.#credentials;
  }

  /** What providers are handed: only lookups, and the store is opened only when one asks. */
  credentials(): Credentials {
    return { get: async (providerId) => (await this.credentialStore()).get(providerId) };
  }

  /** `--max-age` in ms, or undefined when not given; a bad duration is a usage error. */
  maxAgeMs(): number | undefined {
    const { maxAge } = this.globals;
    return maxAge === undefined ? undefined : parseDuration(maxAge, '--max-age');
  }

  /** Opens (creating and migrating on first use) the database in the data folder. */
  async store(): Promise<Store> {
    if (!this.#store) {
      const { openStore } = await import('./store/store.js');
      const { dataDir, databaseFile } = this.paths();
      mkdirSync(dataDir, { recursive: true });
      this.debug(`database: ${databaseFile}`);
      try {
        this.#store = openStore(databaseFile);
      } catch (error) {
        throw isMissingDriver(error) ? missingDriverError(error) : error;
      }
    }
    return this.#store;
  }

  /**
   * The store when it can be used as a cache, or undefined (with a warning) when the SQLite
   * driver was never built, as under `npx` with npm's install scripts turned off: a one-off
   * command still works, it just caches nothing.
   */
  async cacheStore(): Promise<Store | undefined> {
    try {
      return await this.store();
    } catch (error) {
      if (!(error instanceof StoreError) || error.code !== 'sqlite-unavailable') throw error;
      this.warn(`${error.message}; running without the cache (${error.hint ?? ''})`);
      return undefined;
    }
  }

  /**
   * Where quotes, search results and news of `provider` are cached: nowhere for simulated data
   * (computed offline, never cached), so that `--demo` commands need not open the database.
   */
  async responseCache(provider: MarketDataProvider): Promise<ResponseCacheRepository | undefined> {
    return provider.capabilities.simulated ? undefined : (await this.cacheStore())?.responses;
  }

  /** The output format the flags ask for, refusing one the command does not support. */
  format(supported: readonly OutputFormat[]): OutputFormat {
    const format = chooseFormat(this.globals);
    if (!supported.includes(format)) {
      throw new UsageError(`this command does not support --${format}`, {
        hint: `it supports: ${
          supported
            .filter((f) => f !== 'table')
            .map((f) => `--${f}`)
            .join(', ') || 'no machine formats'
        }`,
      });
    }
    return format;
  }

  async emit<Row>(dataset: Dataset<Row>, format: OutputFormat): Promise<void> {
    const config = await this.config();
    this.deps.stdout.write(
      render(dataset, format, {
        isTTY: this.deps.stdout.isTTY === true,
        width: this.deps.stdout.columns,
        style: await this.style(),
        timezone: config.getString('timezone'),
        nowMs: this.clock.nowMs(),
      }),
    );
  }

  /** Writes plain text (a path, a value) to stdout. */
  print(text: string): void {
    this.deps.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  async style(): Promise<Style> {
    if (!this.#style) {
      const setting = (await this.config()).getString('color') as 'auto' | 'always' | 'never';
      const enabled = shouldUseColor({
        isTTY: this.deps.stdout.isTTY === true,
        env: this.deps.env,
        colorFlag: this.globals.color !== false,
        setting,
      });
      this.#style = createStyle(enabled);
    }
    return this.#style;
  }

  /** A failure that does not stop the command (one symbol of several): stderr, then exit 1. */
  fail(error: AppError): void {
    this.exitCode = EXIT.failure;
    if (this.isJsonMode()) {
      this.deps.stderr.write(JSON.stringify(error.toJSON()) + '\n');
    } else {
      this.deps.stderr.write(`error: ${error.message}\n`);
      if (error.hint) this.deps.stderr.write(`hint: ${error.hint}\n`);
    }
  }

  warn(message: string): void {
    if (this.globals.quiet !== true) this.deps.stderr.write(`warning: ${message}\n`);
  }

  debug(message: string): void {
    if (this.globals.debug === true) this.deps.stderr.write(`debug: ${message}\n`);
  }

  isJsonMode(): boolean {
    return this.globals.json === true || this.globals.ndjson === true;
  }

  close(): void {
    this.#store?.close();
    this.#store = undefined;
  }
}

/** better-sqlite3 is installed but its native part was not built (or built for another Node). */
function isMissingDriver(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === 'ERR_DLOPEN_FAILED' || /bindings file/.test(message ?? '');
}

function missingDriverError(cause: unknown): StoreError {
  return new StoreError('sqlite-unavailable', 'the SQLite driver (better-sqlite3) is not built for this Node.js', {
    hint: 'run `npm rebuild better-sqlite3` where stockato is installed, or use `npx --allow-scripts=better-sqlite3 stockato ...`',
    cause,
  });
}
