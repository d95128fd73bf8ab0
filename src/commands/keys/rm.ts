import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import type { CredentialStore, RemovedKey } from '../../secrets/index.js';
import { requireKeyedProvider } from '../../secrets/keyed-providers.js';
import { SecretsError } from '../../secrets/errors.js';

export function defineRm(command: Command, context: () => CommandContext): void {
  command.argument('<provider>', 'polygon, finnhub, alpaca or alphavantage').action(async (provider: string) => {
    const ctx = context();
    const format = ctx.format(['table', 'json']);
    const result = await runRemoveKey(provider, { store: await ctx.credentialStore() });
    const { envVar } = requireKeyedProvider(provider);
    if (result.stillInEnvironment)
      ctx.warn(`${envVar} is still set in the environment; unset it there to remove that key too`);
    if (format === 'json') ctx.print(JSON.stringify({ provider, ...result }));
    else if (ctx.globals.quiet !== true && result.removed.length > 0) {
      ctx.deps.stderr.write(`removed the ${provider} key from the ${result.removed.join(' and the ')}\n`);
    }
  });
}

/** Removes the key wherever stockato stored it; nothing to remove is a failure (exit 1). */
export async function runRemoveKey(provider: string, deps: { store: CredentialStore }): Promise<RemovedKey> {
  const { id } = requireKeyedProvider(provider);
  const result = await deps.store.remove(id);
  if (result.removed.length === 0 && !result.stillInEnvironment) {
    throw new SecretsError('key-not-found', `no ${id} key is stored in the keychain or the key file`, {
      hint: 'stockato keys list shows where keys are set',
    });
  }
  return result;
}
