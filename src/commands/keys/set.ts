import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { CredentialStore, KeyDestination } from '../../secrets/index.js';
import { requireKeyedProvider } from '../../secrets/keyed-providers.js';
import { promptHidden, readAll, type KeyInput } from './read-key.js';

export interface SetKeyOptions {
  readonly provider: string;
  readonly from: 'stdin' | 'prompt';
  readonly destination: KeyDestination;
}

export function defineSet(command: Command, context: () => CommandContext): void {
  command
    .argument('<provider>', 'polygon, finnhub, alpaca or alphavantage')
    .argument('[key]', 'refused: a key given here would be saved in your shell history')
    .option('--stdin', 'read the key from standard input instead of a hidden prompt')
    .option('--file', 'store it in the plain key file (mode 0600) instead of the OS keychain')
    .action(async (provider: string, extra: string | undefined, raw: { stdin?: boolean; file?: boolean }) => {
      const ctx = context();
      const format = ctx.format(['table', 'json']);
      const config = await ctx.config();
      const options = parseSetKeyOptions(provider, extra, raw, config.getString('keys.store'));
      const input: KeyInput = ctx.deps.stdin;
      const result = await runSetKey(options, {
        store: await ctx.credentialStore(),
        readKey: (label) => (options.from === 'stdin' ? readAll(input) : promptHidden(input, ctx.deps.stderr, label)),
      });
      if (format === 'json') ctx.print(JSON.stringify(result));
      else if (ctx.globals.quiet !== true)
        ctx.deps.stderr.write(`stored the ${result.provider} key in ${result.location}\n`);
    });
}

export function parseSetKeyOptions(
  provider: string,
  extra: string | undefined,
  raw: { stdin?: boolean; file?: boolean },
  storeSetting: string,
): SetKeyOptions {
  if (extra !== undefined) {
    // Never echo it: it is most likely the key itself.
    throw new UsageError('keys set takes no key argument: a key on the command line is saved in your shell history', {
      hint: `type it at the hidden prompt (stockato keys set ${provider}) or pipe it with --stdin`,
    });
  }
  requireKeyedProvider(provider);
  return {
    provider,
    from: raw.stdin === true ? 'stdin' : 'prompt',
    destination: raw.file === true || storeSetting === 'file' ? 'file' : 'keychain',
  };
}

export interface SetKeyDeps {
  readonly store: CredentialStore;
  readonly readKey: (label: string) => Promise<string>;
}

export async function runSetKey(
  options: SetKeyOptions,
  deps: SetKeyDeps,
): Promise<{ provider: string; destination: KeyDestination; location: string }> {
  const provider = requireKeyedProvider(options.provider);
  const key = await deps.readKey(`${provider.displayName} key (${provider.form}, not shown)`);
  const location = await deps.store.set(provider.id, key, options.destination);
  return { provider: provider.id, destination: options.destination, location };
}
