import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import type { CredentialLookup, Credentials } from '../../secrets/index.js';
import { requireKeyedProvider } from '../../secrets/keyed-providers.js';
import { SecretsError } from '../../secrets/errors.js';

export function defineGet(command: Command, context: () => CommandContext): void {
  command.argument('<provider>', 'polygon, finnhub, alpaca or alphavantage').action(async (provider: string) => {
    const ctx = context();
    const format = ctx.format(['table', 'json']);
    const found = await runGetKey(provider, { credentials: await ctx.credentialStore() });
    ctx.print(format === 'json' ? JSON.stringify({ provider, source: found.source, key: found.value }) : found.value);
  });
}

/** The key as the providers would get it (same lookup order); none is a failure (exit 1). */
export async function runGetKey(provider: string, deps: { credentials: Credentials }): Promise<CredentialLookup> {
  const { id, envVar } = requireKeyedProvider(provider);
  const found = await deps.credentials.get(id);
  if (!found) {
    throw new SecretsError('key-not-found', `no ${id} key is set (not in the keychain, ${envVar} or the key file)`, {
      hint: `stockato keys set ${id}`,
    });
  }
  return found;
}
