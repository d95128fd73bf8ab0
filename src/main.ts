import { CommanderError } from 'commander';
import { buildProgram } from './cli.js';
import { systemClock } from './clock.js';
import type { CliDeps } from './context.js';
import { AppError, EXIT, UsageError, type ExitCode } from './errors.js';

/**
 * Runs one command line and returns its exit code. Never exits the process, so tests can call it
 * with their own streams, environment and clock.
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const jsonErrors = argv.includes('--json') || argv.includes('--ndjson');
  const debug = argv.includes('--debug');
  let built: Awaited<ReturnType<typeof buildProgram>> | undefined;
  try {
    built = await buildProgram(deps, argv);
    await built.program.parseAsync(argv as string[]);
    return built.context().exitCode;
  } catch (error) {
    return report(error, deps, { jsonErrors, debug });
  } finally {
    built?.context().close();
  }
}

/** The real process: its streams, environment and clock, signals and a closed stdout. */
export async function main(argv: readonly string[] = process.argv): Promise<ExitCode | number> {
  // `stockato history X | head`: the reader left, which is not a failure. Writes after that are
  // dropped and the command ends normally with 0 (exiting from inside the stream's error event
  // can crash Node 24 while native database handles are being torn down).
  let readerLeft = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || readerLeft) {
      readerLeft = true;
      return;
    }
    throw error;
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => process.exit(EXIT.interrupted));
  }
  const env = process.env;
  const stdout = {
    get isTTY() {
      return process.stdout.isTTY;
    },
    get columns() {
      return process.stdout.columns;
    },
    write: (text: string) => readerLeft || process.stdout.write(text),
    // For long-running writers (`stream`): wait for a full pipe to drain, notice a reader that left.
    get closed() {
      return readerLeft;
    },
    once: (event: 'drain', listener: () => void) => process.stdout.once(event, listener),
  };
  let clock;
  try {
    clock = systemClock(env);
  } catch (error) {
    return report(
      error,
      { stdin: process.stdin, stdout, stderr: process.stderr, env, clock: { nowMs: Date.now } },
      { jsonErrors: argv.includes('--json'), debug: false },
    );
  }
  const code = await runCli(argv, { stdin: process.stdin, stdout, stderr: process.stderr, env, clock });
  return readerLeft ? EXIT.ok : code;
}

function report(error: unknown, deps: CliDeps, mode: { jsonErrors: boolean; debug: boolean }): number {
  const appError = toAppError(error);
  if (appError === 'quiet-exit') return EXIT.ok;
  if (appError === undefined) {
    const message = error instanceof Error ? error.message : String(error);
    deps.stderr.write(
      mode.jsonErrors
        ? JSON.stringify({ error: { code: 'internal', message } }) + '\n'
        : `error: unexpected failure: ${message}\n${mode.debug ? '' : 'run again with --debug for the stack\n'}`,
    );
    if (mode.debug && error instanceof Error) deps.stderr.write(`${error.stack ?? ''}\n`);
    return EXIT.failure;
  }
  if (mode.jsonErrors) {
    deps.stderr.write(JSON.stringify(appError.toJSON()) + '\n');
  } else {
    deps.stderr.write(`error: ${appError.message}\n`);
    if (appError.hint) deps.stderr.write(`hint: ${appError.hint}\n`);
  }
  if (mode.debug && appError.cause instanceof Error) deps.stderr.write(`cause: ${appError.cause.stack ?? ''}\n`);
  return appError.exitCode;
}

/** Commander's own errors (unknown option, missing argument) are usage errors; help is not. */
function toAppError(error: unknown): AppError | 'quiet-exit' | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof CommanderError) {
    if (error.exitCode === 0 || error.code === 'commander.help' || error.code === 'commander.helpDisplayed') {
      return 'quiet-exit';
    }
    if (error.code === 'commander.version') return 'quiet-exit';
    const message = error.message.replace(/^error: /, '');
    return new UsageError(message, { hint: 'see stockato --help or stockato COMMAND --help' });
  }
  return undefined;
}
