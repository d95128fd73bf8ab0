/**
 * Expected failures carry a stable `code`, the exit code the CLI should end with, and an optional
 * hint telling the user what to do. Anything thrown that is not an AppError is a bug.
 */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  alertFired: 3,
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface AppErrorOptions {
  hint?: string;
  cause?: unknown;
}

export class AppError extends Error {
  readonly hint: string | undefined;

  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: ExitCode = EXIT.failure,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }

  toJSON(): { error: { code: string; message: string; hint?: string } } {
    return {
      error: { code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}) },
    };
  }
}

/** Bad arguments, options or input data: exit 2. */
export class UsageError extends AppError {
  constructor(message: string, options: AppErrorOptions = {}) {
    super('usage', message, EXIT.usage, options);
  }
}

/** An invalid configuration file or value, or a bad STOCKATO_HOME: exit 2. */
export class ConfigError extends AppError {
  constructor(message: string, options: AppErrorOptions = {}) {
    super('config', message, EXIT.usage, options);
  }
}

/** The database could not be opened, migrated or written. */
export class StoreError extends AppError {
  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(code, message, EXIT.failure, options);
  }
}

/** A market data source failed. `retryable` tells a router it may try the next provider. */
export class ProviderError extends AppError {
  constructor(
    readonly provider: string,
    code: string,
    message: string,
    readonly retryable: boolean,
    options: AppErrorOptions = {},
  ) {
    super(code, message, EXIT.failure, options);
  }
}

/** The provider does not know this symbol. Not retryable on the same provider. */
export class UnknownSymbolError extends ProviderError {
  constructor(
    provider: string,
    readonly symbol: string,
    options: AppErrorOptions = {},
  ) {
    super(provider, 'unknown-symbol', `unknown symbol "${symbol}" on ${provider}`, false, options);
  }
}

export class RateLimitError extends ProviderError {
  constructor(
    provider: string,
    message: string,
    readonly retryAfterMs: number | undefined,
    options: AppErrorOptions = {},
  ) {
    super(provider, 'rate-limited', message, true, options);
  }
}

/** Ctrl-C or SIGTERM while a command ran: exit 130. */
export class InterruptedError extends AppError {
  constructor() {
    super('interrupted', 'interrupted', EXIT.interrupted);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
