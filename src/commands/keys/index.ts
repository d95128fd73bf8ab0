import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { KEYED_PROVIDER_IDS } from '../../secrets/keyed-providers.js';
import { defineGet } from './get.js';
import { defineList } from './list.js';
import { defineRm } from './rm.js';
import { defineSet } from './set.js';

const EXAMPLES = `
Providers with keys: ${KEYED_PROVIDER_IDS.join(', ')}.
Lookup order: the OS keychain, then STOCKATO_<PROVIDER>_KEY, then the opt-in file keys.json.

Examples:
  $ stockato keys set polygon                      # hidden prompt; stored in the OS keychain
  $ pass show polygon | stockato keys set polygon --stdin
  $ stockato keys set alpaca --stdin --file < alpaca.txt   # KEY_ID:SECRET_KEY, into keys.json (0600)
  $ stockato keys list
  $ curl -H "Authorization: Bearer $(stockato keys get polygon)" ...
  $ stockato keys rm finnhub`;

export function define(command: Command, context: () => CommandContext): void {
  command.addHelpText('after', EXAMPLES);
  defineSet(command.command('set').description('store the key of a provider (hidden prompt or --stdin)'), context);
  defineGet(command.command('get').description('print the key of a provider to stdout, for scripts'), context);
  defineRm(
    command.command('rm').description('remove the key of a provider from the keychain and the key file'),
    context,
  );
  defineList(
    command.command('list').description('which providers have a key, and where it is set (never the key)'),
    context,
  );
}
